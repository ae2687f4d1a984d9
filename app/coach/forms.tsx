"use client";

import { useActionState } from "react";
import { CopyField } from "@/app/components/copy-field";
import { errorsFor, FieldErrors, FormMessage, SubmitButton, valueFor } from "@/app/components/form";
import { formatCode } from "@/lib/coach/invitations";
import { formatDate } from "@/lib/format";
import { createInvitationAction, leaveNoteAction } from "./actions";

export function CreateInvitationForm() {
  const [state, action] = useActionState(createInvitationAction, null);
  const invitation = state?.ok ? state.invitation : undefined;
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      {invitation ? (
        <div className="space-y-3 rounded-lg border border-brand-100 bg-white p-4">
          <CopyField id="invitation-link" label="Invitation link" value={invitation.url} buttonText="Copy link" />
          <CopyField id="invitation-code" label="Or the invitation code" value={formatCode(invitation.code)} buttonText="Copy code" />
          <p className="text-sm text-stone-600">
            Your client opens the link, or types the code under Settings › Connected coaches › &ldquo;Have a code from your
            coach?&rdquo;
          </p>
          <p className="text-sm text-stone-600">
            Both work once, until {formatDate(new Date(invitation.expiresAt))}. Copy the link now: it is shown only
            this once. The code stays listed below.
          </p>
        </div>
      ) : null}
      <SubmitButton pendingText="Creating…">Create an invitation</SubmitButton>
    </form>
  );
}

export function NoteForm({ seekerId, clientName }: { seekerId: string; clientName: string }) {
  const [state, action] = useActionState(leaveNoteAction, null);
  const errors = errorsFor(state, "body");
  return (
    // React empties the box after a saved note; a refused one comes back through defaultValue.
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="seekerId" value={seekerId} />
      <div className="space-y-1">
        <label htmlFor="field-body" className="field-label">
          Note for {clientName}
        </label>
        <textarea
          id="field-body"
          name="body"
          rows={3}
          maxLength={2000}
          defaultValue={valueFor(state, "body")}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errors.length ? "field-body-hint field-body-error" : "field-body-hint"}
          className="input"
        />
        <p id="field-body-hint" className="text-sm text-stone-600">
          {clientName} sees it on Today until they dismiss it.
        </p>
        <FieldErrors id="field-body-error" errors={errors} />
      </div>
      <SubmitButton pendingText="Leaving note…">Leave note</SubmitButton>
    </form>
  );
}
