import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { getClientFacts, listClientLeads, listClientTouches, type ClientLead } from "@/db/queries/coach-clients";
import { listNotesToClient } from "@/db/queries/coach-notes";
import { isUuid } from "@/lib/ids";
import { requireUser } from "@/lib/auth/session";
import { clientMetrics, type ClientMetrics } from "@/lib/coach/metrics";
import { computePace, type Pace } from "@/lib/domain";
import { PACE_STATE_LABELS } from "@/lib/leads/labels";
import { CHANNEL_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";
import { ActionButtonForm } from "@/app/invitations/action-button-form";
import { endClientConnectionAction } from "../../actions";
import { calendarDateText, campaignText, daysText, instantText, lastActivityText, percentText } from "../../format";
import { NoteForm } from "../../forms";
import { WeeklyChart } from "../../weekly-chart";

export const metadata: Metadata = { title: "Client" };

/** The timeline shows this many touches, newest first. */
const TIMELINE_LIMIT = 200;

/** One client, read only: the Clients figures, their leads with pace, their touches; notes; ending it. */
export default async function ClientPage({ params }: { params: Promise<{ seekerId: string }> }) {
  const user = await requireUser();
  const { seekerId } = await params;
  if (!isUuid(seekerId)) notFound();
  const now = new Date();
  const facts = await getClientFacts(db(), { coachId: user.id, seekerId, now });
  if (!facts) notFound();
  const scope = { coachId: user.id, seekerId };
  const [leads, timeline, notes] = await Promise.all([
    listClientLeads(db(), scope),
    listClientTouches(db(), { ...scope, limit: TIMELINE_LIMIT }),
    listNotesToClient(db(), scope),
  ]);
  const client = clientMetrics(facts);
  const zone = facts.timeZone;

  return (
    <div className="space-y-10">
      <div className="space-y-1">
        <p>
          <Link href="/coach" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
            ← All clients
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{client.name}</h1>
        <p className="text-sm text-stone-600">
          Read only. Dates are in {client.name}&apos;s time zone, {zone.replaceAll("_", " ")}.
        </p>
      </div>

      <Figures client={client} />

      <section aria-labelledby="note-heading" className="max-w-2xl space-y-4">
        <h2 id="note-heading" className="text-lg font-semibold">
          Notes to {client.name}
        </h2>
        <NoteForm seekerId={seekerId} clientName={client.name} />
        {notes.length > 0 ? (
          <ul className="space-y-2">
            {notes.map((note) => (
              <li key={note.id} className="rounded-lg border border-stone-200 bg-white p-3">
                <p className="whitespace-pre-line break-words">{note.body}</p>
                <p className="mt-1 text-sm text-stone-600">
                  {instantText(note.createdAt, user.timeZone)} ·{" "}
                  {note.dismissedAt ? `dismissed ${instantText(note.dismissedAt, user.timeZone)}` : "showing on their Today"}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="leads-heading" className="space-y-4">
        <h2 id="leads-heading" className="text-lg font-semibold">
          Leads ({leads.length})
        </h2>
        {leads.length === 0 ? (
          <p className="text-stone-700">No leads yet.</p>
        ) : (
          <LeadsTable leads={leads} now={now} timeZone={zone} />
        )}
      </section>

      <section aria-labelledby="timeline-heading" className="space-y-4">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Touches, newest first
        </h2>
        {timeline.total > timeline.touches.length ? (
          <p className="text-sm text-stone-600">
            The latest {timeline.touches.length} of {timeline.total}.
          </p>
        ) : null}
        {timeline.touches.length === 0 ? (
          <p className="text-stone-700">No touches yet.</p>
        ) : (
          <ol className="space-y-2">
            {timeline.touches.map((touch) => (
              <li key={touch.id} className="rounded-lg border border-stone-200 bg-white p-3">
                <p className="flex flex-wrap gap-x-2 text-sm">
                  <time dateTime={touch.at.toISOString()} className="text-stone-600">
                    {instantText(touch.at, zone)}
                  </time>
                  <span className="font-semibold">{touch.company}</span>
                  <span>
                    {CHANNEL_LABELS[touch.channel]}, {touch.direction}
                    {touch.outcome ? `, ${OUTCOME_LABELS[touch.outcome].toLowerCase()}` : ""}
                  </span>
                  {touch.tooSoon ? (
                    <span className="rounded bg-amber-100 px-1.5 text-amber-900">Too soon</span>
                  ) : null}
                </p>
                {touch.note ? <p className="mt-1 whitespace-pre-line break-words text-stone-800">{touch.note}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="end-heading" className="max-w-2xl space-y-3">
        <h2 id="end-heading" className="text-lg font-semibold">
          Connection
        </h2>
        <p className="text-sm text-stone-700">
          Ending it removes {client.name} from your clients at once. They can invite you again.
        </p>
        <ActionButtonForm action={endClientConnectionAction} fields={{ seekerId }} variant="danger" pendingText="Ending…">
          End connection with {client.name}
        </ActionButtonForm>
      </section>
    </div>
  );
}

function Figures({ client }: { client: ClientMetrics }) {
  const figures: [string, string][] = [
    ["Campaign", campaignText(client)],
    ["Leads contacted", `${client.leadsContacted} of ${client.leadsTotal}`],
    ["Touches this week", `${client.touchesThisWeek} of ${client.weeklyGoal}`],
    ["Streak", daysText(client.streak)],
    ["Overdue leads", String(client.overdue)],
    ["Cold leads", String(client.cold)],
    ["Too-soon touches", String(client.tooSoon)],
    ["Phone share", percentText(client.phoneShare)],
    ["Last activity", lastActivityText(client.daysSinceLastTouch)],
  ];
  return (
    <section aria-labelledby="progress-heading" className="space-y-4">
      <h2 id="progress-heading" className="text-lg font-semibold">
        Progress
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-stone-600">{label}</dt>
            <dd className="text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="space-y-2">
        <h3 className="font-semibold">Touches per campaign week</h3>
        <WeeklyChart id="client-chart" weeks={client.weeklyTouches} weeklyGoal={client.weeklyGoal} scale={3} />
      </div>
    </section>
  );
}

function LeadsTable({ leads, now, timeZone }: { leads: readonly ClientLead[]; now: Date; timeZone: string }) {
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
            // The latest touch is all the pace looks at.
            const pace = computePace({ ...lead, touches: lead.lastTouch ? [lead.lastTouch] : [] }, now, timeZone);
            return (
              <tr key={lead.id} className="border-t border-stone-200">
                <th scope="row" className="px-3 py-2 text-left font-medium">{lead.company}</th>
                <td className="px-3 py-2">
                  {lead.contactName}
                  {lead.title ? <span className="block text-stone-600">{lead.title}</span> : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{paceText(pace, lead)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{pace.nextDue ? calendarDateText(pace.nextDue) : "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {lead.lastTouch ? `${instantText(lead.lastTouch.at, timeZone)}, ${CHANNEL_LABELS[lead.lastTouch.channel]}` : "None yet"}
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap">{daysText(lead.cadenceDays)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function paceText(pace: Pace, lead: ClientLead): string {
  const label = PACE_STATE_LABELS[pace.state];
  if (pace.state === "overdue" || pace.state === "cold") return `${label}, ${daysText(pace.daysOverdue)}`;
  if (pace.state === "closed" && lead.closedAs) return `${label} (${lead.closedAs})`;
  if (pace.state === "paused" && lead.pausedUntil) return `${label} until ${calendarDateText(lead.pausedUntil)}`;
  return label;
}
