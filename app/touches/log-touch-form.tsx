"use client";

import { useActionState, useContext, useId, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "@/app/components/button";
import { errorsFor, FieldErrors, FormMessage, valueFor } from "@/app/components/form";
import type { ActionState } from "@/lib/actions";
import { CHANNELS, DIRECTIONS, OUTCOMES, type Channel } from "@/lib/domain";
import { CHANNEL_LABELS, DIRECTION_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";
import { toLocalDateTime } from "@/lib/today/local-time";
import { logTouchAction } from "./actions";
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

const inputClass = "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid]:border-red-600";
const labelClass = "block text-sm font-medium text-stone-800";

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
  const sortedMaterials = {
    notSent: materials.filter((material) => !material.alreadySent),
    sent: materials.filter((material) => material.alreadySent),
  };

  // "When" shows now, in the seeker's zone, as the details open; left empty it means "now" too.
  const fillNow = (input: HTMLInputElement | null) => {
    if (!input) return;
    const now = toLocalDateTime(new Date(), timeZone);
    input.max = now;
    if (!input.value) input.value = now;
  };

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
        <div role="alert" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">{state.message}</p>
          <input type="hidden" name="confirmTooSoon" value="yes" />
          <div className="flex flex-wrap gap-2">
            <ActionButton name="channel" value={state.values?.channel ?? ""} variant="primary">
              Save anyway
            </ActionButton>
            <button
              type="button"
              onClick={() => setCancelled(state)}
              className={buttonClass("secondary")}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          {state && !(state.ok === false && "confirmTooSoon" in state.fieldErrors) ? <FormMessage state={state} /> : null}
          <fieldset aria-describedby={suggestedChannel ? `${id}-suggestion` : undefined}>
            <legend className="mb-2 text-sm font-medium text-stone-800">
              Log a touch<span className="sr-only"> with {lead.company}</span>
            </legend>
            {suggestedChannel ? (
              <p id={`${id}-suggestion`} className="mb-2 text-sm text-stone-600">
                Suggested next: <strong className="font-semibold text-stone-800">{CHANNEL_LABELS[suggestedChannel]}</strong>
              </p>
            ) : null}
            <div className="grid grid-cols-3 gap-2 sm:flex sm:flex-wrap">
              {CHANNELS.map((channel) => (
                <ActionButton
                  key={channel}
                  name="channel"
                  value={channel}
                  variant={channel === suggestedChannel ? "primary" : "secondary"}
                >
                  {CHANNEL_LABELS[channel]}
                </ActionButton>
              ))}
            </div>
            <FieldErrors id={`${id}-channel-error`} errors={errorsFor(state, "channel")} />
          </fieldset>
        </>
      )}

      <details className="rounded-md" onToggle={(event) => setDetailsOpen(event.currentTarget.open)}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700 underline">
          More details
        </summary>
        {/* Drawn only once opened: a Today list of many leads stays light, and closed means the defaults. */}
        {detailsOpen ? (
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <Select id={`${id}-direction`} label="Direction" name="direction" state={state} fallback="outbound">
              {DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {DIRECTION_LABELS[direction]}
                </option>
              ))}
            </Select>
            <Select id={`${id}-outcome`} label="Outcome" name="outcome" state={state}>
              <option value="">Not recorded</option>
              {OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {OUTCOME_LABELS[outcome]}
                </option>
              ))}
            </Select>
            <Select id={`${id}-material`} label="Material sent" name="materialId" state={state}>
              <option value="">None</option>
              {sortedMaterials.notSent.length > 0 ? (
                <optgroup label={`Not sent to ${lead.company} yet`}>
                  {sortedMaterials.notSent.map((material) => (
                    <option key={material.id} value={material.id}>
                      {material.title}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {sortedMaterials.sent.length > 0 ? (
                <optgroup label={`Already sent to ${lead.company}`}>
                  {sortedMaterials.sent.map((material) => (
                    <option key={material.id} value={material.id}>
                      {material.title}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </Select>
            <div className="space-y-1">
              <label htmlFor={`${id}-at`} className={labelClass}>
                When
              </label>
              <input
                ref={fillNow}
                id={`${id}-at`}
                name="at"
                type="datetime-local"
                min="2000-01-01T00:00"
                defaultValue={valueFor(state, "at")}
                aria-invalid={errorsFor(state, "at").length > 0 || undefined}
                aria-describedby={`${id}-at-hint ${id}-at-error`}
                className={inputClass}
              />
              <p id={`${id}-at-hint`} className="text-sm text-stone-600">
                Now, unless you log it later. Never in the future.
              </p>
              <FieldErrors id={`${id}-at-error`} errors={errorsFor(state, "at")} />
            </div>
            <div className="space-y-1 sm:col-span-2">
              <label htmlFor={`${id}-note`} className={labelClass}>
                Note
              </label>
              <textarea
                id={`${id}-note`}
                name="note"
                rows={2}
                maxLength={2000}
                defaultValue={valueFor(state, "note")}
                aria-invalid={errorsFor(state, "note").length > 0 || undefined}
                aria-describedby={`${id}-note-error`}
                className={inputClass}
              />
              <FieldErrors id={`${id}-note-error`} errors={errorsFor(state, "note")} />
            </div>
            <p className="text-sm text-stone-600 sm:col-span-2">Then choose the channel above to save.</p>
          </div>
        ) : null}
      </details>
    </form>
  );
}

function Select({
  id,
  label,
  name,
  state,
  fallback = "",
  children,
}: {
  id: string;
  label: string;
  name: string;
  state: ActionState;
  fallback?: string;
  children: React.ReactNode;
}) {
  const errors = errorsFor(state, name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={valueFor(state, name, fallback)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
        className={inputClass}
      >
        {children}
      </select>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A submit button that carries its value (the channel) and is disabled while the form is sending. */
function ActionButton({
  name,
  value,
  variant,
  children,
}: {
  name: string;
  value: string;
  variant: "primary" | "secondary";
  children: React.ReactNode;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} className={buttonClass(variant, "compact")}>
      {children}
    </button>
  );
}
