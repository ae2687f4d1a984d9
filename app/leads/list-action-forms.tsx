"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "@/app/components/button";
import { errorsFor, Field, FieldErrors, FormMessage, valueFor } from "@/app/components/form";
import { plural } from "@/lib/format";
import type { LeadListQuery } from "@/lib/leads/page";
import { LEAD_TEXT_LIMITS } from "@/lib/leads/limits";
import type { ActionState } from "@/lib/actions";
import { bulkDeleteAction, bulkDropAction, bulkPauseAction, moveLeadToAction } from "./actions";

// The Leads table's forms (lead-list.tsx): a row's "Move to…" and the bar of bulk actions. A lead's
// own page has its forms in lead-action-forms.tsx, so neither page loads the other's.

/**
 * "Move to position…" for one row: a number field that opens under the button. The campaign order
 * is the whole list's, so any position can be typed, on this page or another.
 */
export function MoveToPosition({
  leadId,
  company,
  rank,
  onMoved,
}: {
  leadId: string;
  company: string;
  rank: number;
  onMoved: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const moved = useRef(false);
  const [state, action] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await moveLeadToAction(previous, formData);
    if (result.ok) {
      moved.current = true;
      setOpen(false);
      onMoved(`${company}: ${result.message ?? "moved."}`);
    }
    return result;
  }, null);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // Focus follows the change: into the field when it opens, back to the button after a move.
  useEffect(() => {
    if (open) input.current?.focus();
    else if (moved.current) {
      moved.current = false;
      toggle.current?.focus();
    }
  }, [open]);
  useEffect(() => {
    if (state && !state.ok) input.current?.focus();
  }, [state]);
  const errors = errorsFor(state, "position");
  return (
    <div className="text-right">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => setOpen((value) => !value)}
        className={buttonClass("secondary", "compact")}
      >
        Move to…<span className="sr-only"> a position, {company}</span>
      </button>
      {open ? (
        <form id={`${id}-form`} action={action} noValidate className="mt-2 flex flex-wrap items-end justify-end gap-2 text-left">
          <input type="hidden" name="leadId" value={leadId} />
          <div className="space-y-1">
            <label htmlFor={`${id}-position`} className="field-label">
              New position<span className="sr-only"> for {company}</span>
            </label>
            <input
              ref={input}
              id={`${id}-position`}
              name="position"
              type="number"
              inputMode="numeric"
              min={1}
              defaultValue={valueFor(state, "position", String(rank))}
              aria-invalid={errors.length > 0 || undefined}
              aria-describedby={errors.length ? `${id}-error` : undefined}
              className="input w-24"
            />
          </div>
          <MoveSubmit company={company} />
          <div className="basis-full">
            <FieldErrors id={`${id}-error`} errors={errors} />
          </div>
        </form>
      ) : null}
    </div>
  );
}

function MoveSubmit({ company }: { company: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClass("primary", "compact")}>
      {pending ? "Moving…" : "Move"}
      <span className="sr-only"> {company}</span>
    </button>
  );
}

type BulkFilter = Pick<LeadListQuery, "state" | "search">;

/**
 * The bar of bulk actions, fixed at the bottom of the screen while something is selected: how many,
 * "Select all N matching" (the actions then apply to the filter, on the server, in one transaction),
 * and the actions. A refused action leaves the selection as it was, so correcting and retrying works.
 */
export function BulkBar({
  count,
  matching,
  allMatching,
  selectedIds,
  filter,
  tomorrow,
  onSelectAllMatching,
  onClear,
  onDone,
}: {
  count: number;
  matching: number;
  allMatching: boolean;
  selectedIds: string[];
  filter: BulkFilter;
  tomorrow: string;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onDone: (message: string) => void;
}) {
  // On success the selection is done with (the bar closes, the table says what happened); a refusal keeps it.
  const finishing = (action: typeof bulkPauseAction) => async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) onDone(result.message ?? "Done.");
    return result;
  };
  const [pauseState, pauseAction] = useActionState(finishing(bulkPauseAction), null);
  const [dropState, dropAction] = useActionState(finishing(bulkDropAction), null);
  const [deleteState, deleteAction] = useActionState(bulkDeleteAction, null);
  const refusal = [pauseState, dropState, deleteState].find((state) => state && !state.ok) ?? null;
  return (
    <section
      aria-labelledby="bulk-heading"
      className="fixed inset-x-0 bottom-0 z-20 max-h-[70vh] overflow-y-auto border-t border-stone-300 bg-white shadow-[0_-4px_12px_rgba(0,0,0,0.08)]"
    >
      <form noValidate className="mx-auto max-w-5xl space-y-3 px-4 py-3">
        {allMatching ? (
          <>
            <input type="hidden" name="scope" value="matching" />
            <input type="hidden" name="state" value={filter.state} />
            <input type="hidden" name="q" value={filter.search} />
          </>
        ) : (
          selectedIds.map((id) => <input key={id} type="hidden" name="leadId" value={id} />)
        )}
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h2 id="bulk-heading" className="text-base font-semibold" aria-live="polite">
            {allMatching ? `All ${plural(count, "matching lead")} selected` : `${count} selected`}
          </h2>
          {!allMatching && matching > count ? (
            <button type="button" onClick={onSelectAllMatching} className="inline-flex min-h-11 items-center px-1 text-sm font-semibold text-brand-700 underline">
              Select all {matching.toLocaleString("en-US")} matching
            </button>
          ) : null}
          <button type="button" onClick={onClear} className="inline-flex min-h-11 items-center px-1 text-sm font-semibold text-brand-700 underline">
            Clear selection
          </button>
        </div>
        <FormMessage state={refusal} />
        <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <div className="flex items-end gap-2">
            <div className="min-w-0 flex-1">
              <Field type="date" label="Pause until" name="bulkPausedUntil" state={pauseState} min={tomorrow} />
            </div>
            <BulkButton formAction={pauseAction}>Pause selected</BulkButton>
          </div>
          <div className="flex items-end gap-2">
            <div className="min-w-0 flex-1">
              <Field label="Reason for dropping" name="bulkReason" state={dropState} maxLength={LEAD_TEXT_LIMITS.closedReason} />
            </div>
            <BulkButton formAction={dropAction}>Close as dropped</BulkButton>
          </div>
          <BulkButton formAction={deleteAction} variant="danger">
            Delete selected…
          </BulkButton>
        </div>
      </form>
    </section>
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
    <button type="submit" formAction={formAction} disabled={pending} className={`${buttonClass(variant, "compact")} shrink-0`}>
      {children}
    </button>
  );
}
