/** What an import accepts: the size of a file a seeker can review, and a generous number of leads. */
export const CSV_MAX_BYTES = 5 * 1024 * 1024;
export const CSV_MAX_ROWS = 5000;
export const CSV_TOO_BIG = `The file is larger than ${CSV_MAX_BYTES / 1024 / 1024} MB. Split it and import the parts.`;
/** The previewed rows sent back to be confirmed: a full file's rows as JSON, with room for escaping. */
export const IMPORT_CONFIRM_MAX_BYTES = 12 * 1024 * 1024;
