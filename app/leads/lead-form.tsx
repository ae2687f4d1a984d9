"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components/form";
import { CADENCE_RANGE_DAYS } from "@/lib/domain";
import { LEAD_TEXT_LIMITS } from "@/lib/leads/limits";
import type { LeadInput } from "@/lib/leads/schemas";
import { createLeadAction, updateLeadAction } from "./actions";

/** Add (no `lead`; `prefill` from a referral) or edit a lead. */
export function LeadForm({ lead, prefill = {} }: { lead?: LeadInput & { id: string }; prefill?: { notes?: string } }) {
  const [state, action] = useActionState(lead ? updateLeadAction : createLeadAction, null);
  const value = (name: keyof LeadInput) =>
    lead ? String(lead[name]) : name === "cadenceDays" ? "7" : name === "notes" ? (prefill.notes ?? "") : "";
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
      <Field multiline label="Notes" name="notes" state={state} defaultValue={value("notes")} maxLength={LEAD_TEXT_LIMITS.notes} />
      <Field
          multiline
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
        hint={`How often to follow up: about once a week (7) keeps a dialogue going. ${CADENCE_RANGE_DAYS.min} to ${CADENCE_RANGE_DAYS.max} days.`}
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

