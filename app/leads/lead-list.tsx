import Link from "next/link";
import type { LeadListRow } from "@/db/queries/leads";
import type { Pace } from "@/lib/domain";
import { describeWhen, formatDay } from "@/lib/format";
import { CHANNEL_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";
import { MoveButtons } from "./lead-action-forms";
import { PaceBadge } from "./pace-badge";

type ListedLead = LeadListRow & { pace: Pace };

/**
 * The leads the filter shows, in campaign order. Each can be ticked for the bulk actions (its
 * checkbox joins the form `bulkFormId`) and moved within the whole list.
 */
export function LeadList({
  shown,
  total,
  indexOf,
  bulkFormId,
  now,
  timeZone,
}: {
  shown: readonly ListedLead[];
  total: number;
  /** Each lead's place in the whole list, filtered or not: moves are within it. */
  indexOf: ReadonlyMap<string, number>;
  bulkFormId: string;
  now: Date;
  timeZone: string;
}) {
  if (shown.length === 0) {
    return <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">No lead matches this filter.</p>;
  }
  return (
    <ol aria-label="Leads" className="space-y-3">
      {shown.map((lead) => {
        const index = indexOf.get(lead.id)!;
        return (
          <li key={lead.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <div className="flex gap-2">
              <label className="-m-2 inline-flex size-11 shrink-0 items-center justify-center">
                <input type="checkbox" name="leadId" value={lead.id} form={bulkFormId} className="size-5" />
                <span className="sr-only">Select {lead.company}</span>
              </label>
              <div className="min-w-0 flex-1 space-y-2">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <h2 className="text-base font-semibold break-words">
                    <Link href={`/leads/${lead.id}`} className="text-brand-700 underline">
                      {lead.company}
                    </Link>
                  </h2>
                  <PaceBadge pace={lead.pace} />
                </div>
                {lead.contactName || lead.title ? (
                  <p className="text-sm break-words text-stone-700">{[lead.contactName, lead.title].filter(Boolean).join(", ")}</p>
                ) : null}
                <LeadFacts lead={lead} now={now} timeZone={timeZone} />
                <MoveButtons leadId={lead.id} company={lead.company} canMoveUp={index > 0} canMoveDown={index < total - 1} />
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function LeadFacts({ lead, now, timeZone }: { lead: ListedLead; now: Date; timeZone: string }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
      <Fact term="Next due">{lead.pace.nextDue ? formatDay(lead.pace.nextDue) : "—"}</Fact>
      <Fact term="Planned first contact">{lead.plannedFirstContact ? formatDay(lead.plannedFirstContact) : "—"}</Fact>
      <Fact term="Last touch">
        {lead.lastTouch
          ? [
              describeWhen(lead.lastTouch.at, now, timeZone),
              CHANNEL_LABELS[lead.lastTouch.channel],
              lead.lastTouch.outcome ? OUTCOME_LABELS[lead.lastTouch.outcome] : null,
            ]
              .filter(Boolean)
              .join(" · ")
          : "None yet"}
      </Fact>
    </dl>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-stone-600">{term}</dt>
      <dd className="font-medium break-words text-stone-900">{children}</dd>
    </div>
  );
}
