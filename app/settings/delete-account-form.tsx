"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components/form";
import { withProofOfWork } from "@/app/components/proof-of-work";
import { deleteAccountAction } from "./account-actions";

// The password is checked as a sign-in is: past the account-wide limit it needs a proof of work.
const deleteAccountPaying = withProofOfWork(deleteAccountAction);

export function DeleteAccountForm() {
  const [state, action] = useActionState(deleteAccountPaying, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        label="Your password"
        name="password"
        id="field-delete-account-password"
        type="password"
        autoComplete="current-password"
        state={state}
        required
        hint="To be sure it is you. This cannot be undone."
      />
      <SubmitButton variant="danger" pendingText="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
