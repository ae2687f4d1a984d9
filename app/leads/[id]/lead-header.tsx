import Link from "next/link";
import { buttonClass } from "@/app/components/button";
import type { LeadRecord } from "@/db/queries/leads";
import type { LeadPace } from "@/lib/domain";
import { PaceBadge } from "../pace-badge";

const SAVED_MESSAGES: Record<string, string> = { added: "Lead added.", updated: "Changes saved.", "touch-deleted": "Touch deleted." };

/** Back to the list, what was just saved, the company with its pace, and the edit and delete links. */
export function LeadHeader({ lead, pace, saved }: { lead: LeadRecord; pace: LeadPace; saved: string | undefined }) {
  const savedMessage = saved ? SAVED_MESSAGES[saved] : undefined;
  return (
    <div className="space-y-2">
      <p>
        <Link href="/leads" className="text-sm font-medium text-brand-700 underline">
          ← Leads
        </Link>
      </p>
      {savedMessage ? (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {savedMessage}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold break-words">{lead.company}</h1>
        <PaceBadge pace={pace} />
      </div>
      {lead.contactName || lead.title ? (
        <p className="break-words text-stone-700">{[lead.contactName, lead.title].filter(Boolean).join(", ")}</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Link href={`/leads/${lead.id}/edit`} className={buttonClass("secondary")}>
          Edit
        </Link>
        <Link href={`/leads/delete?id=${lead.id}`} className="inline-flex min-h-11 items-center rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-semibold text-red-800 hover:bg-red-50">
          Delete…
        </Link>
      </div>
    </div>
  );
}
