"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { db } from "@/db/client";
import { requestEmailChange } from "@/db/queries/account-tokens";
import { challenged, failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { CHALLENGE_MESSAGE } from "@/lib/auth/proof-of-work";
import { formatWait } from "@/lib/format";
import { requireUser } from "@/lib/server/auth/session";
import { attemptSignIn } from "@/lib/server/auth/sign-in";
import { wakeMailSender } from "@/lib/server/mail/wake";
import { clientAddress } from "@/lib/server/request";
import { emailChangeSchema } from "@/lib/settings/schemas";

/**
 * Settings › E-mail address: a link to the new address, which takes effect once followed (the old
 * address signs in until then). The current password is asked, and checked as a sign-in is, since
 * whoever controls the address controls the account (a reset link goes there).
 */
export async function requestEmailChangeAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["newEmail", "password", "proof"] as const);
  const echo = { newEmail: values.newEmail };
  const parsed = emailChangeSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, echo);
  const check = await attemptSignIn(db(), {
    email: user.email,
    password: parsed.data.password,
    address: clientAddress(await headers()),
    now: new Date(),
    proof: values.proof || undefined,
  });
  if (!check.ok) {
    if (check.reason === "throttled") return failure(`Too many failed attempts. Try again in ${formatWait(check.retryAfterSeconds)}.`, {}, echo);
    if (check.reason === "challenge") return challenged(CHALLENGE_MESSAGE, check.challenge, echo);
    return failure("Please correct the highlighted fields.", { password: ["That is not your password."] }, echo);
  }
  const outcome = await requestEmailChange(db(), { userId: user.id, newEmail: parsed.data.newEmail, now: new Date() });
  if (outcome === "same") return failure("Please correct the highlighted fields.", { newEmail: ["That is already your address."] }, echo);
  if (outcome === "throttled") return failure("We sent several links in the last hour. Look for them in that inbox, or try again later.", {}, echo);
  wakeMailSender();
  revalidatePath("/settings");
  return {
    ok: true,
    message: `We sent a link to ${parsed.data.newEmail}. Your address changes when you follow it (within a day); until then you sign in with ${user.email}.`,
  };
}
