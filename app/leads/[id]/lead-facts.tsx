import type { LeadRecord } from "@/db/queries/leads";
import type { LeadPace, SuggestibleChannel } from "@/lib/domain";
import { formatDay, plural, telHref } from "@/lib/format";
import { DUE_REASON_NOTES } from "@/lib/leads/labels";
import { CHANNEL_LABELS } from "@/lib/today/labels";

/** How to reach the lead, and what the seeker noted about them. */
export function ContactSection({ lead }: { lead: LeadRecord }) {
  return (
    <section aria-labelledby="contact-heading" className="space-y-3">
      <h2 id="contact-heading" className="text-lg font-semibold">
        Contact
      </h2>
      <dl className="space-y-2 text-sm">
        <Detail term="Phone">
          {lead.phone ? (
            <a href={telHref(lead.phone)} className="font-medium text-brand-700 underline">
              {lead.phone}
            </a>
          ) : null}
        </Detail>
        <Detail term="E-mail">
          {lead.email ? (
            <a href={`mailto:${lead.email}`} className="font-medium break-all text-brand-700 underline">
              {lead.email}
            </a>
          ) : null}
        </Detail>
        <Detail term="LinkedIn">
          {lead.linkedinUrl ? (
            <a href={lead.linkedinUrl} rel="noopener noreferrer" className="font-medium break-all text-brand-700 underline">
              {lead.linkedinUrl}
            </a>
          ) : null}
        </Detail>
        <Detail term="Notes">{lead.notes ? <span className="whitespace-pre-line">{lead.notes}</span> : null}</Detail>
        <Detail term="Personal notes">
          {lead.personalNotes ? <span className="whitespace-pre-line">{lead.personalNotes}</span> : null}
        </Detail>
      </dl>
    </section>
  );
}

/** When the lead is due, how late, how often, and whether it is paused or closed. */
export function PaceSection({
  lead,
  pace,
  suggested,
}: {
  lead: LeadRecord;
  pace: LeadPace;
  suggested: SuggestibleChannel | null;
}) {
  return (
    <section aria-labelledby="pace-heading" className="space-y-3">
      <h2 id="pace-heading" className="text-lg font-semibold">
        Pace
      </h2>
      <dl className="space-y-2 text-sm">
        <Detail term="Next due">{pace.nextDue ? `${formatDay(pace.nextDue)}${pace.reason ? DUE_REASON_NOTES[pace.reason] : ""}` : null}</Detail>
        {pace.daysOverdue > 0 ? <Detail term="Overdue by">{plural(pace.daysOverdue, "day")}</Detail> : null}
        <Detail term="Suggested channel">{suggested ? CHANNEL_LABELS[suggested] : "None: add a phone number, an e-mail address or a LinkedIn profile"}</Detail>
        <Detail term="Follow up every">{plural(lead.cadenceDays, "day")}</Detail>
        {lead.plannedFirstContact && pace.firstContact ? (
          <Detail term="Planned first contact">{formatDay(lead.plannedFirstContact)}</Detail>
        ) : null}
        {pace.state === "paused" && lead.pausedUntil ? <Detail term="Paused until">{formatDay(lead.pausedUntil)}</Detail> : null}
        {pace.state === "closed" ? (
          <Detail term="Closed">
            {lead.closedAs === "won" ? "Won" : "Dropped"}
            {lead.closedReason ? `: ${lead.closedReason}` : ""}
          </Detail>
        ) : null}
      </dl>
    </section>
  );
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2">
      <dt className="text-stone-600">{term}</dt>
      <dd className="min-w-0 break-words text-stone-900">{children ?? "—"}</dd>
    </div>
  );
}
