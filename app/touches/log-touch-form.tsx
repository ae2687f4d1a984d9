"use client";

import { useActionState, useContext, useId, useRef, useState } from "react";
import { FormMessage } from "@/app/components/form";
import type { ActionState } from "@/lib/actions";
import type { Channel } from "@/lib/domain";
import { logTouchAction } from "./actions";
import { ChannelButtons, TooSoonPrompt } from "./channel-buttons";
import { TouchDetails } from "./touch-details";
import { TouchLoggedContext } from "./touch-logged-context";

/** A material of the seeker, as listMaterialsForLead gives it (extra fields are ignored). */
export type MaterialChoice = { id: string; title: string; alreadySent: boolean };

export type LogTouchFormProps = {
  /** The lead the touch is for; its company names the form for screen readers. */
  lead: { id: string; company: string };
  /** The seeker's IANA time zone: "When" is shown and read in it. */
  timeZone: string;
  /** The seeker's materials with whether this lead already got each; those not sent yet come first. */
  materials?: readonly MaterialChoice[];
  /** The channel to suggest (suggestChannel): its button stands out and the form says why. */
  suggestedChannel?: Channel;
};

/** Random, and fresh for each touch this form records (crypto.randomUUID needs a secure origin). */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * One-tap touch logging: each channel button saves a touch at once (outbound, now); "More details"
 * holds direction, outcome, note, material and when. A too-soon touch asks before it is saved.
 */
export function LogTouchForm({ lead, timeZone, materials = [], suggestedChannel }: LogTouchFormProps) {
  const markLogged = useContext(TouchLoggedContext);
  const keyInput = useRef<HTMLInputElement>(null);
  const [state, formAction] = useActionState(async (previous: ActionState, formData: FormData) => {
    markLogged?.(lead.id);
    const result = await logTouchAction(previous, formData);
    // The next touch from this form is a new one; a repeat of this submission keeps the old key.
    if (result.ok && keyInput.current) keyInput.current.value = newIdempotencyKey();
    return result;
  }, null);
  const [cancelled, setCancelled] = useState<ActionState>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const id = useId();

  const askingTooSoon = state !== null && !state.ok && "confirmTooSoon" in state.fieldErrors && state !== cancelled;

  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="leadId" value={lead.id} />
      <input
        type="hidden"
        name="idempotencyKey"
        ref={(input) => {
          keyInput.current = input;
          if (input && !input.value) input.value = newIdempotencyKey();
        }}
      />
      {askingTooSoon ? (
        <TooSoonPrompt message={state.message} channel={state.values?.channel ?? ""} onCancel={() => setCancelled(state)} />
      ) : (
        <>
          {state && !(state.ok === false && "confirmTooSoon" in state.fieldErrors) ? <FormMessage state={state} /> : null}
          <ChannelButtons id={id} state={state} company={lead.company} suggestedChannel={suggestedChannel} />
        </>
      )}
      <details className="rounded-md" onToggle={(event) => setDetailsOpen(event.currentTarget.open)}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700 underline">
          More details
        </summary>
        {/* Drawn only once opened: a Today list of many leads stays light, and closed means the defaults. */}
        {detailsOpen ? <TouchDetails id={id} state={state} company={lead.company} materials={materials} timeZone={timeZone} /> : null}
      </details>
    </form>
  );
}
