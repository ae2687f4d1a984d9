import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LeadImportValues } from "@/lib/leads/schemas";
import { leadsToCsv } from "./export";
import { findDuplicates, leadsToImport, parseImportCandidates, previewLeadsImport } from "./import-leads";

const existing = [{ company: "Acme", contactName: "Ann Lee", email: "ann@acme.test" }];

function preview(text: string) {
  const result = previewLeadsImport({ text, existing });
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}

describe("import preview", () => {
  const file = [
    "Organisation,Contact,Email address,Mobile,LinkedIn,Notes,Shoe size",
    "Globex,Hank Scorpio,hank@globex.test,+1 555 0100,https://linkedin.com/in/hank,Volcano,44",
    ",No Company,nobody@x.test,,,,",
    "Initech,Bill,not-an-email,,javascript:alert(1),,",
    "ACME,ann lee,,,,,",
    "Umbrella,,ANN@acme.test,,,,",
    "Globex,Other Person,hank@GLOBEX.test,,,,",
    'Hooli,"Gavin ""G"" Belson",,,www.linkedin.com/in/gavin,"Line one',
    'line two",',
  ].join("\n");

  it("shows every row with its line, its problems, and the duplicates", () => {
    const result = preview(file);
    expect(result.rows.map((row) => [row.line, row.status])).toEqual([
      [2, "ready"],
      [3, "invalid"],
      [4, "invalid"],
      [5, "duplicate"],
      [6, "duplicate"],
      [7, "duplicate"],
      [8, "ready"],
    ]);
    expect(result.rows[1]!.problems).toEqual(["Company: Enter the company."]);
    expect(result.rows[2]!.problems).toEqual([
      "E-mail: Enter a valid e-mail address, or leave it empty.",
      "LinkedIn URL: Enter a LinkedIn address like linkedin.com/in/your-name.",
    ]);
    expect(result.rows[3]!.problems).toEqual(["Same company and contact as a lead you have"]);
    expect(result.rows[4]!.problems).toEqual(["Same e-mail as a lead you have"]);
    expect(result.rows[5]!.problems).toEqual(["Same e-mail as line 2"]);
    expect(result.counts).toEqual({ ready: 2, invalid: 2, duplicate: 3 });
    expect(result.ignoredColumns).toEqual(["Shoe size"]);
    expect(result.candidates.map((c) => c.line)).toEqual([2, 5, 6, 7, 8]);
    expect(result.candidates.at(-1)!.lead).toMatchObject({
      company: "Hooli",
      contactName: 'Gavin "G" Belson',
      linkedinUrl: "https://www.linkedin.com/in/gavin",
      notes: "Line one\nline two",
      cadenceDays: 7,
    });
  });

  it("flags a row with more cells than the header", () => {
    const result = preview("Company,Title\nAcme Two,Boss,extra\n");
    expect(result.rows[0]!.problems).toEqual(["More cells than the header has columns (an unquoted comma?)"]);
    expect(result.candidates).toEqual([]);
  });

  it("fails as a whole without a company column, without rows, or for broken CSV", () => {
    expect(previewLeadsImport({ text: "Name,Email\nA,a@b.test", existing })).toMatchObject({ ok: false, error: expect.stringMatching(/No company column/) });
    expect(previewLeadsImport({ text: "Company\n", existing })).toMatchObject({ ok: false, error: expect.stringMatching(/no rows/) });
    expect(previewLeadsImport({ text: 'Company\n"Acme\n', existing })).toMatchObject({ ok: false, error: expect.stringMatching(/line 2/) });
  });
});

describe("confirming an import", () => {
  it("re-validates the rows sent back and refuses anything tampered with", () => {
    const good = JSON.stringify([{ line: 2, lead: { company: "Acme", contactName: "", title: "", email: "", phone: "", linkedinUrl: "", notes: "" } }]);
    expect(parseImportCandidates(good)).toMatchObject({ ok: true, candidates: [{ line: 2, lead: { company: "Acme", cadenceDays: 7 } }] });
    expect(parseImportCandidates("not json").ok).toBe(false);
    expect(parseImportCandidates("[]")).toEqual({ ok: false, error: "There is nothing to import." });
    const tampered = JSON.stringify([{ line: 2, lead: { company: "", email: "x" } }]);
    expect(parseImportCandidates(tampered).ok).toBe(false);
    const evilUrl = JSON.stringify([{ line: 2, lead: { company: "A", contactName: "", title: "", email: "", phone: "", linkedinUrl: "javascript:alert(1)", notes: "" } }]);
    expect(parseImportCandidates(evilUrl)).toEqual({
      ok: false,
      error: "Line 2: LinkedIn URL: Enter a LinkedIn address like linkedin.com/in/your-name.",
    });
    const tooMany = JSON.stringify(Array.from({ length: 5001 }, (_, i) => ({ line: i + 2, lead: { company: `L${i}` } })));
    expect(parseImportCandidates(tooMany).ok).toBe(false);
  });

  it("skips duplicates (checked again) unless asked to keep them", () => {
    const candidates = [
      { line: 2, lead: lead({ company: "New" }) },
      { line: 3, lead: lead({ company: "acme", contactName: "ANN LEE" }) },
    ];
    expect(leadsToImport({ candidates, existing, includeDuplicates: false }).map((l) => l.company)).toEqual(["New"]);
    expect(leadsToImport({ candidates, existing, includeDuplicates: true }).map((l) => l.company)).toEqual(["New", "acme"]);
    expect(findDuplicates(candidates, [])).toEqual(new Map());
  });
});

function lead(values: Partial<LeadImportValues>): LeadImportValues {
  return { company: "", contactName: "", title: "", email: "", phone: "", linkedinUrl: "", notes: "", personalNotes: "", cadenceDays: 7, ...values };
}

describe("export then import", () => {
  // Values a valid lead can hold: any text (trimmed, as the app stores it), formula-like text included.
  const text = (max: number) =>
    fc
      .string({ maxLength: max, unit: fc.constantFrom("a", "Z", " ", ",", '"', "\n", "=", "+", "-", "@", "'", ";", "é", "1") })
      .map((value) => value.trim());
  const exportedLead = fc.record({
    company: text(20).filter((value) => value.length > 0),
    contactName: text(20),
    title: text(20),
    email: fc.constantFrom("", "ann@acme.test", "B.O'Neil@example.org"),
    phone: fc.constantFrom("", "+44 20 7946 0000", "(555) 010-0199", "-1 555 0100"),
    linkedinUrl: fc.constantFrom("", "https://www.linkedin.com/in/ann", "http://x.test/a?b=c,d"),
    notes: text(40),
    personalNotes: text(40),
    cadenceDays: fc.integer({ min: 3, max: 30 }),
  });

  it("gives back exactly the leads exported", () => {
    fc.assert(
      fc.property(fc.array(exportedLead, { minLength: 1, maxLength: 8 }), (leads) => {
        const csv = leadsToCsv(leads.map((l) => ({ ...l, pausedUntil: null, closedAs: null, closedReason: "" })));
        const result = previewLeadsImport({ text: csv, existing: [] });
        if (!result.ok) throw new Error(result.error);
        expect(result.preview.counts.invalid).toBe(0);
        // Duplicates within the file are only flagged: every row comes back as a candidate.
        expect(result.preview.candidates.map((c) => c.lead)).toEqual(leads);
        expect(result.preview.candidates.map((c) => c.line)).toEqual(result.preview.rows.map((row) => row.line));
      }),
    );
  });
});
