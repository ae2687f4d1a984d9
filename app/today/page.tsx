import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { campaignSettingsOf } from "@/db/queries/campaign";
import { getTodayData, type MaterialWithRecipients, type TodayLead } from "@/db/queries/today";
import { LogTouchForm } from "@/app/touches/log-touch-form";
import { requireUser } from "@/lib/server/auth/session";
import { groupToday, summarizeToday, type TodayRow } from "@/lib/today/group";
import { describeWhen, formatDay, formatLongDate, plural, telHref } from "@/lib/format";
import { CHANNEL_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";
import { DismissNoteForm } from "./dismiss-note-form";
import { TodayBoard } from "./today-board";

export const metadata: Metadata = { title: "Today" };

const linkClass = "font-medium text-brand-700 underline hover:text-brand-800";

export default async function TodayPage() {
  const user = await requireUser();
  const now = new Date();
  const timeZone = user.timeZone;
  const data = await getTodayData(db(), { userId: user.id, now });
  if (!data) notFound();

  const rows = groupToday({ leads: data.leads, touches: data.recentTouches, now, timeZone });
  const summary = summarizeToday({
    leads: data.leads,
    contactedLeadIds: new Set(data.recentTouches.map((touch) => touch.leadId)),
    goalTouchTimes: data.goalTouchTimes,
    settings: { ...data.settings, campaign: campaignSettingsOf(data.settings) },
    now,
    timeZone,
  });
  const today = formatLongDate(now, timeZone);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Today</h1>
        <p className="text-stone-600">
          Hello, {user.name}. It is {today} in {timeZone.replaceAll("_", " ")}.
        </p>
      </div>

      {data.coachNote ? (
        <section aria-labelledby="coach-note-heading" className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-4">
          <h2 id="coach-note-heading" className="font-semibold text-brand-800">
            A note from your coach, {data.coachNote.coachName}
          </h2>
          <p className="whitespace-pre-line text-stone-800">{data.coachNote.body}</p>
          <DismissNoteForm noteId={data.coachNote.id} />
        </section>
      ) : null}

      <Progress summary={summary} />

      {data.leads.length === 0 ? (
        <NoLeads />
      ) : (
        <TodayBoard
          nothingDue={<NothingDue />}
          rows={rows.map((row) => ({
            leadId: row.lead.id,
            section: row.section,
            content: <LeadRow row={row} materials={data.materials} now={now} timeZone={timeZone} />,
          }))}
        />
      )}
    </div>
  );
}

function Progress({ summary }: { summary: ReturnType<typeof summarizeToday> }) {
  const { goals, campaign } = summary;
  return (
    <section aria-labelledby="progress-heading" className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
      <h2 id="progress-heading" className="sr-only">
        Your progress
      </h2>
      <GoalBar label="Today" value={goals.today} goal={goals.dailyGoal} />
      <GoalBar label="This week" value={goals.thisWeek} goal={goals.weeklyGoal} />
      <p className="text-sm text-stone-700">
        Streak:{" "}
        <strong className="text-stone-900">
          {plural(summary.streak, "contact day")}
        </strong>{" "}
        in a row
      </p>
      <p className="text-sm text-stone-700">
        {campaign ? (
          <>
            Campaign: <strong className="text-stone-900">Week {campaign.week} of {campaign.weeks}</strong> ·{" "}
            {campaign.contacted} of {campaign.total} leads contacted
          </>
        ) : (
          <>
            No campaign yet.{" "}
            <Link href="/settings#campaign" className={linkClass}>
              Set up your campaign
            </Link>{" "}
            to get one first contact planned a day.
          </>
        )}
      </p>
    </section>
  );
}

function GoalBar({ label, value, goal }: { label: string; value: number; goal: number }) {
  const text = `${value} of ${plural(goal, "touch", "touches")}`;
  const id = `goal-${label.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <div className="space-y-1">
      <p id={id} className="flex justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-stone-700">{text}</span>
      </p>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-valuenow={Math.min(value, goal)}
        aria-valuetext={value >= goal ? `${text}: goal met` : text}
        className="h-2 overflow-hidden rounded-full bg-stone-200"
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${Math.min(100, (value / goal) * 100)}%` }} />
      </div>
    </div>
  );
}

function statusOf(row: TodayRow<TodayLead>): string {
  const { pace } = row;
  const due = pace.nextDue ? formatDay(pace.nextDue) : "";
  switch (row.section) {
    case "first_contacts":
      return "Planned first contact: today";
    case "due_today":
      return "Follow-up due today";
    case "overdue":
    case "cold":
      return pace.firstContact
        ? `First contact was planned for ${due} (${plural(pace.daysOverdue, "day")} ago)`
        : `Follow-up was due ${due} (${plural(pace.daysOverdue, "day")} ago)`;
    case "done_today":
      return "Touched today";
    case "this_week":
      return pace.firstContact ? `First contact planned for ${due}` : `Follow-up due ${due}`;
  }
}

function LeadRow({
  row,
  materials,
  now,
  timeZone,
}: {
  row: TodayRow<TodayLead>;
  materials: MaterialWithRecipients[];
  now: Date;
  timeZone: string;
}) {
  const { lead, lastTouch } = row;
  const person = [lead.contactName, lead.title].filter(Boolean).join(", ");
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="min-w-0">
          <h3 id={`lead-${lead.id}-name`} className="text-base font-semibold">
            <Link href={`/leads/${lead.id}`} className="break-words text-stone-900 underline decoration-stone-300 hover:decoration-brand-600">
              {lead.company}
            </Link>
          </h3>
          {person ? <p className="break-words text-sm text-stone-700">{person}</p> : null}
        </div>
        <p className="text-sm font-medium text-stone-800">{statusOf(row)}</p>
      </div>
      <p className="break-words text-sm text-stone-700">
        {lastTouch ? (
          <>
            Last touch {describeWhen(lastTouch.at, now, timeZone)}: {CHANNEL_LABELS[lastTouch.channel]}
            {lastTouch.direction === "inbound" ? " (they reached you)" : ""}
            {lastTouch.outcome ? `, ${OUTCOME_LABELS[lastTouch.outcome].toLowerCase()}` : ""}
            {lastTouch.note ? <> — “{lastTouch.note}”</> : null}
          </>
        ) : (
          "No touch yet: this will be your first contact."
        )}
      </p>
      {lead.phone || lead.email ? (
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {lead.phone ? (
            <a href={telHref(lead.phone)} className={`inline-flex min-h-11 items-center ${linkClass}`}>
              Call {lead.phone}
            </a>
          ) : null}
          {lead.email ? (
            <a href={`mailto:${lead.email}`} className={`inline-flex min-h-11 items-center break-all ${linkClass}`}>
              E-mail {lead.email}
            </a>
          ) : null}
        </p>
      ) : null}
      <LogTouchForm
        lead={lead}
        timeZone={timeZone}
        suggestedChannel={row.suggestedChannel}
        materials={materials.map((material) => ({
          id: material.id,
          title: material.title,
          alreadySent: material.sentToLeadIds.includes(lead.id),
        }))}
      />
    </div>
  );
}

function NoLeads() {
  return (
    <section aria-labelledby="no-leads-heading" className="space-y-3 rounded-lg border border-dashed border-stone-300 bg-white p-6">
      <h2 id="no-leads-heading" className="text-lg font-semibold">
        Start with your list of leads
      </h2>
      <p className="text-stone-700">
        The article&apos;s plan: about 50 prospective employers, 5 first contacts a week, one a day. Add them and Cadence
        tells you each day whom to contact.
      </p>
      <ul className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-4">
        <li>
          <Link href="/leads/new" className={`inline-flex min-h-11 items-center ${linkClass}`}>
            Add a lead
          </Link>
        </li>
        <li>
          <Link href="/leads/import" className={`inline-flex min-h-11 items-center ${linkClass}`}>
            Import a CSV file
          </Link>
        </li>
        <li>
          <Link href="/leads" className={`inline-flex min-h-11 items-center ${linkClass}`}>
            Try with sample data
          </Link>
        </li>
      </ul>
    </section>
  );
}

function NothingDue() {
  return (
    <section aria-labelledby="nothing-due-heading" className="rounded-lg border border-dashed border-stone-300 bg-white p-6">
      <h2 id="nothing-due-heading" className="text-lg font-semibold">
        Nothing is due today
      </h2>
      <p className="mt-2 text-stone-700">
        You are on pace. If you have a moment, send one of your leads something valuable, or look at what is coming this
        week.
      </p>
    </section>
  );
}
