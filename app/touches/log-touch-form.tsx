"use client";

import { useActionState, useContext, useId, useRef, useState } from "react";
import { FormMessage } from "@/app/components/form";
import { useDetailsOpen } from "@/app/components/use-details-open";
import type { ActionState } from "@/lib/actions";
import type { Channel } from "@/lib/domain";
import { logTouchAction } from "./actions";
import { ChannelButtons, ConfirmPrompt, pendingConfirmation } from "./channel-buttons";
import { newIdempotencyKey } from "./idempotency-key";
import { TouchDetailsForm } from "./touch-details-form";
import { TouchLoggedContext } from "./touch-logged-context";
import { useMaterialChoices } from "./seeker-materials";

/** A material of the seeker, as listMaterialsForLead gives it (extra fields are ignored). */
export type MaterialChoice = { id: string; title: string; alreadySent: boolean };

export type LogTouchFormProps = {
  /** The lead the touch is for; its company names the form for screen readers. */
  lead: { id: string; company: string };
  /** The seeker's IANA time zone: "When" is shown and read in it. */
  timeZone: string;
  /** The seeker's materials with whether this lead already got each; those not sent yet come first. */
  materials?: readonly MaterialChoice[];
  /** Without `materials`: the materials of the list around (SeekerMaterials) this lead already got. */
  sentMaterialIds?: readonly string[];
  /** The channel to suggest (suggestChannel): its button stands out and the form says why. */
  suggestedChannel?: Channel;
};

/**
 * One-tap touch logging: each channel button saves a touch at once (outbound, now); "More details"
 * opens a form of its own (channel, direction, outcome, note, material, when, and Save). A too-soon
 * touch asks before it is saved.
 */
export function LogTouchForm({ lead, timeZone, materials: own, sentMaterialIds = [], suggestedChannel }: LogTouchFormProps) {
  const row = useContext(TouchLoggedContext);
  const materials = useMaterialChoices(own, sentMaterialIds);
  const keyInput = useRef<HTMLInputElement>(null);
  const [state, formAction] = useActionState(async (previous: ActionState, formData: FormData) => {
    let result: ActionState = null;
    try {
      result = await logTouchAction(previous, formData);
    } finally {
      // Saved or not (a refusal, a lost connection), the row learns it and lets go when it must.
      row?.end(result);
    }
    // The next touch from this form is a new one; a repeat of this submission keeps the old key.
    if (result.ok && keyInput.current) keyInput.current.value = newIdempotencyKey();
    return result;
  }, null);
  const [cancelled, setCancelled] = useState<ActionState>(null);
  const moreDetails = useDetailsOpen();
  const id = useId();

  const asking = pendingConfirmation(state) !== null && state !== cancelled;

  return (
    <div className="space-y-3">
      <form action={formAction} onSubmit={() => row?.begin()} className="space-y-3" noValidate>
        <input type="hidden" name="leadId" value={lead.id} />
        <input
          type="hidden"
          name="idempotencyKey"
          ref={(input) => {
            keyInput.current = input;
            if (input && !input.value) input.value = newIdempotencyKey();
          }}
        />
        {asking ? (
          <ConfirmPrompt state={state} channel={state?.ok === false ? (state.values?.channel ?? "") : ""} onCancel={() => setCancelled(state)} />
        ) : (
          <>
            {/* In a row that shows "Logged … · Undo" itself (Today), only a refusal is said here. */}
            {state && pendingConfirmation(state) === null && !(row && state.ok) ? <FormMessage state={state} /> : null}
            <ChannelButtons id={id} state={state} company={lead.company} suggestedChannel={suggestedChannel} />
          </>
        )}
      </form>
      <details className="rounded-md" {...moreDetails.details}>
        <summary className="link link-tap cursor-pointer text-sm">
          More details<span className="sr-only"> for a touch with {lead.company}</span>
        </summary>
        {/* Drawn only once opened: a Today list of many leads stays light. */}
        {moreDetails.open ? <TouchDetailsForm lead={lead} timeZone={timeZone} materials={materials} suggestedChannel={suggestedChannel} /> : null}
      </details>
    </div>
  );
}
