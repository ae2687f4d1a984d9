import Papa from "papaparse";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportFileName, leadsToCsv, toCsv, touchLogToCsv } from "./export";

describe("CSV export", () => {
  it("quotes what needs quoting and defuses formulas in every cell", () => {
    const csv = toCsv(["Name", "=Header"], [["=1+2", 'say "hi", then\nleave'], [null, 3]]);
    expect(csv).toBe(`"Name","'=Header"\r\n"'=1+2","say ""hi"", then\nleave"\r\n"","3"`);
  });

  it("writes the leads with the headers import reads back", () => {
    const csv = leadsToCsv([
      {
        company: "@Acme",
        contactName: "Ann",
        title: "",
        email: "ann@acme.test",
        phone: "+1 555 0100",
        linkedinUrl: "",
        notes: "",
        personalNotes: "",
        cadenceDays: 7,
        pausedUntil: "2025-04-01",
        closedAs: null,
        closedReason: "",
      },
    ]);
    const [header, row] = Papa.parse<string[]>(csv).data;
    expect(header).toEqual([
      "Company", "Contact name", "Title", "E-mail", "Phone", "LinkedIn URL", "Notes", "Personal notes", "Cadence (days)",
      "Paused until", "Closed as", "Closed reason",
    ]);
    expect(row).toEqual(["'@Acme", "Ann", "", "ann@acme.test", "+1 555 0100", "", "", "", "7", "2025-04-01", "", ""]);
  });

  it("writes the touch log", () => {
    const csv = touchLogToCsv([
      { when: "2025-03-04 10:00", company: "Acme", contact: "Ann", channel: "Phone", direction: "Outbound", outcome: "Conversation", note: "-ok", material: "" },
    ]);
    expect(csv.split("\r\n")).toEqual([
      '"Date","Company","Contact","Channel","Direction","Outcome","Note","Material"',
      '"2025-03-04 10:00","Acme","Ann","Phone","Outbound","Conversation","\'-ok",""',
    ]);
    expect(exportFileName("touches", "2025-03-04")).toBe("cadence-touches-2025-03-04.csv");
  });
});

/**
 * Splits CSV text as spreadsheets do when they guess a delimiter: a double quote switches quoting on or
 * off wherever it stands ("" inside quotes is one quote), and a delimiter or line break splits only
 * outside quotes.
 */
function spreadsheetCells(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      if (quoted && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (!quoted && (char === delimiter || char === "\n" || char === "\r")) {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

describe("CSV export: every cell quoted", () => {
  const FORMULA_START = /^[=+\-@\t\r]/;
  // A phone number ("+44 20 7946 0000") is left bare: with no letter it names no function nor cell.
  // Split on another delimiter, its piece may run on past its own cell's closing quote or comma into
  // the next cells ("+(0)",A): what follows its own cell is the other cells' text, each escaped itself.
  const HARMLESS = /^\+[\d ().-]*\d[\d ().-]*(?:["',;\t|]|$)/u;

  it("quotes a cell with a semicolon, so a spreadsheet that splits on ';' reads no formula", () => {
    const csv = toCsv(["Company"], [["Acme;=HYPERLINK(1);"]]);
    expect(csv).toBe(`"Company"\r\n"Acme;=HYPERLINK(1);"`);
    expect(spreadsheetCells(csv, ";").filter((cell) => FORMULA_START.test(cell))).toEqual([]);
  });

  it("whatever delimiter a spreadsheet guesses, no cell starts a formula (property)", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom("Acme", ";", ",", "\t", "|", "=", "+", "-", "@", "44", "(0)", "=HYPERLINK(1)", '"', "\n", "\r", " "), { maxLength: 8 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const width = Math.max(...rows.map((row) => row.length));
        const csv = toCsv(Array.from({ length: width }, (_, i) => `Column ${i}`), rows);
        for (const delimiter of [",", ";", "\t", "|"]) {
          const starts = spreadsheetCells(csv, delimiter).filter((found) => FORMULA_START.test(found) && !HARMLESS.test(found));
          expect(starts, `split on ${JSON.stringify(delimiter)}`).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
