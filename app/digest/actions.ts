"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { logTouchWithDoneLink, unsubscribeWithLink } from "@/db/queries/digest";
import { failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { TOO_SOON_DAYS } from "@/lib/domain";
import { DIGEST_LINK_PROBLEMS } from "@/lib/digest/links";
import { doneLinkSchema, unsubscribeSchema } from "@/lib/digest/schemas";
import { currentUser } from "@/lib/server/auth/session";
import { CHANNEL_LABELS } from "@/lib/today/labels";

/*
 * The buttons of the pages a digest's links open. No password: the link's secret is the key, for
 * one seeker and one purpose (a "Done" link also for one lead and one day). Someone else signed in
 * in this browser is refused, as the e-mailed account links do.
 */

/** "Done": one outbound touch on the link's lead, through the same rules as Today (too soon, one per link). */
export async function logDigestTouchAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, ["token", "channel", "confirmTooSoon"] as const);
  const parsed = doneLinkSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { channel: values.channel });
  const viewer = await currentUser();
  const outcome = await logTouchWithDoneLink(db(), { ...parsed.data, signedInUserId: viewer?.id ?? null, now: new Date() });
  if (outcome.state !== "open") return failure(DIGEST_LINK_PROBLEMS[outcome.state]);
  const { result } = outcome;
  switch (result.status) {
    case "too_soon":
      return failure(
        `You contacted ${result.company} less than ${TOO_SOON_DAYS} days ago. They may see another message as a nuisance. Save it anyway?`,
        { confirmTooSoon: ["Saved anyway, it counts as too soon for your coach."] },
        { channel: parsed.data.channel },
      );
    case "lead_not_found":
    case "material_not_found":
    // A Done link sends no material, so it is never asked about one.
    case "material_already_sent":
      return failure(DIGEST_LINK_PROBLEMS.not_found);
    case "logged":
    case "duplicate":
      // No revalidation: this page would render again as "already used" over the answer; Today reads afresh.
      return { ok: true, message: `Logged: ${CHANNEL_LABELS[parsed.data.channel]} with ${result.company}.` };
  }
}

/** The unsubscribe page's button: the digest is off (as the one-click POST does). */
export async function unsubscribeDigestAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const parsed = unsubscribeSchema.safeParse(formValues(formData, ["token"] as const));
  if (!parsed.success) return invalid(parsed.error);
  const state = await unsubscribeWithLink(db(), { token: parsed.data.token, now: new Date() });
  if (state !== "open") return failure(DIGEST_LINK_PROBLEMS[state]);
  revalidatePath("/settings");
  return { ok: true, message: "Done: you will get no more morning digests. You can turn them on again in Settings." };
}
