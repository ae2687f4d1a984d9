"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { updateDigestSettings } from "@/db/queries/digest";
import { formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { digestSettingsSchema } from "@/lib/digest/schemas";
import { formatDigestHour } from "@/lib/digest/schedule";
import { requestHourCycle } from "@/lib/server/hour-cycle";
import { requireUser } from "@/lib/server/auth/session";

/** Settings › Morning digest: on or off, and the local hour from which it goes. */
export async function updateDigestAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["enabled", "hour"] as const);
  const parsed = digestSettingsSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  await updateDigestSettings(db(), { userId: user.id, ...parsed.data });
  revalidatePath("/settings");
  return {
    ok: true,
    message: parsed.data.enabled
      ? `Saved. The digest comes on your contact days from ${formatDigestHour(parsed.data.hour, await requestHourCycle())}.`
      : "Saved. The morning digest is off.",
  };
}
