import Papa from "papaparse";
import { storableText } from "@/lib/actions";
import { CSV_MAX_BYTES, CSV_MAX_ROWS, CSV_TOO_BIG } from "./limits";

export type CsvRow = {
  /** Line of the file on which the row starts (1 = the first line, the header). */
  line: number;
  cells: string[];
};

export type CsvTable = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; error: string };

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Reads a CSV file (header on its first non-empty line) into rows that know their line
 * numbers, or says why it cannot: too big, too many rows, broken quoting (naming the line),
 * or empty. The delimiter is guessed (comma, semicolon, tab…), a leading byte-order mark
 * dropped, and blank lines skipped.
 */
export function parseCsvTable(input: string): CsvTable {
  if (byteLength(input) > CSV_MAX_BYTES) {
    return { ok: false, error: CSV_TOO_BIG };
  }
  // One line-ending style, so line numbers and cells do not depend on the spreadsheet that wrote it;
  // text made storable (no NUL, which no cell means and PostgreSQL cannot store).
  const text = storableText(input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));

  const lineCounter = lineNumberer(text);
  const rows: CsvRow[] = [];
  let quoteError: { index: number; message: string } | null = null;
  let tooMany = false;
  let rowStart = 0;

  Papa.parse<string[]>(text, {
    // Empty lines would also spoil the delimiter guess.
    skipEmptyLines: true,
    step: (result, parser) => {
      const quote = result.errors.find((error) => error.type === "Quotes");
      if (quote) {
        quoteError = { index: "index" in quote && typeof quote.index === "number" ? quote.index : rowStart, message: quote.message };
        parser.abort();
        return;
      }
      // Rows of blank cells are skipped here, not by Papa ("greedy"), so the cursor always
      // marks where the next row starts, give or take empty lines.
      if (result.data.some((cell) => cell.trim() !== "")) {
        rows.push({ line: lineCounter(firstNonBlank(text, rowStart)), cells: result.data });
      }
      rowStart = result.meta.cursor;
      // The header plus CSV_MAX_ROWS rows is allowed; one more is too many.
      if (rows.length > CSV_MAX_ROWS + 1) {
        tooMany = true;
        parser.abort();
      }
    },
  });

  if (quoteError) {
    const { index, message } = quoteError as { index: number; message: string };
    return {
      ok: false,
      error: `The file is not valid CSV: line ${lineCounter(index)} has a broken quote (${message.toLowerCase()}). Check that every quoted cell opens and closes with a double quote.`,
    };
  }
  if (tooMany) return { ok: false, error: `The file has more than ${CSV_MAX_ROWS.toLocaleString("en")} rows. Split it and import the parts.` };
  const [header, ...data] = rows;
  if (!header) return { ok: false, error: "The file is empty." };
  return { ok: true, header: header.cells.map((cell) => cell.trim()), rows: data };
}

// A line holding only an empty quoted cell: an empty row, which Papa skips without a step.
const EMPTY_QUOTED_LINE = /""[ \t]*(?:\n|$)/y;

function firstNonBlank(text: string, from: number): number {
  let index = from;
  for (;;) {
    while (index < text.length && /\s/.test(text[index]!)) index += 1;
    EMPTY_QUOTED_LINE.lastIndex = index;
    if (index >= text.length || !EMPTY_QUOTED_LINE.test(text)) return index;
    index = EMPTY_QUOTED_LINE.lastIndex;
  }
}

/** Line number (1-based) of a character offset; offsets must be asked in increasing order. */
function lineNumberer(text: string): (offset: number) => number {
  let position = 0;
  let line = 1;
  return (offset: number) => {
    const target = Math.min(offset, text.length);
    if (target < position) {
      position = 0;
      line = 1;
    }
    for (; position < target; position += 1) if (text[position] === "\n") line += 1;
    return line;
  };
}
