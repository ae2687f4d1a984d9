"use client";

import { useActionState } from "react";
import { errorsFor, FieldErrors, FormMessage, SubmitButton, valueFor } from "@/app/components/form";
import { DIGEST_HOURS, formatDigestHour } from "@/lib/digest/schedule";
import type { HourCycle } from "@/lib/format";
import { updateDigestAction } from "./digest-actions";

export function DigestForm({ enabled, hour, hourCycle }: { enabled: boolean; hour: number; hourCycle: HourCycle }) {
  const [state, action] = useActionState(updateDigestAction, null);
  const hourErrors = errorsFor(state, "hour");
  // After a failed save the form shows what was sent; the box is only in the values when ticked.
  const checked = state && !state.ok ? state.values?.enabled === "on" : enabled;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div className="flex min-h-11 items-center gap-3">
        <input
          id="field-digest-enabled"
          type="checkbox"
          name="enabled"
          defaultChecked={checked}
          key={String(checked)}
          className="h-5 w-5 rounded border-stone-400 text-brand-700"
        />
        <label htmlFor="field-digest-enabled" className="text-base text-stone-900">
          E-mail me the day&apos;s work each morning
        </label>
      </div>
      <div className="space-y-1">
        <label htmlFor="field-digest-hour" className="field-label">
          Send it from
        </label>
        <select
          id="field-digest-hour"
          name="hour"
          defaultValue={valueFor(state, "hour", String(hour))}
          aria-invalid={hourErrors.length > 0 || undefined}
          aria-describedby={hourErrors.length ? "field-digest-hour-error" : "field-digest-hour-hint"}
          className="input min-h-11 sm:w-40"
        >
          {DIGEST_HOURS.map((value) => (
            <option key={value} value={value}>
              {formatDigestHour(value, hourCycle)}
            </option>
          ))}
        </select>
        <p id="field-digest-hour-hint" className="text-sm text-stone-600">
          Your local time, on your contact days only.
        </p>
        <FieldErrors id="field-digest-hour-error" errors={hourErrors} />
      </div>
      <SubmitButton pendingText="Saving…">Save digest</SubmitButton>
    </form>
  );
}
