import { describe, expect, it } from "vitest";
import { CSV_MAX_BYTES, CSV_MAX_ROWS } from "./limits";
import { parseCsvTable } from "./parse";

describe("parsing a CSV file", () => {
  it("gives each row the line it starts on, across quoted line breaks and blank lines", () => {
    const text = 'Company,Notes\nAcme,"two\nlines"\n\n,\nGlobex,"say ""hi"""\n';
    expect(parseCsvTable(text)).toEqual({
      ok: true,
      header: ["Company", "Notes"],
      rows: [
        { line: 2, cells: ["Acme", "two\nlines"] },
        { line: 6, cells: ["Globex", 'say "hi"'] },
      ],
    });
  });

  it("accepts Windows line endings, a byte-order mark and semicolons", () => {
    const table = parseCsvTable("\uFEFFCompany;Phone\r\nAcme;123\r\nGlobex;456\r\n");
    expect(table).toEqual({
      ok: true,
      header: ["Company", "Phone"],
      rows: [
        { line: 2, cells: ["Acme", "123"] },
        { line: 3, cells: ["Globex", "456"] },
      ],
    });
  });

  it("names the line of a broken quote", () => {
    const table = parseCsvTable('Company,Notes\nAcme,fine\nGlobex,"unclosed\nInitech,x\n');
    expect(table.ok).toBe(false);
    expect(!table.ok && table.error).toMatch(/line 3 has a broken quote/);
    const trailing = parseCsvTable('Company,Notes\nAcme,"ok"x\n');
    expect(!trailing.ok && trailing.error).toMatch(/line 2/);
  });

  it("refuses a file over 5 MB", () => {
    const table = parseCsvTable(`Company\n${"x".repeat(CSV_MAX_BYTES)}`);
    expect(!table.ok && table.error).toMatch(/larger than 5 MB/);
  });

  it("takes 5,000 rows and refuses 5,001", () => {
    const rows = (count: number) => `Company\n${Array.from({ length: count }, (_, i) => `Lead ${i}`).join("\n")}`;
    const full = parseCsvTable(rows(CSV_MAX_ROWS));
    expect(full.ok && full.rows.length).toBe(CSV_MAX_ROWS);
    const over = parseCsvTable(rows(CSV_MAX_ROWS + 1));
    expect(!over.ok && over.error).toMatch(/more than 5,000 rows/);
  });

  it("says so for an empty file", () => {
    expect(parseCsvTable("\n\n")).toEqual({ ok: false, error: "The file is empty." });
  });
});
