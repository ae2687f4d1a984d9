"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { endAllSessions, endSession } from "@/db/queries/sessions";
import { updatePasswordHash, updateUserProfile, updateUserUses } from "@/db/queries/users";
import { challenged, failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { CHALLENGE_MESSAGE } from "@/lib/auth/proof-of-work";
import { formatWait } from "@/lib/format";
import { signIn, signOut } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/auth/password";
import { requireUser } from "@/lib/server/auth/session";
import { attemptSignIn } from "@/lib/server/auth/sign-in";
import { clientAddress } from "@/lib/server/request";
import { passwordChangeSchema, profileSchema, signOutDeviceSchema, usesFormSchema } from "@/lib/settings/schemas";
import { USE_SAVED, usesFlags } from "@/lib/settings/uses";

export async function updateProfileAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["name", "timeZone"] as const);
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  await updateUserProfile(db(), { userId: user.id, ...parsed.data });
  revalidatePath("/", "layout");
  return { ok: true, message: "Saved." };
}

/** Settings › What you use Cadence for: the menu shows the screens of the new choice from the next page on. */
export async function updateUsesAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["uses"] as const);
  const parsed = usesFormSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  await updateUserUses(db(), { userId: user.id, ...usesFlags(parsed.data.uses) });
  revalidatePath("/", "layout");
  return { ok: true, message: `Saved. ${USE_SAVED[parsed.data.uses]}` };
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["currentPassword", "newPassword", "proof"] as const);
  const parsed = passwordChangeSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  // Checked as a sign-in is: under the same limits, and a wrong one counts as a failed sign-in.
  const check = await attemptSignIn(db(), {
    email: user.email,
    password: parsed.data.currentPassword,
    address: clientAddress(await headers()),
    now: new Date(),
    proof: values.proof || undefined,
  });
  if (!check.ok) {
    if (check.reason === "throttled") return failure(`Too many failed attempts. Try again in ${formatWait(check.retryAfterSeconds)}.`);
    if (check.reason === "challenge") return challenged(CHALLENGE_MESSAGE, check.challenge);
    return failure("Please correct the highlighted fields.", { currentPassword: ["That is not your current password."] });
  }
  await updatePasswordHash(db(), { userId: user.id, passwordHash: await hashPassword(parsed.data.newPassword) });
  // Every session ends, this one too; this device signs in again with the new password.
  await endAllSessions(db(), { userId: user.id });
  await signIn("credentials", { email: user.email, password: parsed.data.newPassword, redirect: false });
  // A fresh request, so the page renders with the new session cookie.
  redirect("/settings?password=changed");
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  await endAllSessions(db(), { userId: user.id });
  await signOut({ redirectTo: "/sign-in" });
}

export async function signOutAction(): Promise<void> {
  const user = await requireUser();
  await endSession(db(), { userId: user.id, sessionId: user.sessionId });
  await signOut({ redirectTo: "/" });
}

/** Ends one of the user's sessions (Settings, "Devices signed in"); this device's own sends to sign-in. */
export async function signOutDeviceAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const parsed = signOutDeviceSchema.safeParse(formValues(formData, ["sessionId"] as const));
  if (!parsed.success) return invalid(parsed.error, undefined, "This device is not signed in.");
  if (!(await endSession(db(), { userId: user.id, sessionId: parsed.data.sessionId }))) {
    return failure("This device is not signed in.");
  }
  if (parsed.data.sessionId === user.sessionId) await signOut({ redirectTo: "/sign-in" });
  revalidatePath("/settings");
  return { ok: true, message: "Signed out that device." };
}
