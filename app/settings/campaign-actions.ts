"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { updateCampaignSettings } from "@/db/queries/campaign";
import { formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { requireUser } from "@/lib/server/auth/session";
import { isCalendarDate } from "@/lib/domain";

function wholeNumber(min: number, max: number) {
  const message = `Enter a whole number from ${min} to ${max}.`;
  return z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
}

const campaignSchema = z.object({
  // Empty: no campaign (nothing is planned), while the goals still count.
  campaignStartDate: z.union([
    z.literal("").transform(() => null),
    z
      .string()
      .refine((value) => isCalendarDate(value) && value >= "2000-01-01" && value <= "2100-12-31", "Enter a date, such as next Monday."),
  ]),
  firstContactsPerWeek: wholeNumber(1, 7),
  contactDays: z
    .array(z.enum(["0", "1", "2", "3", "4", "5", "6"], { error: "Choose days of the week." }))
    .min(1, "Choose at least one contact day.")
    .transform((days) => [...new Set(days.map(Number))].sort((a, b) => a - b)),
  dailyGoal: wholeNumber(1, 20),
  weeklyGoal: wholeNumber(1, 100),
});

/** Saves the campaign and goals; the campaign is re-planned in the same transaction. */
export async function updateCampaignAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["campaignStartDate", "firstContactsPerWeek", "dailyGoal", "weeklyGoal"] as const);
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
