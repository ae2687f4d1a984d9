"use client";

import { useActionState } from "react";
import { errorsFor, Field, FieldErrors, FormMessage, SubmitButton, valueFor } from "@/app/components/form";
import { updateCampaignAction } from "./campaign-actions";

export type CampaignFormSettings = {
  campaignStartDate: string | null;
  firstContactsPerWeek: number;
  /** 0 = Sunday … 6 = Saturday. */
  contactDays: number[];
};

/** Monday first, as the weeks run; the values are the stored weekday numbers. */
const WEEKDAYS = [
  { value: 1, label: "Monday" },
  { value: 2, label: "Tuesday" },
  { value: 3, label: "Wednesday" },
  { value: 4, label: "Thursday" },
  { value: 5, label: "Friday" },
  { value: 6, label: "Saturday" },
  { value: 0, label: "Sunday" },
] as const;

export function CampaignForm({ settings }: { settings: CampaignFormSettings }) {
  const [state, action] = useActionState(updateCampaignAction, null);
  const dayErrors = errorsFor(state, "contactDays");
  const checkedDays = valueFor(state, "contactDays", settings.contactDays.join(",")).split(",");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        label="Campaign start date"
        name="campaignStartDate"
        type="date"
        defaultValue={settings.campaignStartDate ?? ""}
        state={state}
        hint="First contacts are planned from this day (or today, if later). Leave it empty for no campaign."
      />
      <Field
        label="First contacts per week"
        name="firstContactsPerWeek"
        type="number"
        defaultValue={String(settings.firstContactsPerWeek)}
        state={state}
        required
        hint="1 to 7, one a day at most. The plan: a list of 50 leads, 5 first contacts a week, one a day, over 10 weeks."
      />
      <fieldset className="space-y-2" aria-describedby={dayErrors.length ? "field-contactDays-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">Contact days</legend>
        <div className="grid grid-cols-2 gap-x-4 sm:grid-cols-4">
          {WEEKDAYS.map((day) => (
            <label key={day.value} className="flex min-h-11 items-center gap-2 text-base">
              <input
                type="checkbox"
                name="contactDays"
                value={day.value}
                defaultChecked={checkedDays.includes(String(day.value))}
                className="size-5 accent-brand-700"
              />
              {day.label}
            </label>
          ))}
        </div>
        <FieldErrors id="field-contactDays-error" errors={dayErrors} />
      </fieldset>
      <SubmitButton pendingText="Saving…">Save campaign</SubmitButton>
    </form>
  );
}
