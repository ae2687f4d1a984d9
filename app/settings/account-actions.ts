"use server";

import { headers } from "next/headers";
import { db } from "@/db/client";
import { deleteAccount } from "@/db/queries/account";
import { challenged, failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { CHALLENGE_MESSAGE } from "@/lib/auth/proof-of-work";
import { formatWait } from "@/lib/format";
import { signOut } from "@/lib/server/auth";
import { requireUser } from "@/lib/server/auth/session";
import { attemptSignIn } from "@/lib/server/auth/sign-in";
import { clientAddress } from "@/lib/server/request";
import { accountDeletionSchema } from "@/lib/settings/schemas";

/**
 * Settings › Delete your account: confirmed with the password, checked as a sign-in is (same limits;
 * a wrong one counts as a failed sign-in). Then everything of the account goes in one transaction,
 * every session with it, and this browser is signed out onto the page that says so.
 */
export async function deleteAccountAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["password", "proof"] as const);
  const parsed = accountDeletionSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  const check = await attemptSignIn(db(), {
    email: user.email,
    password: parsed.data.password,
    address: clientAddress(await headers()),
    now: new Date(),
    proof: values.proof || undefined,
  });
  if (!check.ok) {
    if (check.reason === "throttled") return failure(`Too many failed attempts. Try again in ${formatWait(check.retryAfterSeconds)}.`);
    if (check.reason === "challenge") return challenged(CHALLENGE_MESSAGE, check.challenge);
    return failure("Please correct the highlighted fields.", { password: ["That is not your password."] });
  }
  await deleteAccount(db(), { userId: user.id });
  await signOut({ redirectTo: "/account-deleted" });
  return { ok: true };
}
