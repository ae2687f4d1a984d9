import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { importAllowance, importLeads, listLeadIdentities } from "@/db/queries/leads";
import { failure, type ActionResult } from "@/lib/actions";
import { parseImportCandidates, previewLeadsImport, type ImportPreview } from "@/lib/csv/import-leads";
import { CSV_TOO_BIG } from "@/lib/csv/limits";
import { formatInstant } from "@/lib/format";
import { importRefusalMessage, type LeadLimits } from "@/lib/leads/page";
import { readEnv } from "@/lib/server/env";

/*
 * The two steps of a CSV import, behind the route handlers upload/ and confirm/ (route handlers, not
 * server actions: they check the session before reading a body of megabytes, and cap it while
 * reading; server actions keep Next's 1 MB limit). Each answers what its form shows.
 */

/** The server's limits on the list and on imports (defaults in lib/leads/page.ts). */
export function leadLimits(): LeadLimits {
  const env = readEnv();
  return { maxLeads: env.CADENCE_MAX_LEADS, importsPerHour: env.CADENCE_IMPORTS_PER_HOUR };
}

/** An ActionResult that, on success, carries the preview to show. */
export type ImportPreviewResult = Exclude<ActionResult, { ok: true }> | { ok: true; message?: string; preview: ImportPreview };

/** On success, where to go: the list, saying how many were imported. */
export type ImportConfirmResult = Exclude<ActionResult, { ok: true }> | { ok: true; location: string };

export function fileProblem(message: string, problem: string): ImportPreviewResult {
  return { ok: false, message, fieldErrors: { file: [problem] } };
}

export const FILE_TOO_BIG = fileProblem("The file is too big.", CSV_TOO_BIG);
export const NO_FILE = fileProblem("Please choose a CSV file.", "Choose a CSV file to upload.");

/**
 * Reads the uploaded file (its bytes, as UTF-8) and answers a preview; writes nothing. Said at once
 * when no import is possible now (the hourly limit, a full list) or the file has more rows than fit.
 */
export async function previewUpload({ userId, timeZone, bytes }: { userId: string; timeZone: string; bytes: Uint8Array }): Promise<ImportPreviewResult> {
  if (bytes.byteLength === 0) return NO_FILE;
  const limits = leadLimits();
  const allowance = await importAllowance(db(), { userId, now: new Date(), limits });
  if (!("ok" in allowance)) return fileProblem("This file cannot be imported now.", importRefusalMessage(allowance, limits, (at) => formatInstant(at, timeZone)));
  // As File.text() read it: UTF-8, a byte-order mark dropped, a bad byte as U+FFFD.
  const text = new TextDecoder().decode(bytes);
  const existing = await listLeadIdentities(db(), { userId });
  const result = previewLeadsImport({ text, existing });
  if (!result.ok) return fileProblem("This file cannot be imported.", result.error);
  if (result.preview.counts.ready > allowance.room) {
    const refusal = { refused: "limit" as const, room: allowance.room, wanted: result.preview.counts.ready };
    return fileProblem("This file cannot be imported.", importRefusalMessage(refusal, limits, (at) => formatInstant(at, timeZone)));
  }
  return { ok: true, preview: result.preview };
}

/** Writes the previewed rows (sent back by the browser, so validated again in full) in one transaction. */
export async function confirmRows({ userId, timeZone, form }: { userId: string; timeZone: string; form: URLSearchParams }): Promise<ImportConfirmResult> {
  const parsed = parseImportCandidates(form.get("rows") ?? "");
  if (!parsed.ok) return failure(parsed.error) as ImportConfirmResult;
  const includeDuplicates = form.get("includeDuplicates") === "yes";
  const limits = leadLimits();
  const result = await importLeads(db(), {
    userId,
    candidates: parsed.candidates,
    includeDuplicates,
    now: new Date(),
    limits,
  });
  if ("refused" in result) return failure(importRefusalMessage(result, limits, (at) => formatInstant(at, timeZone))) as ImportConfirmResult;
  const { imported, skipped } = result;
  revalidatePath("/", "layout");
  return { ok: true, location: `/leads?imported=${imported}${skipped ? `&skipped=${skipped}` : ""}` };
}

/** Answered without reading the body: no session (401), or a post from another site (403). */
export const SIGN_IN_AGAIN = failure("Your session has ended. Sign in again, then import the file.");
export const NOT_FROM_THIS_SITE = failure("This upload did not come from Cadence's own page.");
