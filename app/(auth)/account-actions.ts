"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/db/client";
import { changeEmailWithToken, findAccountToken, requestPasswordReset, resendVerification, resetPasswordWithToken, verifyEmailWithToken } from "@/db/queries/account-tokens";
import { failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { ACCOUNT_TOKEN_PROBLEMS } from "@/lib/auth/account-tokens";
import { newPasswordSchema, signInSchema } from "@/lib/auth/schemas";
import { signIn } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/auth/password";
import { currentUser, requireUser } from "@/lib/server/auth/session";
import { wakeMailSender } from "@/lib/server/mail/wake";
import { clientAddress } from "@/lib/server/request";

/*
 * The actions behind the e-mailed links and "Forgot password?". A link's page only shows a button
 * (mail scanners open links); these do the change, once, for the link's own account.
 */

const tokenSchema = z.object({ token: z.string().max(200, "This link is not valid.") });

/** The button on a verification link's page: the address is verified. */
export async function confirmEmailAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const parsed = tokenSchema.safeParse(formValues(formData, ["token"] as const));
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await currentUser();
  const { state } = await verifyEmailWithToken(db(), { token: parsed.data.token, signedInUserId: viewer?.id ?? null, now: new Date() });
  if (state !== "open") return failure(ACCOUNT_TOKEN_PROBLEMS[state]);
  wakeMailSender();
  // No revalidation: this page would render again as "already used" over the answer. The next page shows no banner.
  return { ok: true, message: "Your address is confirmed. Thank you." };
}

/** The button on an e-mail change link's page: the new address replaces the old one, verified. */
export async function confirmEmailChangeAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const parsed = tokenSchema.safeParse(formValues(formData, ["token"] as const));
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await currentUser();
  const outcome = await changeEmailWithToken(db(), { token: parsed.data.token, signedInUserId: viewer?.id ?? null, now: new Date() });
  if (outcome.state === "taken") return failure("Another account uses that address now, so yours stays as it was.");
  if (outcome.state !== "open") return failure(ACCOUNT_TOKEN_PROBLEMS[outcome.state]);
  // No revalidation of this page (it would render again as "already used" over the answer); the others show the new address.
  return { ok: true, message: `Done: you now sign in with ${outcome.email}.` };
}

/** The banner's "Send the link again". */
export async function resendVerificationAction(): Promise<ActionResult> {
  const user = await requireUser();
  const outcome = await resendVerification(db(), { userId: user.id, now: new Date() });
  if (outcome === "throttled") return failure("We sent several links in the last hour. Look for them in your inbox (and spam folder), or try again later.");
  wakeMailSender();
  revalidatePath("/", "layout");
  return { ok: true, message: outcome === "verified" ? "Your address is already confirmed." : `We sent a new link to ${user.email}.` };
}

const forgotSchema = z.object({ email: signInSchema.shape.email });

/** "Forgot password?": the same answer whether or not the address has an account. */
export async function requestPasswordResetAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, ["email"] as const);
  const parsed = forgotSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const outcome = await requestPasswordReset(db(), { email: parsed.data.email, client: clientAddress(await headers()), now: new Date() });
  if (outcome === "throttled") return failure("Too many requests from your network. Try again in an hour.", {}, values);
  wakeMailSender();
  return {
    ok: true,
    message: `If an account uses ${parsed.data.email}, we sent it a link to choose a new password. It works for one hour. Nothing there? Check the spam folder, or the spelling of the address.`,
  };
}

const resetSchema = z.object({ token: tokenSchema.shape.token, password: newPasswordSchema });

/** A reset link's form: the new password, every session ended, and this browser signed in with it. */
export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const parsed = resetSchema.safeParse(formValues(formData, ["token", "password"] as const));
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await currentUser();
  // A link that cannot work costs no password hashing (slow on purpose).
  const link = await findAccountToken(db(), { token: parsed.data.token, purpose: "reset_password", signedInUserId: viewer?.id ?? null, now: new Date() });
  if (link.state !== "open") return failure(ACCOUNT_TOKEN_PROBLEMS[link.state]);
  const outcome = await resetPasswordWithToken(db(), {
    token: parsed.data.token,
    signedInUserId: viewer?.id ?? null,
    passwordHash: await hashPassword(parsed.data.password),
    now: new Date(),
  });
  if (outcome.state !== "open") return failure(ACCOUNT_TOKEN_PROBLEMS[outcome.state]);
  try {
    await signIn("credentials", { email: outcome.email, password: parsed.data.password, redirect: false });
  } catch {
    // Signing in can be throttled (earlier failures): the password is set all the same.
    redirect("/sign-in?reset=1");
  }
  redirect("/today?password=reset");
}
