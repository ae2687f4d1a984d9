"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { updateCampaignSettings } from "@/db/queries/campaign";
import { formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { requireUser } from "@/lib/server/auth/session";
import { campaignSchema } from "@/lib/settings/schemas";

/** Saves the campaign; the campaign is re-planned in the same transaction. */
export async function updateCampaignAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["campaignStartDate", "firstContactsPerWeek"] as const);
  const contactDays = formData.getAll("contactDays").filter((day): day is string => typeof day === "string");
  const parsed = campaignSchema.safeParse({ ...values, contactDays });
  if (!parsed.success) return invalid(parsed.error, { ...values, contactDays: contactDays.join(",") });
  await updateCampaignSettings(db(), { userId: user.id, now: new Date(), settings: parsed.data });
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: parsed.data.campaignStartDate ? "Saved. Your first contacts are planned." : "Saved. No campaign is planned.",
  };
}
