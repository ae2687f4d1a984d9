"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { logTouch } from "@/db/queries/touches";
import { failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { requireUser } from "@/lib/server/auth/session";
import { TOO_SOON_DAYS } from "@/lib/domain";
import { CHANNEL_LABELS } from "@/lib/today/labels";
import { TOUCH_FIELDS, touchSchema } from "@/lib/touches/schemas";

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
  const { confirmTooSoon, ...touch } = parsed.data;

  const result = await logTouch(db(), { userId: user.id, timeZone: user.timeZone, now, touch, confirmTooSoon });
  switch (result.status) {
    case "lead_not_found":
      notFound();
    case "material_not_found":
      return failure("Please correct the highlighted fields.", { materialId: ["Choose one of your materials."] }, values);
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
      return { ok: true, message: `Logged: ${CHANNEL_LABELS[touch.channel]} with ${result.company}.` };
  }
}
