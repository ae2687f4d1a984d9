import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { importLeads, listLeadIdentities } from "@/db/queries/leads";
import { failure, type ActionResult } from "@/lib/actions";
import { parseImportCandidates, previewLeadsImport, type ImportPreview } from "@/lib/csv/import-leads";
import { CSV_TOO_BIG } from "@/lib/csv/limits";

/*
 * The two steps of a CSV import, behind the route handlers upload/ and confirm/ (route handlers, not
 * server actions: they check the session before reading a body of megabytes, and cap it while
 * reading; server actions keep Next's 1 MB limit). Each answers what its form shows.
 */

/** An ActionResult that, on success, carries the preview to show. */
export type ImportPreviewResult = Exclude<ActionResult, { ok: true }> | { ok: true; message?: string; preview: ImportPreview };

/** On success, where to go: the list, saying how many were imported. */
export type ImportConfirmResult = Exclude<ActionResult, { ok: true }> | { ok: true; location: string };

export function fileProblem(message: string, problem: string): ImportPreviewResult {
  return { ok: false, message, fieldErrors: { file: [problem] } };
}

export const FILE_TOO_BIG = fileProblem("The file is too big.", CSV_TOO_BIG);
export const NO_FILE = fileProblem("Please choose a CSV file.", "Choose a CSV file to upload.");

/** Reads the uploaded file (its bytes, as UTF-8) and answers a preview; writes nothing. */
export async function previewUpload({ userId, bytes }: { userId: string; bytes: Uint8Array }): Promise<ImportPreviewResult> {
  if (bytes.byteLength === 0) return NO_FILE;
  // As File.text() read it: UTF-8, a byte-order mark dropped, a bad byte as U+FFFD.
  const text = new TextDecoder().decode(bytes);
  const existing = await listLeadIdentities(db(), { userId });
  const result = previewLeadsImport({ text, existing });
  if (!result.ok) return fileProblem("This file cannot be imported.", result.error);
  return { ok: true, preview: result.preview };
}

/** Writes the previewed rows (sent back by the browser, so validated again in full) in one transaction. */
export async function confirmRows({ userId, form }: { userId: string; form: URLSearchParams }): Promise<ImportConfirmResult> {
  const parsed = parseImportCandidates(form.get("rows") ?? "");
  if (!parsed.ok) return failure(parsed.error) as ImportConfirmResult;
  const includeDuplicates = form.get("includeDuplicates") === "yes";
  const { imported, skipped } = await importLeads(db(), {
    userId,
    candidates: parsed.candidates,
    includeDuplicates,
    now: new Date(),
  });
  revalidatePath("/", "layout");
  return { ok: true, location: `/leads?imported=${imported}${skipped ? `&skipped=${skipped}` : ""}` };
}

/** Answered without reading the body: no session (401), or a post from another site (403). */
export const SIGN_IN_AGAIN = failure("Your session has ended. Sign in again, then import the file.");
export const NOT_FROM_THIS_SITE = failure("This upload did not come from Cadence's own page.");
