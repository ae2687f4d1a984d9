"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "@/app/components/button";
import { errorsFor, FieldErrors, FormMessage, SubmitButton, valueFor } from "@/app/components/form";
import { useDetailsOpen } from "@/app/components/use-details-open";
import { deleteTouchAction, updateTouchAction } from "@/app/touches/actions";
import type { MaterialChoice } from "@/app/touches/log-touch-form";
import { DirectionSelect, MaterialGroup, NoteField, OutcomeSelect, Select } from "@/app/touches/touch-details";
import type { ActionState } from "@/lib/actions";
import { CHANNELS, type Channel, type Direction, type Outcome } from "@/lib/domain";
import { CHANNEL_LABELS } from "@/lib/today/labels";
import { toLocalDateTime } from "@/lib/today/local-time";

export type CorrectableTouch = {
  id: string;
  at: Date;
  channel: Channel;
  direction: Direction;
  outcome: Outcome | null;
  note: string;
  material: { id: string } | null;
};

/** Edit and delete for one touch of the lead's timeline; `label` names the touch for screen readers. */
export function TouchCorrection({
  touch,
  label,
  company,
  materials,
  timeZone,
}: {
  touch: CorrectableTouch;
  label: string;
  company: string;
  materials: readonly MaterialChoice[];
  timeZone: string;
}) {
  return (
    <div className="mt-2 flex flex-wrap items-start gap-x-4 gap-y-2">
      <EditTouch touch={touch} label={label} company={company} materials={materials} timeZone={timeZone} />
      <DeleteTouch touchId={touch.id} label={label} />
    </div>
  );
}

function EditTouch({ touch, label, company, materials, timeZone }: Parameters<typeof TouchCorrection>[0]) {
  const [state, formAction] = useActionState(updateTouchAction, null);
  const [cancelled, setCancelled] = useState<ActionState>(null);
  const edit = useDetailsOpen();
  const id = useId();
  const message = useRef<HTMLDivElement>(null);
  const askingAgain = state !== null && !state.ok && "confirmMaterialAgain" in state.fieldErrors && state !== cancelled;

  // The answer (saved, or what to fix) is where the keyboard goes next.
  useEffect(() => {
    if (state !== null) message.current?.focus();
  }, [state]);

  const current = (name: string, stored: string) => valueFor(state, name, stored);
  const notSent = materials.filter((material) => !material.alreadySent || material.id === touch.material?.id);
  const sent = materials.filter((material) => material.alreadySent && material.id !== touch.material?.id);

  return (
    <details className="min-w-0 grow basis-full sm:basis-auto" {...edit.details}>
      <summary className="link link-tap cursor-pointer text-sm">
        Edit<span className="sr-only"> {label}</span>
      </summary>
      {/* Drawn only once opened: a long timeline would carry a whole form per touch. */}
      {edit.open ? (
        <form action={formAction} className="mt-2 grid gap-3 sm:grid-cols-2" noValidate>
          <input type="hidden" name="touchId" value={touch.id} />
          <div className="space-y-1">
            <label htmlFor={`${id}-at`} className="field-label">
              When
            </label>
            <input
              id={`${id}-at`}
              name="at"
              type="datetime-local"
              min="2000-01-01T00:00"
              defaultValue={current("at", toLocalDateTime(touch.at, timeZone))}
              aria-invalid={errorsFor(state, "at").length > 0 || undefined}
              aria-describedby={`${id}-at-error`}
              className="input"
            />
            <FieldErrors id={`${id}-at-error`} errors={errorsFor(state, "at")} />
          </div>
          <Select id={`${id}-channel`} label="Channel" name="channel" state={state} fallback={touch.channel}>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </Select>
          <DirectionSelect id={`${id}-direction`} state={state} fallback={touch.direction} />
          <OutcomeSelect id={`${id}-outcome`} state={state} fallback={touch.outcome ?? ""} />
          <Select id={`${id}-material`} label="Material sent" name="materialId" state={state} fallback={touch.material?.id ?? ""}>
            <option value="">None</option>
            <MaterialGroup label={`Not sent to ${company} with another touch`} materials={notSent} />
            <MaterialGroup label={`Already sent to ${company}`} materials={sent} />
          </Select>
          <NoteField id={`${id}-note`} state={state} fallback={touch.note} />
          <div ref={message} tabIndex={-1} className="space-y-2 outline-none sm:col-span-2">
            {askingAgain ? (
              <div role="alert" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
                <p className="font-medium">{state.message}</p>
                <input type="hidden" name="confirmMaterialAgain" value="yes" />
                <div className="flex flex-wrap gap-2">
                  <SubmitButton pendingText="Saving…">Send it again</SubmitButton>
                  <button type="button" onClick={() => setCancelled(state)} className={buttonClass("secondary")}>
                    Cancel
                  </button>
                </div>
              </div>
            ) : (
              <>
                {state !== null && !(state.ok === false && "confirmMaterialAgain" in state.fieldErrors) ? <FormMessage state={state} /> : null}
                <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
              </>
            )}
          </div>
        </form>
      ) : null}
    </details>
  );
}

/** Delete asks first: the button opens the question, which says what goes. */
function DeleteTouch({ touchId, label }: { touchId: string; label: string }) {
  const [state, formAction] = useActionState(deleteTouchAction, null);
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} className="inline-flex min-h-11 items-center text-sm font-medium text-red-800 underline">
        Delete…<span className="sr-only"> {label}</span>
      </button>
    );
  }
  return (
    <form action={formAction} className="basis-full space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
      <input type="hidden" name="touchId" value={touchId} />
      <p ref={question} tabIndex={-1} className="font-medium text-red-900 outline-none">
        Delete this touch ({label})? Its lead&apos;s pace and every figure follow.
      </p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="danger" pendingText="Deleting…">
          Delete touch
        </SubmitButton>
        <button type="button" onClick={() => setAsking(false)} className={buttonClass("secondary")}>
          Keep it
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
