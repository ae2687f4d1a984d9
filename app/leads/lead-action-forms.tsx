"use client";

import { useActionState, useId } from "react";
import { errorsFor, Field, FieldErrors, FormMessage, SubmitButton, valueFor } from "@/app/components/form";
import { LEAD_TEXT_LIMITS } from "@/lib/leads/limits";
import { closeLeadAction, pauseLeadAction, setNextDueAction } from "./actions";

// A lead's own forms (its page, lead-manage.tsx). The Leads table's are in list-action-forms.tsx.

/**
 * Pause a lead until a date; once paused, the panel says until when (the form's answer, which takes
 * the focus, right after pausing) and offers `resume` instead of the form.
 */
export function PauseForm({
  leadId,
  tomorrow,
  pausedUntil,
  resume,
}: {
  leadId: string;
  tomorrow: string;
  /** "Mon 28 Dec" while the lead is paused, else null. */
  pausedUntil: string | null;
  resume: React.ReactNode;
}) {
  const [state, action] = useActionState(pauseLeadAction, null);
  if (pausedUntil !== null) {
    return (
      <div className="space-y-3">
        {state?.ok ? <FormMessage state={state} /> : <p className="text-sm text-stone-800">Paused until {pausedUntil}.</p>}
        {resume}
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="leadId" value={leadId} />
      {state?.ok ? null : <FormMessage state={state} />}
      <Field type="date" label="Pause until" name="pausedUntil" state={state} min={tomorrow} hint="The lead comes back on this date." />
      <SubmitButton variant="secondary" pendingText="Pausing…">
        Pause
      </SubmitButton>
    </form>
  );
}

export function CloseForm({ leadId }: { leadId: string }) {
  const [state, action] = useActionState(closeLeadAction, null);
  const id = useId();
  const closedAsErrors = errorsFor(state, "closedAs");
  const chosen = valueFor(state, "closedAs", "dropped");
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="leadId" value={leadId} />
      <FormMessage state={state} />
      <fieldset aria-describedby={closedAsErrors.length ? `${id}-error` : undefined}>
        <legend className="text-sm font-medium text-stone-800">Close as</legend>
        <div className="mt-1 flex flex-wrap gap-x-6">
          {(["won", "dropped"] as const).map((value) => (
            <label key={value} className="inline-flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="closedAs" value={value} defaultChecked={chosen === value} className="size-5" />
              {value === "won" ? "Won (an offer, a job)" : "Dropped"}
            </label>
          ))}
        </div>
        <FieldErrors id={`${id}-error`} errors={closedAsErrors} />
      </fieldset>
      <Field
        label="Reason"
        name="closedReason"
        state={state}
        maxLength={LEAD_TEXT_LIMITS.closedReason}
        hint="Needed when dropped: “no openings this year”, “not a fit”."
      />
      <SubmitButton variant="secondary" pendingText="Closing…">
        Close lead
      </SubmitButton>
    </form>
  );
}

export function NextDueForm({ leadId, today, current }: { leadId: string; today: string; current: string | null }) {
  const [state, action] = useActionState(setNextDueAction, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="leadId" value={leadId} />
      <FormMessage state={state} />
      <Field
        type="date"
        label="They said to follow up on"
        name="nextDue"
        state={state}
        min={today}
        defaultValue={current ?? ""}
        hint="Sets the next due date by hand until your next touch."
      />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Set next due date
      </SubmitButton>
    </form>
  );
}
