"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { signUpUser } from "@/db/queries/account-tokens";
import { challenged, failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { CHALLENGE_MESSAGE } from "@/lib/auth/proof-of-work";
import { formatWait } from "@/lib/format";
import { signIn, SignInChallenge, SignInThrottled } from "@/lib/server/auth";
import { signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { hashPassword } from "@/lib/server/auth/password";
import { wakeMailSender } from "@/lib/server/mail/wake";
import { safeReturnPath } from "@/lib/auth/return-path";
import { homePath, usesFlags } from "@/lib/settings/uses";
import { clientAddress } from "@/lib/server/request";
import { recordSignUp, signUpHashing, signUpWait } from "@/lib/server/sign-up-throttle";

/**
 * Cheap checks first, the slow hash last: the form's rules and this address's allowance (every
 * sign-up past the rules counts), then argon2id, one at a time. A taken e-mail is hashed like a
 * new one and answered like one ("check your inbox"), so neither the answer nor its time tells.
 */
export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const address = clientAddress(await headers());
  const values = formValues(formData, ["name", "email", "password", "timeZone", "uses", "next", "digest"] as const);
  const echo = { name: values.name, email: values.email, timeZone: values.timeZone, uses: values.uses, digest: values.digest };
  const parsed = signUpSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, echo);

  const now = new Date();
  const wait = await signUpWait(db(), { address, now });
  if (wait > 0) return failure(`Too many sign-ups from your network. Try again in ${formatWait(wait)}.`, {}, echo);
  await recordSignUp(db(), { address, now });
  const passwordHash = await signUpHashing.run(() => hashPassword(parsed.data.password));
  if (!passwordHash) return failure("Many people are signing up right now. Try again in a minute.", {}, echo);

  const outcome = await signUpUser(db(), {
    name: parsed.data.name,
    email: parsed.data.email,
    passwordHash,
    timeZone: parsed.data.timeZone,
    ...usesFlags(parsed.data.uses),
    digestEnabled: parsed.data.digest,
    now,
  });
  wakeMailSender();
  if (!outcome.created) {
    // Not "this address is taken": its owner gets a message instead, saying how to sign in or reset.
    return { ok: true, message: checkInbox(parsed.data.email) };
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  // Each lands on their own screen; a link they came by (an invitation) comes first.
  const next = safeReturnPath(values.next);
  redirect(next === "/today" ? homePath(usesFlags(parsed.data.uses)) : next);
}

function checkInbox(email: string): string {
  return `Check your inbox: we sent a message to ${email}. It says how to go on.`;
}

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, ["email", "password", "next", "proof"] as const);
  const echo = { email: values.email };
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, echo);
  try {
    await signIn("credentials", { ...parsed.data, proof: values.proof, redirect: false });
  } catch (error) {
    if (error instanceof SignInThrottled) {
      return failure(`Too many failed attempts. Try again in ${formatWait(error.retryAfterSeconds)}.`, {}, echo);
    }
    if (error instanceof SignInChallenge) return challenged(CHALLENGE_MESSAGE, error.challenge, echo);
    // One message for both: it must not tell which of e-mail or password was wrong.
    if (error instanceof CredentialsSignin) return failure("Wrong e-mail or password.", {}, echo);
    throw error;
  }
  // No page asked for: the home page sends each to their own screen (Today, or a coach's clients).
  const next = safeReturnPath(values.next);
  redirect(next === "/today" ? "/" : next);
}
