import Papa from "papaparse";
import { escapeCsvFormula } from "./escape";
import { LEAD_CSV_FIELDS, LEAD_CSV_HEADERS, type LeadCsvField } from "./lead-columns";

/**
 * A CSV text with a header row; every cell escaped against formula injection, and every cell quoted:
 * a spreadsheet that guesses another delimiter (";" or a tab) must not split a cell and find a formula
 * at the start of a piece ("Acme;=HYPERLINK(…)").
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const escape = (cell: string | number | null) => escapeCsvFormula(cell === null ? "" : String(cell));
  return Papa.unparse(
    { fields: headers.map(escape), data: rows.map((row) => row.map(escape)) },
    { newline: "\r\n", quotes: true },
  );
}

export type LeadExportRow = Record<LeadCsvField, string | number> & {
  pausedUntil: string | null;
  closedAs: string | null;
  closedReason: string;
};

const LEAD_EXPORT_EXTRA_HEADERS = ["Paused until", "Closed as", "Closed reason"] as const;

/** The seeker's leads with the columns import reads back, then their status (which import ignores). */
export function leadsToCsv(leads: readonly LeadExportRow[]): string {
  return toCsv(
    [...LEAD_CSV_FIELDS.map((field) => LEAD_CSV_HEADERS[field]), ...LEAD_EXPORT_EXTRA_HEADERS],
    leads.map((lead) => [
      ...LEAD_CSV_FIELDS.map((field) => lead[field]),
      lead.pausedUntil,
      lead.closedAs,
      lead.closedReason,
    ]),
  );
}

export type TouchExportRow = {
  /** When, already written in the seeker's zone ("2025-03-04 14:05"). */
  when: string;
  company: string;
  contact: string;
  channel: string;
  direction: string;
  outcome: string;
  note: string;
  material: string;
};

export function touchLogToCsv(touches: readonly TouchExportRow[]): string {
  return toCsv(
    ["Date", "Company", "Contact", "Channel", "Direction", "Outcome", "Note", "Material"],
    touches.map((t) => [t.when, t.company, t.contact, t.channel, t.direction, t.outcome, t.note, t.material]),
  );
}

/** A file name with today's date: "cadence-leads-2025-03-04.csv". */
export function exportFileName(kind: "leads" | "touches", today: string): string {
  return `cadence-${kind}-${today}.csv`;
}

/** Rows of CSV without a header, each ending with a line break: the pages of a file written as it is read. */
export function toCsvLines(rows: readonly (readonly (string | number | null)[])[]): string {
  if (rows.length === 0) return "";
  const escape = (cell: string | number | null) => escapeCsvFormula(cell === null ? "" : String(cell));
  return `${Papa.unparse(rows.map((row) => row.map(escape)) as string[][], { newline: "\r\n", quotes: true })}\r\n`;
}
