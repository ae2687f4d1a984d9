"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { importLeads, listLeadIdentities } from "@/db/queries/leads";
import { failure, type ActionResult, type ActionState } from "@/lib/actions";
import { requireUser } from "@/lib/server/auth/session";
import { parseImportCandidates, previewLeadsImport, type ImportPreview } from "@/lib/csv/import-leads";
import { CSV_MAX_BYTES, CSV_TOO_BIG } from "@/lib/csv/limits";

/** An ActionResult that, on success, carries the preview to show. */
export type ImportPreviewResult = Exclude<ActionResult, { ok: true }> | { ok: true; message?: string; preview: ImportPreview };

function fileProblem(message: string, problem: string): ImportPreviewResult {
  return { ok: false, message, fieldErrors: { file: [problem] } };
}

/** Reads the uploaded file and answers a preview; writes nothing. */
export async function previewImportAction(
  _prev: ImportPreviewResult | null,
  formData: FormData,
): Promise<ImportPreviewResult> {
  const user = await requireUser();
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return fileProblem("Please choose a CSV file.", "Choose a CSV file to upload.");
  if (file.size > CSV_MAX_BYTES) {
    return fileProblem("The file is too big.", CSV_TOO_BIG);
  }
  const text = await file.text();
  const existing = await listLeadIdentities(db(), { userId: user.id });
  const result = previewLeadsImport({ text, existing });
  if (!result.ok) return fileProblem("This file cannot be imported.", result.error);
  return { ok: true, preview: result.preview };
}

/** Writes the previewed rows (sent back by the browser, so validated again in full) in one transaction. */
export async function confirmImportAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const rows = formData.get("rows");
  const parsed = parseImportCandidates(typeof rows === "string" ? rows : "");
  if (!parsed.ok) return failure(parsed.error);
  const includeDuplicates = formData.get("includeDuplicates") === "yes";
  const { imported, skipped } = await importLeads(db(), {
    userId: user.id,
    candidates: parsed.candidates,
    includeDuplicates,
    now: new Date(),
  });
  revalidatePath("/", "layout");
  redirect(`/leads?imported=${imported}${skipped ? `&skipped=${skipped}` : ""}`);
}
