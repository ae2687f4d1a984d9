"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { db } from "@/db/client";
import { deleteTouch, logTouch, updateTouch } from "@/db/queries/touches";
import { failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { requireUser } from "@/lib/server/auth/session";
import { TOO_SOON_DAYS } from "@/lib/domain";
import { CHANNEL_LABELS } from "@/lib/today/labels";
import { isUuid } from "@/lib/ids";
import { TOUCH_EDIT_FIELDS, TOUCH_FIELDS, touchEditSchema, touchSchema, undoTouchSchema } from "@/lib/touches/schemas";

/** Logs one touch from the one-tap form (Today, a lead's page); the clicked button names the channel. */
export async function logTouchAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, TOUCH_FIELDS);
  const now = new Date();
  const parsed = touchSchema({ now, timeZone: user.timeZone }).safeParse(values);
  if (!parsed.success) {
    // A lead id that is not even an id cannot be the seeker's lead.
    if (parsed.error.issues.some((issue) => issue.path[0] === "leadId")) notFound();
    return invalid(parsed.error, values);
  }
  const { confirmTooSoon, confirmMaterialAgain, ...touch } = parsed.data;

  const result = await logTouch(db(), { userId: user.id, timeZone: user.timeZone, now, touch, confirmTooSoon, confirmMaterialAgain });
  switch (result.status) {
    case "lead_not_found":
      notFound();
    case "material_not_found":
      return failure("Please correct the highlighted fields.", { materialId: ["Choose one of your materials."] }, values);
    case "material_already_sent":
      return materialAgainFailure(result, values);
    case "too_soon":
      return failure(
        `You contacted ${result.company} less than ${TOO_SOON_DAYS} days ago. They may see another message as a nuisance. Save it anyway?`,
        { confirmTooSoon: ["Saved anyway, it counts as too soon for your coach."] },
        values,
      );
    case "logged":
    case "duplicate":
      // Today, the lead's page, the list and the materials all show touches.
      revalidatePath("/", "layout");
      // The id lets Today offer "Undo" for this very touch.
      return { ok: true, message: `Logged: ${CHANNEL_LABELS[touch.channel]} with ${result.company}.`, id: result.touchId ?? undefined };
  }
}

/** The material went to this lead already: the form asks before sending it again ("nothing goes twice by mistake"). */
function materialAgainFailure(result: { company: string; title: string }, values: Record<string, string>): ActionResult {
  return failure(
    `${result.company} already got “${result.title}”. Send it again?`,
    { confirmMaterialAgain: ["Sent again on purpose."] },
    values,
  );
}

/** Corrects a logged touch from the lead's page; every flag and figure follows. */
export async function updateTouchAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, TOUCH_EDIT_FIELDS);
  const now = new Date();
  const parsed = touchEditSchema({ now, timeZone: user.timeZone }).safeParse(values);
  if (!parsed.success) {
    // A touch id that is not even an id cannot be the seeker's touch.
    if (parsed.error.issues.some((issue) => issue.path[0] === "touchId")) notFound();
    return invalid(parsed.error, values);
  }
  const { touchId, confirmMaterialAgain, ...touch } = parsed.data;
  const result = await updateTouch(db(), { userId: user.id, touchId, touch, confirmMaterialAgain, now, timeZone: user.timeZone });
  switch (result.status) {
    case "touch_not_found":
      notFound();
    case "material_not_found":
      return failure("Please correct the highlighted fields.", { materialId: ["Choose one of your materials."] }, values);
    case "material_already_sent":
      return materialAgainFailure(result, values);
    case "saved":
      revalidatePath("/", "layout");
      return { ok: true, message: `Touch with ${result.company} corrected.` };
  }
}

/** Deletes a logged touch (the page asked first); every flag and figure follows. */
export async function deleteTouchAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const touchId = formData.get("touchId");
  if (!isUuid(touchId)) notFound();
  const result = await deleteTouch(db(), { userId: user.id, touchId, now: new Date() });
  if (result.status === "touch_not_found") notFound();
  revalidatePath("/", "layout");
  // The touch and its form are gone: the lead's page says so at its top.
  redirect(`/leads/${result.leadId}?saved=touch-deleted`);
}

/**
 * Undoes a touch just logged on Today: deletes exactly that touch of the seeker's (flags and plan
 * follow, as for a delete). Idempotent: a touch already undone, or not the seeker's, answers alike
 * ("already undone") and changes nothing.
 */
export async function undoTouchAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const parsed = undoTouchSchema.safeParse(formValues(formData, ["touchId"] as const));
  if (!parsed.success) notFound();
  const result = await deleteTouch(db(), { userId: user.id, touchId: parsed.data.touchId, now: new Date() });
  if (result.status === "touch_not_found") return { ok: true, message: "Already undone: that touch is not logged." };
  revalidatePath("/", "layout");
  return { ok: true, message: `Undone: the touch with ${result.company} is not logged.` };
}
