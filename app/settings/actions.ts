"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { getPasswordHash, rotateSessionEpoch, updateUserProfile } from "@/db/queries/users";
import { failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { signIn, signOut } from "@/lib/server/auth";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { requireUser } from "@/lib/server/auth/session";
import { passwordChangeSchema, profileSchema } from "@/lib/settings/schemas";

export async function updateProfileAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const values = formValues(formData, ["name", "timeZone"] as const);
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  await updateUserProfile(db(), { userId: user.id, ...parsed.data });
  revalidatePath("/", "layout");
  return { ok: true, message: "Saved." };
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const parsed = passwordChangeSchema.safeParse(formValues(formData, ["currentPassword", "newPassword"] as const));
  if (!parsed.success) return invalid(parsed.error);
  const storedHash = await getPasswordHash(db(), { userId: user.id });
  if (!storedHash || !(await verifyPassword(storedHash, parsed.data.currentPassword))) {
    return failure("Please correct the highlighted fields.", { currentPassword: ["That is not your current password."] });
  }
  // A new epoch ends every other session; this device signs in again with the new password.
  await rotateSessionEpoch(db(), { userId: user.id, passwordHash: await hashPassword(parsed.data.newPassword) });
  await signIn("credentials", { email: user.email, password: parsed.data.newPassword, redirect: false });
  // A fresh request, so the page renders with the new session cookie.
  redirect("/settings?password=changed");
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  await rotateSessionEpoch(db(), { userId: user.id });
  await signOut({ redirectTo: "/sign-in" });
}

export async function signOutAction(): Promise<void> {
  await requireUser();
  await signOut({ redirectTo: "/" });
}
