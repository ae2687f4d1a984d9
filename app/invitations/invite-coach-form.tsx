"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components/form";
import { inviteCoachAction } from "@/app/settings/coach-actions";

export function InviteCoachForm() {
  const [state, action] = useActionState(inviteCoachAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        label="Coach's e-mail"
        name="email"
        type="email"
        autoComplete="off"
        state={state}
        required
        hint="The address your coach signs in to Cadence with."
      />
      <SubmitButton pendingText="Inviting…">Invite coach</SubmitButton>
    </form>
  );
}
