"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components/form";
import { withProofOfWork } from "@/app/components/proof-of-work";
import { requestEmailChangeAction } from "./email-actions";

// The current password is checked as a sign-in is: past the account-wide limit it needs a proof of work.
const requestEmailChangePaying = withProofOfWork(requestEmailChangeAction);

export function EmailChangeForm() {
  const [state, action] = useActionState(requestEmailChangePaying, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="New e-mail address" name="newEmail" type="email" autoComplete="email" state={state} required />
      <Field
        label="Your password"
        name="password"
        id="field-email-change-password"
        type="password"
        autoComplete="current-password"
        state={state}
        required
        hint="The one you sign in with now: changing the address of your account asks for it."
      />
      <SubmitButton pendingText="Sending…">Send a confirmation link</SubmitButton>
    </form>
  );
}
