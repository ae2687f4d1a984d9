import { errorsFor, FieldErrors, valueFor } from "@/app/components/form";
import type { ActionState } from "@/lib/actions";
import { USE_LABELS, USES, type Use } from "@/lib/settings/uses";

/** "What brings you to Cadence?": finding a job, coaching job seekers, or both (sign-up and Settings). */
export function UsesChoice({ state, current = "seeking", legend }: { state: ActionState; current?: Use; legend: string }) {
  const errors = errorsFor(state, "uses");
  const chosen = valueFor(state, "uses", current);
  return (
    <fieldset className="space-y-2" aria-describedby={errors.length ? "field-uses-error" : undefined}>
      <legend className="mb-1 text-sm font-medium text-stone-800">{legend}</legend>
      {USES.map((use) => (
        <div key={use} className="flex gap-3 rounded-md border border-stone-200 bg-white p-3 has-[:checked]:border-brand-700">
          <input
            id={`uses-${use}`}
            type="radio"
            name="uses"
            value={use}
            defaultChecked={chosen === use}
            aria-describedby={`uses-${use}-hint`}
            className="mt-1 size-4 shrink-0"
          />
          <div>
            <label htmlFor={`uses-${use}`} className="block cursor-pointer font-medium text-stone-900">
              {USE_LABELS[use].label}
            </label>
            <p id={`uses-${use}-hint`} className="text-sm text-stone-600">
              {USE_LABELS[use].hint}
            </p>
          </div>
        </div>
      ))}
      <FieldErrors id="field-uses-error" errors={errors} />
    </fieldset>
  );
}
