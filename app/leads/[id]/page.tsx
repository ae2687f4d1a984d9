import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LogTouchForm } from "@/app/touches/log-touch-form";
import { db } from "@/db/client";
import { getLeadDetail, type TimelineTouch } from "@/db/queries/leads";
import { listMaterialsForLead } from "@/db/queries/materials";
import { requireUser } from "@/lib/server/auth/session";
import { addDays, computePace, suggestChannel, todayIn } from "@/lib/domain";
import { formatInstant, telHref } from "@/lib/leads/format";
import { CHANNEL_LABELS, DIRECTION_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";
import { days, formatDay } from "@/lib/today/format";
import { clearNextDueAction, reopenLeadAction, resumeLeadAction } from "../actions";
import { ButtonForm, CloseForm, NextDueForm, PauseForm } from "../lead-action-forms";
import { PaceBadge } from "../pace-badge";

export const metadata: Metadata = { title: "Lead" };

const SAVED_MESSAGES: Record<string, string> = { added: "Lead added.", updated: "Changes saved." };

/** Each material the lead got, once, with the first time it was sent. */
function materialsReceived(touches: readonly TimelineTouch[]) {
  const received = new Map<string, { id: string; title: string; url: string; at: Date }>();
  for (const touch of [...touches].reverse()) {
    if (touch.material && !received.has(touch.material.id)) received.set(touch.material.id, { ...touch.material, at: touch.at });
  }
  return [...received.values()];
}

export default async function LeadPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { saved } = await searchParams;
  const detail = await getLeadDetail(db(), { userId: user.id, leadId: id });
  if (!detail) notFound();
  const { lead, touches } = detail;
  const materials = await listMaterialsForLead(db(), { userId: user.id, leadId: lead.id });

  const now = new Date();
  const today = todayIn(now, user.timeZone);
  const pace = computePace({ ...lead, touches }, now, user.timeZone);
  const suggested = suggestChannel(touches);
  const received = materialsReceived(touches);
  const overrideInForce = lead.nextDueOverride !== null && pace.nextDue === lead.nextDueOverride;
  const savedMessage = saved ? SAVED_MESSAGES[saved] : undefined;

  return (
    <div className="space-y-8">
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
          <Link href={`/leads/${lead.id}/edit`} className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-stone-100">
            Edit
          </Link>
          <Link href={`/leads/delete?id=${lead.id}`} className="inline-flex min-h-11 items-center rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-semibold text-red-800 hover:bg-red-50">
            Delete…
          </Link>
        </div>
      </div>

      <div className="grid gap-8 lg:grid-cols-2">
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

        <section aria-labelledby="pace-heading" className="space-y-3">
          <h2 id="pace-heading" className="text-lg font-semibold">
            Pace
          </h2>
          <dl className="space-y-2 text-sm">
            <Detail term="Next due">
              {pace.nextDue ? `${formatDay(pace.nextDue)}${overrideInForce ? " (set by hand)" : ""}` : null}
            </Detail>
            {pace.daysOverdue > 0 ? <Detail term="Overdue by">{days(pace.daysOverdue)}</Detail> : null}
            <Detail term="Suggested channel">{CHANNEL_LABELS[suggested]}</Detail>
            <Detail term="Follow up every">{days(lead.cadenceDays)}</Detail>
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
      </div>

      {pace.state !== "closed" ? (
        <section aria-labelledby="log-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="log-heading" className="text-lg font-semibold">
            Log a touch
          </h2>
          <LogTouchForm
            lead={{ id: lead.id, company: lead.company }}
            timeZone={user.timeZone}
            materials={materials}
            suggestedChannel={suggested}
          />
        </section>
      ) : null}

      <section aria-labelledby="manage-heading" className="space-y-4">
        <h2 id="manage-heading" className="text-lg font-semibold">
          Manage
        </h2>
        <div className="grid gap-6 md:grid-cols-3">
          {pace.state === "closed" ? (
            <Panel title="Closed">
              <ButtonForm action={reopenLeadAction} fields={{ leadId: lead.id }} label="Reopen" pendingText="Reopening…" />
            </Panel>
          ) : (
            <>
              <Panel title="Follow-up date">
                <NextDueForm leadId={lead.id} today={today} current={overrideInForce ? lead.nextDueOverride : null} />
                {lead.nextDueOverride ? (
                  <ButtonForm action={clearNextDueAction} fields={{ leadId: lead.id }} label="Clear the date set by hand" />
                ) : null}
              </Panel>
              <Panel title="Pause">
                {pace.state === "paused" ? (
                  <ButtonForm action={resumeLeadAction} fields={{ leadId: lead.id }} label="Resume now" pendingText="Resuming…" />
                ) : (
                  <PauseForm leadId={lead.id} tomorrow={addDays(today, 1)} />
                )}
              </Panel>
              <Panel title="Close">
                <CloseForm leadId={lead.id} />
              </Panel>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="timeline-heading" className="space-y-3">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Timeline
        </h2>
        {touches.length === 0 ? (
          <p className="text-stone-700">No touch yet{lead.plannedFirstContact ? `: first contact planned for ${formatDay(lead.plannedFirstContact)}` : ""}.</p>
        ) : (
          <ol className="space-y-3">
            {touches.map((touch) => (
              <li key={touch.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
                <p className="font-medium">
                  <time dateTime={touch.at.toISOString()}>{formatInstant(touch.at, user.timeZone)}</time>
                  {" · "}
                  {CHANNEL_LABELS[touch.channel]}
                  {" · "}
                  {DIRECTION_LABELS[touch.direction]}
                  {touch.outcome ? ` · ${OUTCOME_LABELS[touch.outcome]}` : ""}
                  {touch.tooSoon ? " · too soon" : ""}
                </p>
                {touch.note ? <p className="mt-1 whitespace-pre-line break-words text-stone-700">{touch.note}</p> : null}
                {touch.material ? <p className="mt-1 break-words text-stone-700">Sent: {touch.material.title}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="materials-heading" className="space-y-3">
        <h2 id="materials-heading" className="text-lg font-semibold">
          Materials sent
        </h2>
        {received.length === 0 ? (
          <p className="text-stone-700">
            None yet. Something valuable (an article, a report) makes a follow-up worth reading:{" "}
            <Link href="/materials" className="font-medium text-brand-700 underline">
              your materials
            </Link>
            .
          </p>
        ) : (
          <ul className="space-y-1 text-sm">
            {received.map((material) => (
              <li key={material.id} className="break-words">
                {material.url ? (
                  <a href={material.url} rel="noopener noreferrer" className="font-medium text-brand-700 underline">
                    {material.title}
                  </a>
                ) : (
                  <span className="font-medium">{material.title}</span>
                )}{" "}
                <span className="text-stone-600">(first sent {formatInstant(material.at, user.timeZone)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
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

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h3 className="font-semibold">{title}</h3>
      {children}
    </div>
  );
}
