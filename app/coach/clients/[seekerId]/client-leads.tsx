import { requestHourCycle } from "@/lib/server/hour-cycle";
import Link from "next/link";
import { buttonClass } from "@/app/components/button";
import type { LeadPage, LeadPageRow } from "@/db/queries/leads-page";
import { formatDay, formatInstant, plural } from "@/lib/format";
import { PACE_STATE_LABELS } from "@/lib/leads/labels";
import { CHANNEL_LABELS } from "@/lib/today/labels";

/**
 * The client's leads in their list order, 50 at a time, each with its pace in the client's zone:
 * the pace listLeadsPage computed by leadPace's rule (pace-sql.ts), so the coach sees the state the
 * seeker's own Leads list and Today show.
 */
export function LeadsSection({
  page,
  previousHref,
  nextHref,
  timeZone,
}: {
  page: Pick<LeadPage, "rows" | "total" | "offset">;
  previousHref: string | null;
  nextHref: string | null;
  timeZone: string;
}) {
  const leads = page.rows;
  return (
    <section aria-labelledby="leads-heading" className="space-y-4">
      <h2 id="leads-heading" className="text-lg font-semibold">
        Leads ({page.total})
      </h2>
      {leads.length === 0 ? (
        <p className="text-stone-700">No leads yet.</p>
      ) : (
        <>
          {page.total > leads.length ? (
            <p className="text-sm text-stone-600">
              Showing {page.offset + 1}–{page.offset + leads.length} of {page.total}, in list order.
            </p>
          ) : null}
          <LeadsTable leads={leads} timeZone={timeZone} />
          {previousHref || nextHref ? (
            <nav aria-label="Pages of leads" className="flex flex-wrap gap-2">
              {previousHref ? (
                <Link href={previousHref} className={buttonClass("secondary", "compact")} rel="prev">
                  ← Previous 50 leads
                </Link>
              ) : null}
              {nextHref ? (
                <Link href={nextHref} className={buttonClass("secondary", "compact")} rel="next">
                  Next 50 leads →
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}

async function LeadsTable({ leads, timeZone }: { leads: readonly LeadPageRow[]; timeZone: string }) {
  const hourCycle = await requestHourCycle();
  return (
    <div role="region" aria-labelledby="leads-caption" tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full min-w-[40rem] border-collapse text-sm">
        <caption id="leads-caption" className="sr-only">
          Leads in list order, with their pace
        </caption>
        <thead className="bg-stone-50 text-left text-stone-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">Company</th>
            <th scope="col" className="px-3 py-2 font-semibold">Contact</th>
            <th scope="col" className="px-3 py-2 font-semibold">Pace</th>
            <th scope="col" className="px-3 py-2 font-semibold">Next due</th>
            <th scope="col" className="px-3 py-2 font-semibold">Last touch</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Every</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => {
            return (
              <tr key={lead.id} className="border-t border-stone-200">
                <th scope="row" className="px-3 py-2 text-left font-medium">{lead.company}</th>
                <td className="px-3 py-2">
                  {lead.contactName}
                  {lead.title ? <span className="block text-stone-600">{lead.title}</span> : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{paceText(lead)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{lead.nextDue ? formatDay(lead.nextDue) : "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {lead.lastTouch ? `${formatInstant(lead.lastTouch.at, timeZone, hourCycle)}, ${CHANNEL_LABELS[lead.lastTouch.channel]}` : "None yet"}
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap">{plural(lead.cadenceDays, "day")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function paceText(lead: Pick<LeadPageRow, "state" | "daysOverdue" | "closedAs" | "pausedUntil">): string {
  const label = PACE_STATE_LABELS[lead.state];
  if (lead.state === "overdue" || lead.state === "cold") return `${label}, ${plural(lead.daysOverdue, "day")}`;
  if (lead.state === "closed" && lead.closedAs) return `${label} (${lead.closedAs})`;
  if (lead.state === "paused" && lead.pausedUntil) return `${label} until ${formatDay(lead.pausedUntil)}`;
  return label;
}
