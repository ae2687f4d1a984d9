"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { createUser, findUserCredentials } from "@/db/queries/users";
import { challenged, failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { CHALLENGE_MESSAGE } from "@/lib/auth/proof-of-work";
import { formatWait } from "@/lib/format";
import { signIn, SignInChallenge, SignInThrottled } from "@/lib/server/auth";
import { signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { hashPassword } from "@/lib/server/auth/password";
import { safeReturnPath } from "@/lib/auth/return-path";
import { clientAddress } from "@/lib/server/request";
import { recordSignUp, signUpHashing, signUpWait } from "@/lib/server/sign-up-throttle";

const ACCOUNT_EXISTS = "An account with this e-mail already exists. Sign in instead.";

/**
 * Cheap checks first, the slow hash last: the form's rules, this address's allowance (every sign-up
 * past the rules counts), whether the e-mail has an account; then argon2id, one at a time.
 * The "already exists" answer tells that an e-mail has an account: it can only go once sign-up
 * verifies e-mail addresses (then both cases say "check your inbox").
 */
export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const address = clientAddress(await headers());
  const values = formValues(formData, ["name", "email", "password", "timeZone", "next"] as const);
  const echo = { name: values.name, email: values.email, timeZone: values.timeZone };
  const parsed = signUpSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, echo);

  const now = new Date();
  const wait = await signUpWait(db(), { address, now });
  if (wait > 0) return failure(`Too many sign-ups from your network. Try again in ${formatWait(wait)}.`, {}, echo);
  await recordSignUp(db(), { address, now });
  if (await findUserCredentials(db(), { email: parsed.data.email })) {
    return failure("Please correct the highlighted fields.", { email: [ACCOUNT_EXISTS] }, echo);
  }
  const passwordHash = await signUpHashing.run(() => hashPassword(parsed.data.password));
  if (!passwordHash) return failure("Many people are signing up right now. Try again in a minute.", {}, echo);

  const user = await createUser(db(), {
    name: parsed.data.name,
    email: parsed.data.email,
    passwordHash,
    timeZone: parsed.data.timeZone,
  });
  // Taken meanwhile (two sign-ups for one e-mail at once).
  if (!user) return failure("Please correct the highlighted fields.", { email: [ACCOUNT_EXISTS] }, echo);
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  redirect(safeReturnPath(values.next));
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
  redirect(safeReturnPath(values.next));
}
