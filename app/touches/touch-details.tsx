import { errorsFor, FieldErrors, valueFor } from "@/app/components/form";
import type { ActionState } from "@/lib/actions";
import { DIRECTIONS, OUTCOMES } from "@/lib/domain";
import { DIRECTION_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";
import { toLocalDateTime } from "@/lib/today/local-time";
import type { MaterialChoice } from "./log-touch-form";

/** The fields of "More details" (touch-details-form.tsx): direction, outcome, material, when and a note. */
export function TouchDetails({
  id,
  state,
  company,
  materials,
  timeZone,
}: {
  id: string;
  state: ActionState;
  company: string;
  materials: readonly MaterialChoice[];
  timeZone: string;
}) {
  const notSent = materials.filter((material) => !material.alreadySent);
  const sent = materials.filter((material) => material.alreadySent);

  // "When" shows now, in the seeker's zone, as the details open; left empty it means "now" too.
  const fillNow = (input: HTMLInputElement | null) => {
    if (!input) return;
    const now = toLocalDateTime(new Date(), timeZone);
    input.max = now;
    if (!input.value) input.value = now;
  };

  return (
    <div className="mt-2 grid gap-3 sm:grid-cols-2">
      <DirectionSelect id={`${id}-direction`} state={state} fallback="outbound" />
      <OutcomeSelect id={`${id}-outcome`} state={state} />
      <Select id={`${id}-material`} label="Material sent" name="materialId" state={state}>
        <option value="">None</option>
        <MaterialGroup label={`Not sent to ${company} yet`} materials={notSent} />
        <MaterialGroup label={`Already sent to ${company}`} materials={sent} />
      </Select>
      <div className="space-y-1">
        <label htmlFor={`${id}-at`} className="field-label">
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
          className="input"
        />
        <p id={`${id}-at-hint`} className="text-sm text-stone-600">
          Now, unless you log it later. Never in the future.
        </p>
        <FieldErrors id={`${id}-at-error`} errors={errorsFor(state, "at")} />
      </div>
      <NoteField id={`${id}-note`} state={state} />
    </div>
  );
}

export function MaterialGroup({ label, materials }: { label: string; materials: readonly MaterialChoice[] }) {
  if (materials.length === 0) return null;
  return (
    <optgroup label={label}>
      {materials.map((material) => (
        <option key={material.id} value={material.id}>
          {material.title}
        </option>
      ))}
    </optgroup>
  );
}

export function Select({
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
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={valueFor(state, name, fallback)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
        className="input"
      >
        {children}
      </select>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A touch's note (logging one, or correcting it: `fallback` is the note it has). */
export function NoteField({ id, state, fallback = "" }: { id: string; state: ActionState; fallback?: string }) {
  const errors = errorsFor(state, "note");
  return (
    <div className="space-y-1 sm:col-span-2">
      <label htmlFor={id} className="field-label">
        Note
      </label>
      <textarea
        id={id}
        name="note"
        rows={2}
        maxLength={2000}
        defaultValue={valueFor(state, "note", fallback)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={`${id}-error`}
        className="input"
      />
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A touch's direction (logging one: outbound unless said; correcting one: the one it has). */
export function DirectionSelect({ id, state, fallback }: { id: string; state: ActionState; fallback: string }) {
  return (
    <Select id={id} label="Direction" name="direction" state={state} fallback={fallback}>
      {DIRECTIONS.map((direction) => (
        <option key={direction} value={direction}>
          {DIRECTION_LABELS[direction]}
        </option>
      ))}
    </Select>
  );
}

/** A touch's outcome, "Not recorded" unless one is chosen. */
export function OutcomeSelect({ id, state, fallback = "" }: { id: string; state: ActionState; fallback?: string }) {
  return (
    <Select id={id} label="Outcome" name="outcome" state={state} fallback={fallback}>
      <option value="">Not recorded</option>
      {OUTCOMES.map((outcome) => (
        <option key={outcome} value={outcome}>
          {OUTCOME_LABELS[outcome]}
        </option>
      ))}
    </Select>
  );
}
