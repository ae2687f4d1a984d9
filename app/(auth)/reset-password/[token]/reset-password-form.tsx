"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components/form";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-rules";
import { resetPasswordAction } from "../../account-actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account whose password this is. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        state={state}
        required
        hint={`At least ${PASSWORD_MIN} characters (up to ${PASSWORD_MAX}).`}
      />
      <SubmitButton pendingText="Saving…">Save the new password</SubmitButton>
    </form>
  );
}
