"use server";

import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { failure, formValues, invalid, type ActionResult, type ActionState } from "@/lib/actions";
import { signIn, SignInThrottled } from "@/lib/server/auth";
import { signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { hashPassword } from "@/lib/server/auth/password";
import { safeReturnPath } from "@/lib/auth/return-path";
import { formatWait } from "@/lib/format";

export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, ["name", "email", "password", "timeZone", "next"] as const);
  const echo = { name: values.name, email: values.email, timeZone: values.timeZone };
  const parsed = signUpSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, echo);

  const user = await createUser(db(), {
    name: parsed.data.name,
    email: parsed.data.email,
    passwordHash: await hashPassword(parsed.data.password),
    timeZone: parsed.data.timeZone,
  });
  if (!user) {
    return failure(
      "Please correct the highlighted fields.",
      { email: ["An account with this e-mail already exists. Sign in instead."] },
      echo,
    );
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  redirect(safeReturnPath(values.next));
}

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, ["email", "password", "next"] as const);
  const echo = { email: values.email };
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, echo);
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof SignInThrottled) {
      return failure(`Too many failed attempts. Try again in ${formatWait(error.retryAfterSeconds)}.`, {}, echo);
    }
    // One message for both: it must not tell which of e-mail or password was wrong.
    if (error instanceof CredentialsSignin) return failure("Wrong e-mail or password.", {}, echo);
    throw error;
  }
  redirect(safeReturnPath(values.next));
}
