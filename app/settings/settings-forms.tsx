"use client";

import { useActionState } from "react";
import { errorsFor, Field, FieldErrors, FormMessage, SubmitButton, valueFor } from "@/app/components/form";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-rules";
import { withProofOfWork } from "@/app/components/proof-of-work";
import { UsesChoice } from "@/app/components/uses-choice";
import type { Use } from "@/lib/settings/uses";
import { changePasswordAction, updateProfileAction, updateUsesAction } from "./actions";

// The current password is checked as a sign-in is: past the account-wide limit it needs a proof of work.
const changePasswordPaying = withProofOfWork(changePasswordAction);

export function ProfileForm({ name, timeZone, timeZones }: { name: string; timeZone: string; timeZones: string[] }) {
  const [state, action] = useActionState(updateProfileAction, null);
  const zoneErrors = errorsFor(state, "timeZone");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Name" name="name" defaultValue={name} state={state} autoComplete="name" required maxLength={100} />
      <div className="space-y-1">
        <label htmlFor="field-timeZone" className="field-label">
          Time zone
        </label>
        <select
          id="field-timeZone"
          name="timeZone"
          defaultValue={valueFor(state, "timeZone", timeZone)}
          aria-invalid={zoneErrors.length > 0 || undefined}
          aria-describedby={zoneErrors.length ? "field-timeZone-error" : "field-timeZone-hint"}
          className="input"
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <p id="field-timeZone-hint" className="text-sm text-stone-600">
          Your days (what is due today, your streak) follow this zone.
        </p>
        <FieldErrors id="field-timeZone-error" errors={zoneErrors} />
      </div>
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}

export function UsesForm({ current }: { current: Use }) {
  const [state, action] = useActionState(updateUsesAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <UsesChoice state={state} current={current} legend="I use Cadence for" />
      <SubmitButton pendingText="Saving…">Save what I use Cadence for</SubmitButton>
    </form>
  );
}

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordPaying, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" state={state} required />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        state={state}
        required
        hint={`At least ${PASSWORD_MIN} characters (up to ${PASSWORD_MAX}).`}
      />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
