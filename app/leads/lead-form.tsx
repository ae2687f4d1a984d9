"use client";

import Link from "next/link";
import { useActionState } from "react";
import { errorsFor, Field, FieldErrors, FormMessage, SubmitButton, valueFor } from "@/app/components/form";
import type { ActionState } from "@/lib/actions";
import { CADENCE_MAX_DAYS, CADENCE_MIN_DAYS, LEAD_TEXT_LIMITS, type LeadInput } from "@/lib/leads/validation";
import { createLeadAction, updateLeadAction } from "./actions";

/** Add (no `lead`) or edit a lead. */
export function LeadForm({ lead }: { lead?: LeadInput & { id: string } }) {
  const [state, action] = useActionState(lead ? updateLeadAction : createLeadAction, null);
  const value = (name: keyof LeadInput) => (lead ? String(lead[name]) : name === "cadenceDays" ? "7" : "");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {lead ? <input type="hidden" name="leadId" value={lead.id} /> : null}
      <Field label="Company" name="company" state={state} defaultValue={value("company")} required maxLength={LEAD_TEXT_LIMITS.company} autoComplete="organization" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Contact name" name="contactName" state={state} defaultValue={value("contactName")} maxLength={LEAD_TEXT_LIMITS.contactName} autoComplete="off" />
        <Field label="Title" name="title" state={state} defaultValue={value("title")} maxLength={LEAD_TEXT_LIMITS.title} autoComplete="off" />
        <Field label="E-mail" name="email" type="email" state={state} defaultValue={value("email")} maxLength={LEAD_TEXT_LIMITS.email} autoComplete="off" />
        <Field label="Phone" name="phone" type="tel" state={state} defaultValue={value("phone")} maxLength={LEAD_TEXT_LIMITS.phone} autoComplete="off" />
      </div>
      <Field
        label="LinkedIn URL"
        name="linkedinUrl"
        type="url"
        state={state}
        defaultValue={value("linkedinUrl")}
        maxLength={LEAD_TEXT_LIMITS.linkedinUrl}
        hint="For example https://www.linkedin.com/in/their-name"
      />
      <TextArea label="Notes" name="notes" state={state} defaultValue={value("notes")} maxLength={LEAD_TEXT_LIMITS.notes} />
      <TextArea
        label="Personal notes"
        name="personalNotes"
        state={state}
        defaultValue={value("personalNotes")}
        maxLength={LEAD_TEXT_LIMITS.personalNotes}
        hint="Details worth remembering: their marathon, their kids, what you talked about."
      />
      <Field
        label="Cadence in days"
        name="cadenceDays"
        type="number"
        state={state}
        defaultValue={value("cadenceDays")}
        hint={`How often to follow up: about once a week (7) keeps a dialogue going. ${CADENCE_MIN_DAYS} to ${CADENCE_MAX_DAYS}.`}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingText="Saving…">{lead ? "Save changes" : "Add lead"}</SubmitButton>
        <Link href={lead ? `/leads/${lead.id}` : "/leads"} className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}

function TextArea({
  label,
  name,
  state,
  defaultValue,
  maxLength,
  hint,
}: {
  label: string;
  name: string;
  state: ActionState;
  defaultValue: string;
  maxLength: number;
  hint?: string;
}) {
  const errors = errorsFor(state, name);
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={3}
        maxLength={maxLength}
        defaultValue={valueFor(state, name, defaultValue)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy || undefined}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid]:border-red-600"
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
