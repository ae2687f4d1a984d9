/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some
 * strip before looking) as a formula: a contact named "=HYPERLINK(…)" could run code on the
 * seeker's machine when they open the export. A leading single quote makes it plain text
 * (OWASP's CSV-injection guidance).
 */
// A value that already starts with quotes before such a character gets one more, so that
// unescaping (drop one quote) is exact for every value.
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;

/**
 * A phone number as people write it ("+44 20 7946 0000", "+1 (202) 555-0100"): a plus, then only
 * digits, spaces and the punctuation of phone numbers. With no letter it can name no function nor
 * cell, so a spreadsheet can compute nothing harmful from it; it stays as written, without a quote.
 */
const PHONE = /^\+[\d ().-]*\d[\d ().-]*$/;

export function escapeCsvFormula(value: string): string {
  if (PHONE.test(value)) return value;
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

/**
 * Undoes `escapeCsvFormula`, so a file exported by Cadence imports back unchanged (a phone number
 * that an older export quoted loses its quote too; a phone number that truly starts with a quote was
 * given a second one).
 */
export function unescapeCsvFormula(value: string): string {
  return value.startsWith("'") && NEEDS_QUOTE.test(value.slice(1)) ? value.slice(1) : value;
}
