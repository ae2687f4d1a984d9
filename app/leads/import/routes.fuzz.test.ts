// Property-based tests of the CSV importer (docs/reliability.md, "Bad input"): generated files, well formed
// and broken, through the real upload and confirm route handlers on a real database. See
// test/fuzz/session.ts for what is mocked and why.
import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import {
  extraFields,
  HTML_TEXT,
  longText,
  nastyText,
  oddText,
  SQL_TEXT,
  storedUrl,
  toUsv,
  validText,
  withoutNul,
  type FormEntries,
} from "@/test/fuzz/inputs";
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzDatabase, FuzzDb, Tally, type Outcome } from "@/test/fuzz/run";
import { addUser } from "@/test/fuzz/database";
import { actAs } from "@/test/fuzz/session";
import type { Db } from "@/db/client";
import { createLead, listLeads } from "@/db/queries/leads";
import { addLeads } from "@/test/fixtures/today";
import { createUser } from "@/db/queries/users";
import { leads } from "@/db/schema";
import { unescapeCsvFormula } from "@/lib/csv/escape";
import { previewLeadsImport } from "@/lib/csv/import-leads";
import { CSV_MAX_BYTES, CSV_MAX_ROWS } from "@/lib/csv/limits";
import type { LeadImportValues } from "@/lib/leads/schemas";
import { POST as confirmPost } from "./confirm/route";
import type { ImportConfirmResult, ImportPreviewResult } from "./steps";
import { POST as uploadPost } from "./upload/route";


const test = fuzzDatabase();
let db: Db;
let fuzzDb: FuzzDb;
let seekerId: string;

/** Leads the generated files may duplicate. */
const EXISTING = [
  { company: "Acme", contactName: "Ann Lee", email: "ann@acme.test" },
  { company: "Globex", contactName: "", email: "hank@globex.test" },
];

async function seedSamsLeads(): Promise<void> {
  for (const lead of EXISTING) {
    await createLead(db, {
      userId: seekerId,
      now: new Date(),
      lead: { ...lead, title: "", phone: "", linkedinUrl: "", notes: "", personalNotes: "", cadenceDays: 7 },
    });
  }
}

beforeEach(async () => {
  ({ db, fuzz: fuzzDb } = test);
  await fuzzDb.reset();
  const seeker = await addUser(db, "Sam", { timeZone: "America/St_Johns" });
  const other = (await createUser(db, { name: "Olga", email: "olga@example.com", passwordHash: "x", timeZone: "UTC" }))!;
  seekerId = seeker.id;
  await addLeads(db, { userId: other.id, companies: ["Acme", "Olga's Globex"], extra: { email: "ann@acme.test" } });
  await seedSamsLeads();
  await fuzzDb.watch([other.id]);
  actAs(seeker);
});

/** Sam's leads in list order. */
async function samsLeadIds(): Promise<string[]> {
  const rows = await db.select({ id: leads.id }).from(leads).where(eq(leads.userId, seekerId)).orderBy(asc(leads.position), asc(leads.createdAt), asc(leads.id));
  return rows.map((row) => row.id);
}

/** Keeps Sam's list short, so each run's fingerprint and duplicate check stay cheap. */
async function keepListShort(): Promise<void> {
  if ((await fuzzDb.cached("Sam's leads", samsLeadIds)).length <= 60) return;
  await db.delete(leads).where(eq(leads.userId, seekerId));
  await seedSamsLeads();
  fuzzDb.changed();
}

// ---------------------------------------------------------------------------------------------
// Generated CSV files

const COMPANY_HEADERS = ["Company", "company", " ORGANISATION ", "Organization", "Employer", "Company name", "Account"];
const OTHER_HEADERS = [
  "Contact name", "Name", "First name", "Last name", "Title", "Job title", "E-mail", "Email address", "Phone", "Mobile",
  "LinkedIn URL", "LinkedIn", "Notes", "Personal notes", "Cadence (days)", "Shoe size", "Société", "", "=cmd|' /C calc'!A0",
  "<script>alert(1)</script>", "'; drop table leads; --",
];

const FORMULA_CELLS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.test","click")',
  "+1+1",
  "-2+3",
  "@SUM(A1:A9)",
  "'=1+2",
  "''=1+2",
  "\t=1",
  "=1+2",
  "-",
  "+44 20 7946 0000",
];

/** A cell: usually something a lead could hold, else anything. */
const cellText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("Acme", "ACME", "ann lee", "Ann Lee", "ann@acme.test", "hank@GLOBEX.test", "Initech", "Zoë Ünal", "7", "14", "90", "0", "https://www.linkedin.com/in/ann", "linkedin.com/in/bob", "+1 555 0100", "") },
  { weight: 4, arbitrary: validText(200) },
  { weight: 2, arbitrary: fc.constantFrom(...FORMULA_CELLS) },
  { weight: 2, arbitrary: fc.constantFrom('say "hi"', "a,b", "line one\nline two", "cr\ronly", "crlf\r\nend", '"', '""', "'", ";", "\t", " padded ") },
  { weight: 2, arbitrary: oddText },
  { weight: 1, arbitrary: fc.constantFrom(...HTML_TEXT, ...SQL_TEXT) },
);

type Breakage =
  | { kind: "none" }
  | { kind: "unclosed quote"; row: number }
  | { kind: "text after a closing quote"; row: number }
  | { kind: "stray quote"; row: number };

type CsvPlan = {
  header: string[];
  rows: string[][];
  delimiter: "," | ";" | "\t";
  newline: "\n" | "\r\n" | "\r" | "mixed";
  quoteAll: boolean;
  bom: boolean;
  blankLines: boolean;
  breakage: Breakage;
};

const csvPlan: fc.Arbitrary<CsvPlan> = fc
  .record({
    header: fc.tuple(
      fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...COMPANY_HEADERS) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_HEADERS) }),
      fc.array(fc.constantFrom(...OTHER_HEADERS, ...COMPANY_HEADERS), { maxLength: 6 }),
      fc.nat(),
    ),
    rows: fc.array(fc.array(cellText, { maxLength: 9 }), { maxLength: 8 }),
    delimiter: fc.constantFrom(",", ",", ",", ";", "\t"),
    newline: fc.constantFrom("\n", "\r\n", "\r", "mixed"),
    quoteAll: fc.boolean(),
    bom: fc.boolean(),
    blankLines: fc.boolean(),
    breakage: fc.oneof(
      { weight: 5, arbitrary: fc.constant<Breakage>({ kind: "none" }) },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom("unclosed quote", "text after a closing quote", "stray quote"), fc.nat())
          .map(([kind, row]) => ({ kind, row }) as Breakage),
      },
    ),
  })
  .map(({ header: [company, others, at], ...plan }) => {
    const header = [...others];
    header.splice(at % (others.length + 1), 0, company);
    return { header, ...plan };
  });

/** A comma file, well formed or with one quote broken: no characters of other delimiters, a header of two named columns or more. */
const plainCsvPlan: fc.Arbitrary<CsvPlan> = fc
  .tuple(csvPlan, fc.constantFrom(...OTHER_HEADERS.filter((header) => header.trim() !== "" && !/[;\t|]/.test(header))))
  .map(([plan, second]) => {
    const plain = (cell: string) => cell.replace(/[;\t|\u001E\u001F]/g, " ");
    const header = plan.header.filter((cell) => cell.trim() !== "").map(plain);
    return {
      ...plan,
      header: header.length > 1 ? header : [...header, second],
      rows: plan.rows.map((cells) => cells.map(plain)),
      delimiter: ",",
    };
  });

function quoteCell(cell: string, plan: CsvPlan): string {
  const needsQuotes = plan.quoteAll || cell.includes(plan.delimiter) || /["\r\n]/.test(cell) || /^\s|\s$/.test(cell);
  return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The file's text, and for each data row the line it starts on (rows of blank cells are not rows). */
function renderCsv(plan: CsvPlan): { text: string; rowLines: number[]; brokenLine: number | null } {
  const lines = [plan.header, ...plan.rows].map((cells) => cells.map((cell) => quoteCell(cell, plan)).join(plan.delimiter));
  let brokenIndex = -1;
  const { breakage } = plan;
  if (breakage.kind !== "none" && lines.length > 1) {
    const index = 1 + (breakage.row % (lines.length - 1));
    if (breakage.kind === "unclosed quote") lines[index] = `"${lines[index]}`;
    if (breakage.kind === "text after a closing quote") lines[index] = `"quoted"tail${plan.delimiter}${lines[index]}`;
    if (breakage.kind === "stray quote") lines[index] = `st"ray${plan.delimiter}${lines[index]}`;
    brokenIndex = index;
  }
  let text = "";
  const rowStarts: number[] = [];
  let brokenStart = -1;
  lines.forEach((line, index) => {
    if (index > 0) {
      const newline = plan.newline === "mixed" ? ["\n", "\r\n", "\r"][index % 3]! : plan.newline;
      text += plan.blankLines && index % 2 === 0 ? newline + newline : newline;
    }
    if (index === brokenIndex) brokenStart = text.length;
    const cells = index === 0 ? plan.header : plan.rows[index - 1]!;
    if (index > 0 && cells.some((cell) => cell.trim() !== "")) rowStarts.push(text.length);
    text += line;
  });
  // A line break is CR LF, CR or LF, wherever it comes from (a mixed file may join a CR and an LF).
  const lineAt = (offset: number) => 1 + (text.slice(0, offset).match(/\r\n|\r|\n/g) ?? []).length;
  const rowLines = rowStarts.map(lineAt);
  const brokenLine = brokenStart >= 0 ? lineAt(brokenStart) : null;
  return { text: plan.bom ? `\uFEFF${text}` : text, rowLines, brokenLine };
}

/** A comma file that no other delimiter could explain (else the parser guesses, and reads what it guessed). */
function isCommaCsv(plan: CsvPlan): boolean {
  const cells = [plan.header, ...plan.rows].flat();
  return plan.delimiter === "," && plan.header.length > 1 && cells.every((cell) => !/[;\t|\u001E\u001F]/.test(cell));
}

/** A plan whose rows the parser must read exactly as written. */
function isPlainCsv(plan: CsvPlan): boolean {
  return plan.breakage.kind === "none" && isCommaCsv(plan) && plan.header.every((cell) => cell.trim() !== "");
}

type UploadPlan =
  | { kind: "csv"; plan: CsvPlan; encoding: "utf-8" | "latin1" | "utf-16le" }
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "text"; text: string }
  | { kind: "huge"; extra: number }
  | { kind: "many rows"; rows: number }
  | { kind: "streamed"; value: string; extra: number; huge: boolean }
  | { kind: "no file" };

const uploadPlan: fc.Arbitrary<UploadPlan> = fc.oneof(
  { weight: 80, arbitrary: fc.record({ kind: fc.constant("csv" as const), plan: csvPlan, encoding: fc.constantFrom("utf-8", "utf-8", "utf-8", "utf-8", "latin1", "utf-16le") }) },
  { weight: 30, arbitrary: fc.record({ kind: fc.constant("csv" as const), plan: plainCsvPlan, encoding: fc.constant("utf-8" as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("bytes" as const), bytes: fc.uint8Array({ maxLength: 300 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("text" as const),
      text: fc.oneof(
        fc.constantFrom("", "\uFEFF", "\n\n\n", " , , ", "Company", "Company\n", "Company\r\n\r\n", '"', '"Company', 'Company\n"Acme', "Name,Email\nAnn,ann@acme.test", "Company\n\u0000Acme\u0000"),
        nastyText(),
        longText.map((text) => `Company,Notes\nAcme,"${text.replaceAll('"', '""')}"`),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("huge" as const), extra: fc.integer({ min: -10, max: 10 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("many rows" as const), rows: fc.integer({ min: CSV_MAX_ROWS - 1, max: CSV_MAX_ROWS + 2 }) }) },
  // Sent as a stream with no length: the cap holds while reading.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("streamed" as const), value: fc.oneof(fc.constant("Company\nAcme"), oddText), extra: fc.integer({ min: -10, max: 10 }), huge: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ kind: "no file" as const }) },
);

function encode(text: string, encoding: "utf-8" | "latin1" | "utf-16le"): Uint8Array {
  if (encoding === "utf-8") return new TextEncoder().encode(text);
  return Buffer.from(encoding === "latin1" ? text : `\uFEFF${text}`, encoding);
}

/** The request body an upload plan sends, and whether it goes as a stream of unknown length. */
function uploadBody(upload: UploadPlan): { bytes: Uint8Array; streamed: boolean } {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  switch (upload.kind) {
    case "csv":
      return { bytes: encode(renderCsv(upload.plan).text, upload.encoding), streamed: false };
    case "bytes":
      return { bytes: upload.bytes, streamed: false };
    case "text":
      return { bytes: utf8(upload.text), streamed: false };
    case "huge": {
      const head = "Company,Notes\n";
      return { bytes: utf8(head + "a".repeat(CSV_MAX_BYTES - head.length + upload.extra)), streamed: false };
    }
    case "many rows":
      return { bytes: utf8(`Company\n${Array.from({ length: upload.rows }, (_, i) => `Lead ${i}`).join("\n")}`), streamed: false };
    case "streamed": {
      const text = upload.huge ? `Company,Notes\nAcme,${"a".repeat(CSV_MAX_BYTES - 20 + upload.extra)}` : upload.value;
      return { bytes: utf8(text), streamed: true };
    }
    case "no file":
      return { bytes: new Uint8Array(), streamed: false };
  }
}

const SITE = "http://cadence.test";

/** A POST as the import page's fetch sends it: same origin, the length declared unless streamed. */
function importRequest(path: string, bytes: Uint8Array, { streamed = false, contentType = "text/csv" } = {}): Request {
  const headers: Record<string, string> = { origin: SITE, host: "cadence.test", "content-type": contentType };
  if (!streamed) headers["content-length"] = String(bytes.byteLength);
  const body = streamed
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.byteLength; at += 64 * 1024) controller.enqueue(bytes.slice(at, at + 64 * 1024));
          controller.close();
        },
      })
    : bytes;
  return new Request(`${SITE}${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** What a route handler's JSON answer means to the form: ok, a refusal, or (confirm) where to go. */
async function outcomeOf<R>(response: Response): Promise<Outcome<R>> {
  const result = (await response.json()) as R & { ok?: unknown; location?: unknown };
  if (result.ok === true && typeof result.location === "string") return { kind: "redirect", location: result.location };
  // 200 for an answer that worked, an error status for a refusal.
  if ((response.status === 200) !== (result.ok === true)) expect.fail(`${response.status}: ${JSON.stringify(result).slice(0, 300)}`);
  return result.ok === true ? { kind: "ok", result } : { kind: "rejected", result };
}

function postUpload(plan: UploadPlan): Promise<Outcome<ImportPreviewResult>> {
  const { bytes, streamed } = uploadBody(plan);
  return uploadPost(importRequest("/leads/import/upload", bytes, { streamed })).then((response) => outcomeOf<ImportPreviewResult>(response));
}

function confirm(entries: FormEntries): Promise<Outcome<ImportConfirmResult>> {
  const form = new URLSearchParams(entries.map(([name, value]) => [name, String(value)]));
  const bytes = new TextEncoder().encode(form.toString());
  return confirmPost(importRequest("/leads/import/confirm", bytes, { contentType: "application/x-www-form-urlencoded" })).then((response) =>
    outcomeOf<ImportConfirmResult>(response),
  );
}

// ---------------------------------------------------------------------------------------------

describe("CSV import fuzz", () => {
  it("the upload route reads any upload into a preview that names every row's line, or a clear error; it never writes", async () => {
    const tally = new Tally();
    let plainPreviews = 0;
    let quoteErrors = 0;
    await fc.assert(
      fc.asyncProperty(uploadPlan, async (upload) => {
        const outcome = await fuzzDb.attempt({ fields: ["file"], tally, neverWrites: true }, () => postUpload(upload));
        expect(["ok", "rejected"]).toContain(outcome.kind);
        if (outcome.kind === "rejected") {
          const { fieldErrors } = outcome.result as { fieldErrors: Record<string, string[]> };
          expect(fieldErrors.file?.length, "the error belongs to the file field").toBeGreaterThan(0);
          const quoteLine = /broken quote/.test(fieldErrors.file![0]!) ? Number(/line (\d+)/.exec(fieldErrors.file![0]!)?.[1]) : null;
          if (quoteLine !== null && upload.kind === "csv" && upload.encoding === "utf-8" && isCommaCsv(upload.plan)) {
            // A broken quote: the error names a line of the file, at or after the one that broke.
            const { text, brokenLine } = renderCsv(upload.plan);
            expect(quoteLine).toBeGreaterThanOrEqual(brokenLine ?? 1);
            expect(quoteLine).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
            quoteErrors += 1;
          }
        }
        if (outcome.kind !== "ok") return;
        const result = outcome.result as Extract<ImportPreviewResult, { ok: true }>;
        const { rows, candidates, counts } = result.preview;
        expect(counts.ready + counts.invalid + counts.duplicate).toBe(rows.length);
        expect(rows.length).toBeGreaterThan(0);
        const byLine = new Map(rows.map((row) => [row.line, row]));
        expect(byLine.size, "every row has a line of its own").toBe(rows.length);
        // Every row on a line after the header; a row that is not ready says why.
        expect(rows.filter((row) => row.line < 2 || row.problems.length > 0 !== (row.status !== "ready"))).toEqual([]);
        expect(rows.flatMap((row) => row.problems).filter((problem) => problem.trim() === "")).toEqual([]);
        expect(candidates.filter((candidate) => !["ready", "duplicate"].includes(byLine.get(candidate.line)?.status ?? ""))).toEqual([]);
        expect(candidates.length).toBe(counts.ready + counts.duplicate);
        if (upload.kind === "csv" && upload.encoding === "utf-8" && isPlainCsv(upload.plan)) {
          // A well-formed file: every row that has a cell is a row of the preview, on the line it starts on.
          plainPreviews += 1;
          expect(rows.map((row) => row.line)).toEqual(renderCsv(upload.plan).rowLines);
          const companyColumn = upload.plan.header.findIndex((header) => /^(company|organi[sz]ation|employer|companyname|account)$/.test(header.toLowerCase().replace(/[^a-z]/g, "")));
          const written = upload.plan.rows.filter((cells) => cells.some((cell) => cell.trim() !== ""));
          expect(rows.map((row) => row.fields.company)).toEqual(
            // As the file's bytes carry it: UTF-8 has no lone surrogate halves.
            written.map((cells) => unescapeCsvFormula(toUsv(withoutNul(cells[companyColumn] ?? "")).replace(/\r\n?/g, "\n"))),
          );
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(tally.of("ok"), JSON.stringify(tally.counts)).toBeGreaterThan(0);
    expect(tally.of("rejected"), JSON.stringify(tally.counts)).toBeGreaterThan(0);
    expect(plainPreviews).toBeGreaterThan(FUZZ_RUNS / 20);
    expect(quoteErrors).toBeGreaterThan(FUZZ_RUNS / 100);
  }, FUZZ_TIMEOUT_MS);

  it("the confirm route writes all of its checked rows in one go, or nothing with an error that names the line", async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(confirmPlan, async (plan) => {
        await keepListShort();
        const before = await fuzzDb.cached("Sam's leads", samsLeadIds);
        const entries: FormEntries = [
          ...(plan.rows === undefined ? [] : [["rows", plan.rows] as [string, string]]),
          ...(plan.includeDuplicates === undefined ? [] : [["includeDuplicates", plan.includeDuplicates] as [string, string]]),
          ...plan.extra,
        ];
        const outcome = await fuzzDb.attempt({ fields: ["rows", "includeDuplicates"], tally }, () => confirm(entries));
        expect(["redirect", "rejected"]).toContain(outcome.kind);
        if (outcome.kind === "rejected") {
          const { message } = outcome.result as { message: string };
          if (plan.badLine !== undefined) expect(message.startsWith(`Line ${plan.badLine}: `), message).toBe(true);
          return;
        }
        if (outcome.kind !== "redirect") return;
        const url = new URL(outcome.location, "https://cadence.test");
        expect(url.pathname).toBe("/leads");
        const imported = Number(url.searchParams.get("imported"));
        const skipped = Number(url.searchParams.get("skipped") ?? 0);
        expect(imported + skipped).toBe(plan.candidateCount);
        // All at once: exactly the imported rows are new, after the leads Sam had, in file order.
        const after = await listLeads(db, { userId: seekerId });
        expect(after.length).toBe(before.length + imported);
        expect(after.slice(0, before.length).map((lead) => lead.id)).toEqual(before);
        const added = after.slice(before.length).map(leadValues);
        if (plan.expected && plan.includeDuplicates === "yes") expect(added).toEqual(plan.expected);
        if (plan.expected) expect(isSubsequence(added, plan.expected)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(tally.of("redirect"), JSON.stringify(tally.counts)).toBeGreaterThan(0);
    expect(tally.of("rejected"), JSON.stringify(tally.counts)).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT_MS);
});

function leadValues(lead: LeadImportValues): LeadImportValues {
  const { company, contactName, title, email, phone, linkedinUrl, notes, personalNotes, cadenceDays } = lead;
  return { company, contactName, title, email, phone, linkedinUrl, notes, personalNotes, cadenceDays };
}

function isSubsequence<T>(part: readonly T[], whole: readonly T[]): boolean {
  let at = 0;
  for (const item of whole) if (at < part.length && JSON.stringify(part[at]) === JSON.stringify(item)) at += 1;
  return at === part.length;
}

// ---------------------------------------------------------------------------------------------
// What the confirm step can be sent

type ConfirmPlan = {
  rows: string | undefined;
  includeDuplicates: string | undefined;
  extra: [string, string][];
  /** Rows sent, when they are all valid. */
  candidateCount: number;
  /** The leads they make, as stored: text trimmed (NUL dropped), a scheme-less LinkedIn address made https. */
  expected?: LeadImportValues[];
  /** The line of the one tampered row, which the error must name. */
  badLine?: number;
};

type SentLead = Partial<Record<keyof LeadImportValues, string | number>>;

const sentLead: fc.Arbitrary<SentLead> = fc.record(
  {
    company: fc.oneof(validText(200).filter((text) => withoutNul(text).trim() !== ""), fc.constantFrom("Acme", "acme", "ACME ")),
    contactName: fc.oneof(validText(200), fc.constantFrom("Ann Lee", "ann lee")),
    title: validText(200),
    email: fc.constantFrom("", "ann@acme.test", "ANN@acme.test", " new@example.com ", "hank@globex.test"),
    phone: fc.constantFrom("", "+1 555 0100", "(555) 010-0199"),
    linkedinUrl: fc.constantFrom("", "https://www.linkedin.com/in/ann", "linkedin.com/in/<b>"),
    notes: validText(5000),
    personalNotes: validText(5000),
    cadenceDays: fc.oneof(fc.integer({ min: 3, max: 30 }), fc.integer({ min: 3, max: 30 }).map(String), fc.constant("")),
  },
  { requiredKeys: ["company", "contactName", "title", "email", "phone", "linkedinUrl", "notes"] },
);

function expectedLead(lead: SentLead): LeadImportValues {
  // JSON carries lone surrogate halves, which are stored as U+FFFD.
  const text = (key: keyof LeadImportValues) => toUsv(withoutNul(String(lead[key] ?? ""))).trim();
  const linkedin = text("linkedinUrl");
  const cadence = lead.cadenceDays;
  return {
    company: text("company"),
    contactName: text("contactName"),
    title: text("title"),
    email: text("email"),
    phone: text("phone"),
    linkedinUrl: storedUrl(linkedin),
    notes: text("notes"),
    personalNotes: text("personalNotes"),
    cadenceDays: cadence === "" || cadence === undefined ? 7 : Number(cadence),
  };
}

/** Ways to spoil one row of an otherwise valid list. */
const tampering: fc.Arbitrary<(row: { line: unknown; lead: SentLead }) => unknown> = fc.oneof(
  fc.constantFrom<(row: { line: unknown; lead: SentLead }) => unknown>(
    (row) => ({ ...row, lead: { ...row.lead, company: "" } }),
    (row) => ({ ...row, lead: { ...row.lead, company: "  \u0000 " } }),
    (row) => ({ ...row, lead: { ...row.lead, email: "not-an-email" } }),
    (row) => ({ ...row, lead: { ...row.lead, linkedinUrl: "javascript:alert(1)" } }),
    (row) => ({ ...row, lead: { ...row.lead, cadenceDays: 0 } }),
    (row) => ({ ...row, lead: { ...row.lead, cadenceDays: "31" } }),
    (row) => ({ ...row, lead: { ...row.lead, cadenceDays: 2 } }),
    (row) => ({ ...row, lead: { ...row.lead, cadenceDays: 7.5 } }),
    (row) => ({ ...row, lead: { ...row.lead, company: 42 } }),
    (row) => ({ ...row, lead: { ...row.lead, notes: "x".repeat(5001) } }),
    (row) => ({ ...row, lead: { ...row.lead, company: "<script>".repeat(30) } }),
    (row) => ({ ...row, lead: null }),
    (row) => ({ ...row, lead: [row.lead] }),
    (row) => ({ line: row.line }),
  ),
  nastyText(200).map((text) => (row: { line: unknown; lead: SentLead }) => ({ ...row, lead: { ...row.lead, phone: `${text}x` } })),
);

const confirmPlan: fc.Arbitrary<ConfirmPlan> = fc
  .tuple(
    fc.oneof(
      // Rows as a preview sends them (from a generated file), or as generated leads.
      { weight: 4, arbitrary: fc.array(sentLead, { minLength: 1, maxLength: 8 }).map((list) => ({ kind: "leads" as const, list })) },
      { weight: 2, arbitrary: csvPlan.map((plan) => ({ kind: "file" as const, plan })) },
      { weight: 3, arbitrary: fc.tuple(fc.array(sentLead, { minLength: 1, maxLength: 6 }), fc.nat(), tampering).map(([list, at, spoil]) => ({ kind: "tampered" as const, list, at, spoil })) },
      {
        weight: 2,
        arbitrary: fc
          .oneof(
            fc.constantFrom("", "[]", "{}", "null", "1", '"rows"', "[null]", "[1,2]", '[{"line":2}]', '[{"lead":{"company":"A"}}]', '[{"line":1,"lead":{"company":"A"}}]', '[{"line":"2","lead":{"company":"A"}}]', '[{"line":2.5,"lead":{"company":"A"}}]', '[{"line":1e9,"lead":{"company":"A"}}]', '{"__proto__":{"ok":true}}', '[{"line":2,"lead":{"company":"A","__proto__":{"userId":"x"}}}]', "[" + "[".repeat(2000), "undefined", "NaN"),
            nastyText(),
          )
          .map((raw) => ({ kind: "raw" as const, raw })),
      },
      { weight: 1, arbitrary: fc.constant({ kind: "too many" as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: "missing" as const }) },
    ),
    fc.oneof(fc.constantFrom("yes", "yes", "", "no", "YES", "on"), fc.constant(undefined)),
    extraFields,
  )
  .map(([source, includeDuplicates, extra]): ConfirmPlan => {
    const base = { includeDuplicates, extra };
    const numbered = (list: SentLead[]) => list.map((lead, index) => ({ line: index + 2, lead }));
    switch (source.kind) {
      case "leads":
        return { ...base, rows: JSON.stringify(numbered(source.list)), candidateCount: source.list.length, expected: source.list.map(expectedLead) };
      case "file": {
        const preview = previewLeadsImport({ text: renderCsv(source.plan).text, existing: EXISTING });
        const candidates = preview.ok ? preview.preview.candidates : [];
        const expected = candidates.map(({ lead }) => {
          const usv = Object.entries(lead).map(([key, value]) => [key, typeof value === "string" ? toUsv(value) : value]);
          return Object.fromEntries(usv) as LeadImportValues;
        });
        return { ...base, rows: JSON.stringify(candidates), candidateCount: candidates.length, expected };
      }
      case "tampered": {
        const rows: unknown[] = numbered(source.list);
        const at = source.at % rows.length;
        rows[at] = source.spoil(rows[at] as { line: number; lead: SentLead });
        return { ...base, rows: JSON.stringify(rows), candidateCount: rows.length, badLine: at + 2 };
      }
      case "raw":
        return { ...base, rows: source.raw, candidateCount: -1 };
      case "too many": {
        const lead = { company: "Bulk", contactName: "", title: "", email: "", phone: "", linkedinUrl: "", notes: "" };
        const rows = Array.from({ length: CSV_MAX_ROWS + 1 }, (_, i) => ({ line: i + 2, lead }));
        return { ...base, rows: JSON.stringify(rows), candidateCount: rows.length };
      }
      case "missing":
        return { ...base, rows: undefined, candidateCount: -1 };
    }
  });
