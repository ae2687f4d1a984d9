import { toCsv, toCsvLines } from "@/lib/csv/export";

/*
 * "Download all my data": the files of the archive, written page by page as the rows are read
 * (lib/server/account-export.ts), so no file is ever whole in memory. CSV and JSON hold the same
 * fields under the same names; CSV cells are guarded against formulas like every CSV export.
 */

type Row = Record<string, unknown>;

/** A value as a CSV cell: times in ISO 8601 (UTC), lists and objects as JSON, nothing as empty. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A CSV file: the byte-order mark (Excel then reads UTF-8), the header, then each page's rows. */
export async function* csvFile(fields: readonly string[], pages: AsyncIterable<readonly Row[]>): AsyncGenerator<string> {
  yield `\uFEFF${toCsvLines([fields])}`;
  for await (const page of pages) yield toCsvLines(page.map((row) => fields.map((field) => csvCell(row[field]))));
}

/** A JSON array of objects with these fields, one row a line. */
export async function* jsonFile(fields: readonly string[], pages: AsyncIterable<readonly Row[]>): AsyncGenerator<string> {
  let first = true;
  yield "[";
  for await (const page of pages) {
    let chunk = "";
    for (const row of page) {
      chunk += `${first ? "" : ","}\n  ${JSON.stringify(Object.fromEntries(fields.map((field) => [field, row[field] ?? null])))}`;
      first = false;
    }
    yield chunk;
  }
  yield first ? "]\n" : "\n]\n";
}

/** The account's settings as rows of a two-column CSV: one setting a row. */
export function settingsCsv(settings: Row): string {
  return `\uFEFF${toCsv(["setting", "value"], Object.entries(settings).map(([key, value]) => [key, csvCell(value)]))}\r\n`;
}

/** "cadence-data-2026-03-04.zip" */
export function archiveFileName(today: string): string {
  return `cadence-data-${today}.zip`;
}

export const ARCHIVE_README = `Your data from Cadence, as it was when you downloaded it.

Each file comes twice, as CSV (for a spreadsheet) and as JSON, with the same fields:

- account: your profile and settings (name, address, time zone, campaign), and your calendar feed (on since, if on)
- devices: the devices signed in to your account
- leads: every lead, in your list's order, with its contact details, notes and state
- touches: every touch, oldest first, with its lead's company and contact and the material sent
- materials: your materials library
- coach-notes: the notes your coach left you, and those you left your clients as a coach
- connections: your coach connections both ways, live and ended

Times are in UTC (ISO 8601). In the CSV files, a cell that starts with = + - or @ has a ' before it,
so that a spreadsheet shows it as text instead of running it as a formula.
`;
