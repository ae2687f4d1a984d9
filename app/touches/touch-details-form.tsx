"use client";

import { useActionState, useContext, useId, useRef, useState } from "react";
import { errorsFor, FieldErrors, FormMessage, SubmitButton, valueFor } from "@/app/components/form";
import type { ActionState } from "@/lib/actions";
import { CHANNELS, type Channel } from "@/lib/domain";
import { CHANNEL_LABELS } from "@/lib/today/labels";
import { logTouchAction } from "./actions";
import { ConfirmPrompt, pendingConfirmation } from "./channel-buttons";
import { newIdempotencyKey } from "./idempotency-key";
import type { MaterialChoice } from "./log-touch-form";
import { TouchDetails } from "./touch-details";
import { TouchLoggedContext } from "./touch-logged-context";

/**
 * "More details": a form of its own, with its own channel choice and Save button, so everything
 * it needs is together (on a phone the one-tap buttons are a screen away from the note).
 */
export function TouchDetailsForm({
  lead,
  timeZone,
  materials,
  suggestedChannel,
}: {
  lead: { id: string; company: string };
  timeZone: string;
  materials: readonly MaterialChoice[];
  suggestedChannel?: Channel;
}) {
  const row = useContext(TouchLoggedContext);
  const keyInput = useRef<HTMLInputElement>(null);
  const [state, formAction] = useActionState(async (previous: ActionState, formData: FormData) => {
    let result: ActionState = null;
    try {
      result = await logTouchAction(previous, formData);
    } finally {
      // Saved or not (a refusal, a lost connection), the row learns it and lets go when it must.
      row?.end(result);
    }
    if (result.ok && keyInput.current) keyInput.current.value = newIdempotencyKey();
    return result;
  }, null);
  const [cancelled, setCancelled] = useState<ActionState>(null);
  const id = useId();
  const asking = pendingConfirmation(state) !== null && state !== cancelled;
  const channel = valueFor(state, "channel", suggestedChannel ?? "email");
  const channelErrors = errorsFor(state, "channel");

  return (
    // A saved touch resets the form (React does for an action's form): the next one starts fresh.
    <form action={formAction} onSubmit={() => row?.begin()} className="mt-2 space-y-3" noValidate>
      <input type="hidden" name="leadId" value={lead.id} />
      <input
        type="hidden"
        name="idempotencyKey"
        ref={(input) => {
          keyInput.current = input;
          if (input && !input.value) input.value = newIdempotencyKey();
        }}
      />
      <fieldset aria-describedby={channelErrors.length ? `${id}-channel-error` : undefined}>
        <legend className="mb-2 text-sm font-medium text-stone-800">
          Channel<span className="sr-only"> of the touch with {lead.company}</span>
        </legend>
        <div className="flex flex-wrap gap-2">
          {CHANNELS.map((option) => (
            <label
              key={option}
              className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-stone-300 bg-white px-3 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="channel" value={option} defaultChecked={option === channel} className="size-4" />
              {CHANNEL_LABELS[option]}
            </label>
          ))}
        </div>
        <FieldErrors id={`${id}-channel-error`} errors={channelErrors} />
      </fieldset>
      <TouchDetails id={id} state={state} company={lead.company} materials={materials} timeZone={timeZone} />
      {asking ? (
        <ConfirmPrompt state={state} channel={state?.ok === false ? (state.values?.channel ?? "") : ""} onCancel={() => setCancelled(state)} />
      ) : (
        <>
          {/* In a row that shows "Logged … · Undo" itself (Today), only a refusal is said here. */}
            {state && pendingConfirmation(state) === null && !(row && state.ok) ? <FormMessage state={state} /> : null}
          <SubmitButton pendingText="Saving…">Save touch</SubmitButton>
        </>
      )}
    </form>
  );
}
