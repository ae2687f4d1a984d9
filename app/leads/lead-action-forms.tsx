"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "@/app/components/button";
import { errorsFor, Field, FieldErrors, FormMessage, SubmitButton, valueFor } from "@/app/components/form";
import { LEAD_TEXT_LIMITS } from "@/lib/leads/schemas";
import {
  bulkDeleteAction,
  bulkDropAction,
  bulkPauseAction,
  closeLeadAction,
  moveLeadAction,
  pauseLeadAction,
  setNextDueAction,
} from "./actions";

export function PauseForm({ leadId, tomorrow }: { leadId: string; tomorrow: string }) {
  const [state, action] = useActionState(pauseLeadAction, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="leadId" value={leadId} />
      <FormMessage state={state} />
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

/**
 * "Move up" / "Move down" for one row. The list re-renders in its new order; the pressed button
 * keeps the focus, so a keyboard user can press it again to keep moving the lead.
 */
export function MoveButtons({
  leadId,
  company,
  canMoveUp,
  canMoveDown,
}: {
  leadId: string;
  company: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
}) {
  const [state, action] = useActionState(moveLeadAction, null);
  const lastPressed = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (state?.ok) lastPressed.current?.focus();
  }, [state]);
  return (
    <form action={action} className="flex flex-wrap gap-2">
      <input type="hidden" name="leadId" value={leadId} />
      <MoveButton direction="up" company={company} disabled={!canMoveUp} onPress={(button) => (lastPressed.current = button)} />
      <MoveButton direction="down" company={company} disabled={!canMoveDown} onPress={(button) => (lastPressed.current = button)} />
      <p role="status" className="sr-only">
        {state?.ok ? `${company}: ${state.message}` : (state?.message ?? "")}
      </p>
    </form>
  );
}

function MoveButton({
  direction,
  company,
  disabled,
  onPress,
}: {
  direction: "up" | "down";
  company: string;
  disabled: boolean;
  onPress: (button: HTMLButtonElement) => void;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name="direction"
      value={direction}
      // Not disabled at an end of the list (that would drop the focus): the server leaves it in place.
      aria-disabled={disabled || pending || undefined}
      onClick={(event) => {
        if (disabled || pending) event.preventDefault();
        else onPress(event.currentTarget);
      }}
      className={`${buttonClass("secondary", "compact")} aria-disabled:cursor-not-allowed aria-disabled:opacity-50`}
    >
      {direction === "up" ? "Move up" : "Move down"}
      <span className="sr-only"> {company}</span>
    </button>
  );
}

/**
 * Actions on the leads ticked in the list (their checkboxes join this form by its id): pause
 * until a date, close as dropped with a reason, or delete (after a confirmation page).
 */
export function BulkActions({ formId, tomorrow }: { formId: string; tomorrow: string }) {
  const [pauseState, pauseAction] = useActionState(bulkPauseAction, null);
  const [dropState, dropAction] = useActionState(bulkDropAction, null);
  const [deleteState, deleteAction] = useActionState(bulkDeleteAction, null);
  return (
    <form id={formId} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" noValidate>
      <h2 className="text-base font-semibold">With the selected leads</h2>
      <FormMessage state={pauseState} />
      <FormMessage state={dropState} />
      <FormMessage state={deleteState} />
      <div className="grid gap-4 md:grid-cols-3">
        <div className="space-y-2">
          <Field type="date" label="Pause selected until" name="bulkPausedUntil" state={pauseState} min={tomorrow} />
          <BulkButton formAction={pauseAction}>Pause selected</BulkButton>
        </div>
        <div className="space-y-2">
          <Field label="Reason for dropping" name="bulkReason" state={dropState} maxLength={LEAD_TEXT_LIMITS.closedReason} />
          <BulkButton formAction={dropAction}>Close selected as dropped</BulkButton>
        </div>
        <div className="space-y-2 md:self-end">
          <BulkButton formAction={deleteAction} variant="danger">
            Delete selected…
          </BulkButton>
        </div>
      </div>
    </form>
  );
}

function BulkButton({
  formAction,
  variant = "secondary",
  children,
}: {
  formAction: (formData: FormData) => void;
  variant?: "secondary" | "danger";
  children: React.ReactNode;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" formAction={formAction} disabled={pending} className={buttonClass(variant)}>
      {children}
    </button>
  );
}
