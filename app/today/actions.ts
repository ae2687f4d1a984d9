"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { dismissCoachNote } from "@/db/queries/coach-notes";
import { formValues, type ActionResult, type ActionState } from "@/lib/actions";
import { dismissCoachNoteSchema } from "@/lib/today/schemas";
import { requireUser } from "@/lib/server/auth/session";

/** Hides the coach's note from Today; only the seeker it was written to can. */
export async function dismissCoachNoteAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const parsed = dismissCoachNoteSchema.safeParse(formValues(formData, ["noteId"] as const));
  if (!parsed.success) notFound();
  const dismissed = await dismissCoachNote(db(), { userId: user.id, noteId: parsed.data.noteId, now: new Date() });
  if (!dismissed) notFound();
  revalidatePath("/today");
  return { ok: true, message: "Note dismissed." };
}
