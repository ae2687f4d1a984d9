import { z } from "zod";
import { storableText } from "@/lib/actions";
import { leadImportSchema, type LeadImportValues } from "@/lib/leads/schemas";
import { unescapeCsvFormula } from "./escape";
import { LEAD_CSV_HEADERS, mapLeadHeaders, rowToFields, type LeadCsvField } from "./lead-columns";
import { CSV_MAX_ROWS } from "./limits";
import { parseCsvTable } from "./parse";

/** What identifies a lead already on the list. */
export type LeadIdentity = { company: string; contactName: string; email: string };

export type ImportRowStatus = "ready" | "invalid" | "duplicate";

export type ImportPreviewRow = {
  line: number;
  /** The cells as read (after mapping), to show the seeker. */
  fields: Record<LeadCsvField, string>;
  status: ImportRowStatus;
  /** Why the row is invalid or a duplicate. */
  problems: string[];
};

/** A row that passed validation, as carried from the preview to the confirm step. */
export type ImportCandidate = { line: number; lead: LeadImportValues };

export type ImportPreview = {
  rows: ImportPreviewRow[];
  /** Valid rows (duplicates included), for the confirm step to send back. */
  candidates: ImportCandidate[];
  ignoredColumns: string[];
  counts: Record<ImportRowStatus, number>;
};

function identityKeys(lead: LeadIdentity): string[] {
  const fold = (value: string) => value.trim().toLowerCase().replace(/\s+/g, " ");
  const keys = [`name:${fold(lead.company)}|${fold(lead.contactName)}`];
  if (lead.email.trim()) keys.push(`email:${fold(lead.email)}`);
  return keys;
}

/**
 * Why each candidate duplicates a lead on the list or an earlier row of the file: same company
 * and contact name, or same e-mail, ignoring case. Keyed by line.
 */
export function findDuplicates(candidates: readonly ImportCandidate[], existing: readonly LeadIdentity[]): Map<number, string> {
  const known = new Map<string, string>();
  for (const lead of existing) {
    for (const key of identityKeys(lead)) {
      known.set(key, key.startsWith("email:") ? "Same e-mail as a lead you have" : "Same company and contact as a lead you have");
    }
  }
  const duplicates = new Map<number, string>();
  for (const { line, lead } of candidates) {
    const keys = identityKeys(lead);
    const match = keys.map((key) => known.get(key)).find(Boolean);
    if (match) duplicates.set(line, match);
    for (const key of keys) {
      if (!known.has(key)) {
        known.set(key, key.startsWith("email:") ? `Same e-mail as line ${line}` : `Same company and contact as line ${line}`);
      }
    }
  }
  return duplicates;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path[0] as LeadCsvField | undefined;
    return field && field in LEAD_CSV_HEADERS ? `${LEAD_CSV_HEADERS[field]}: ${issue.message}` : issue.message;
  });
}

/**
 * Reads an uploaded CSV of leads into a preview: each row with its line, valid or not (and why),
 * duplicate or not. Writes nothing. Fails as a whole for a file that is not CSV, too big, too
 * long, or has no company column.
 */
export function previewLeadsImport({
  text,
  existing,
}: {
  text: string;
  existing: readonly LeadIdentity[];
}): { ok: true; preview: ImportPreview } | { ok: false; error: string } {
  const table = parseCsvTable(text);
  if (!table.ok) return table;
  const mapping = mapLeadHeaders(table.header);
  if (!mapping) {
    return {
      ok: false,
      error: `No company column found on line 1. Name one column "Company" (or Organisation, Employer); the headers read were: ${table.header.join(", ") || "none"}.`,
    };
  }
  if (table.rows.length === 0) return { ok: false, error: "The file has a header but no rows of leads." };

  const rows: ImportPreviewRow[] = [];
  const candidates: ImportCandidate[] = [];
  for (const { line, cells } of table.rows) {
    const fields = rowToFields(mapping, cells.map(unescapeCsvFormula));
    const problems: string[] = [];
    if (cells.slice(mapping.columns.length).some((cell) => cell.trim() !== "")) {
      problems.push("More cells than the header has columns (an unquoted comma?)");
    }
    const parsed = leadImportSchema.safeParse(fields);
    if (!parsed.success) problems.push(...describeIssues(parsed.error));
    else if (problems.length === 0) candidates.push({ line, lead: parsed.data });
    rows.push({ line, fields, status: problems.length ? "invalid" : "ready", problems });
  }

  const duplicates = findDuplicates(candidates, existing);
  for (const row of rows) {
    const reason = duplicates.get(row.line);
    if (reason) {
      row.status = "duplicate";
      row.problems.push(reason);
    }
  }
  const counts = { ready: 0, invalid: 0, duplicate: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { ok: true, preview: { rows, candidates, ignoredColumns: mapping.ignored, counts } };
}

/** The confirm step's rows, validated again in full: they came back from the browser. */
export const importCandidatesSchema = z
  .array(z.object({ line: z.int().min(2).max(1_000_000), lead: leadImportSchema }), {
    error: "The rows to import could not be read. Upload the file again.",
  })
  .min(1, "There is nothing to import.")
  .max(CSV_MAX_ROWS, `At most ${CSV_MAX_ROWS.toLocaleString("en")} rows can be imported at once.`);

export function parseImportCandidates(json: string): { ok: true; candidates: ImportCandidate[] } | { ok: false; error: string } {
  let value: unknown;
  try {
    // Strings made storable, as a form's: no NUL (PostgreSQL cannot store it), no lone surrogate half.
    value = JSON.parse(json, (_key, item: unknown) => (typeof item === "string" ? storableText(item) : item));
  } catch {
    return { ok: false, error: "The rows to import could not be read. Upload the file again." };
  }
  const parsed = importCandidatesSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [index, , field] = issue?.path ?? [];
    const line = typeof index === "number" && Array.isArray(value) ? (value[index] as { line?: unknown })?.line : undefined;
    const where = typeof line === "number" ? `Line ${line}: ` : "";
    const label = typeof field === "string" && field in LEAD_CSV_HEADERS ? `${LEAD_CSV_HEADERS[field as LeadCsvField]}: ` : "";
    return { ok: false, error: `${where}${label}${issue?.message ?? "The rows to import are not valid."}` };
  }
  return { ok: true, candidates: parsed.data };
}

/** The leads to write, in file order: duplicates (checked afresh against the list) only when asked for. */
export function leadsToImport({
  candidates,
  existing,
  includeDuplicates,
}: {
  candidates: readonly ImportCandidate[];
  existing: readonly LeadIdentity[];
  includeDuplicates: boolean;
}): LeadImportValues[] {
  const duplicates = includeDuplicates ? new Map() : findDuplicates(candidates, existing);
  return candidates.filter(({ line }) => !duplicates.has(line)).map(({ lead }) => lead);
}
