/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some
 * strip before looking) as a formula: a contact named "=HYPERLINK(…)" could run code on the
 * seeker's machine when they open the export. A leading single quote makes it plain text.
 */
// A value that already starts with quotes before such a character gets one more, so that
// unescaping (drop one quote) is exact for every value.
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;

export function escapeCsvFormula(value: string): string {
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

/** Undoes `escapeCsvFormula`, so a file exported by Cadence imports back unchanged. */
export function unescapeCsvFormula(value: string): string {
  return value.startsWith("'") && NEEDS_QUOTE.test(value.slice(1)) ? value.slice(1) : value;
}
