import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { campaignSettingsOf } from "@/db/queries/campaign";
import { getTodayData, type TodayLead } from "@/db/queries/today";
import { requireUser } from "@/lib/server/auth/session";
import { describeWork } from "@/lib/today/day-work";
import { todayView, type ViewRow, type WorkRow } from "@/lib/today/today-view";
import { leadCard } from "@/lib/today/lead-card";
import { firstRows, TODAY_ROWS } from "@/lib/today/sections";
import { leadListHref } from "@/lib/leads/page";
import { formatDay, formatLongDate, formatPercent, plural } from "@/lib/format";
import { requestHourCycle } from "@/lib/server/hour-cycle";

import { PasswordResetNotice } from "@/app/components/password-reset-notice";
import { DismissNoteForm } from "./dismiss-note-form";
import { TodayList, type TodayItem } from "./today-list";
import { SeekerMaterials } from "@/app/touches/seeker-materials";
import { TrySampleData } from "@/app/leads/leads-notices";
import { SampleDataNotice } from "@/app/leads/sample-notice";

export const metadata: Metadata = { title: "Today" };


export default async function TodayPage() {
  const user = await requireUser();
  const hourCycle = await requestHourCycle();
  const now = new Date();
  const timeZone = user.timeZone;
  const data = await getTodayData(db(), { userId: user.id });
  if (!data) notFound();

  const view = todayView({
    leads: data.leads,
    touches: data.touches,
    materials: data.materials,
    campaign: campaignSettingsOf(data.settings),
    contactDays: data.settings.contactDays,
    now,
    timeZone,
  });
  const today = formatLongDate(now, timeZone);
  // Each part shows its first rows; the rest is on Leads (lib/today/sections.ts).
  const work = firstRows(view.work, TODAY_ROWS.work);
  const cold = firstRows(view.cold, TODAY_ROWS.cold);
  const coming = firstRows(view.coming, TODAY_ROWS.coming);
  const more = (key: string, count: number, href: string, what: string): TodayItem[] =>
    count === 0
      ? []
      : [
          {
            key,
            node: (
              <p className="text-sm">
                <Link href={href} className="link link-tap">
                  {plural(count, "more lead")} {what}: see them on Leads
                </Link>
              </p>
            ),
          },
        ];
  // A later part's heading (the day's work has its own, with its tally).
  const sectionHeading = (id: string, text: string): TodayItem => ({
    key: id,
    heading: true,
    node: (
      <h2 id={id} className="pt-4 text-lg font-semibold">
        {text}
      </h2>
    ),
  });
  // Each row a client list's item, as data: a row being logged stays in place a moment (TodayList).
  const row = (item: ViewRow<TodayLead>, status: string, done = false): TodayItem => ({
    key: `lead-${item.lead.id}`,
    card: leadCard({ row: item, status, done, materials: data.materials, now, timeZone, hourCycle }),
  });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Today</h1>
        <p className="text-stone-600">
          Hello, {user.name}. It is {today} in {timeZone.replaceAll("_", " ")}.
        </p>
      </div>
      <PasswordResetNotice />
      <SampleDataNotice />

      {data.coachNote ? (
        <section aria-labelledby="coach-note-heading" className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-4">
          <h2 id="coach-note-heading" className="font-semibold text-brand-800">
            A note from your coach, {data.coachNote.coachName}
          </h2>
          <p className="whitespace-pre-line text-stone-800">{data.coachNote.body}</p>
          <DismissNoteForm noteId={data.coachNote.id} />
        </section>
      ) : null}

      <Progress view={view} />

      {data.leads.length === 0 ? (
        <NoLeads />
      ) : (
        <SeekerMaterials materials={data.materials.map((material) => ({ id: material.id, title: material.title }))}>
          <TodayList
            timeZone={timeZone}
            items={[
              {
                key: "section-work",
                heading: true,
                node: (
                  <h2 id="section-work" className="text-lg font-semibold">
                    The day&apos;s work: {view.done} of {view.total} done
                  </h2>
                ),
              },
              ...(view.total === 0 ? [{ key: "nothing-due", node: <NothingDue /> }] : []),
              ...work.shown.map((item: WorkRow<TodayLead>) => row(item, item.done ? `Done · ${describeWork(item)}` : describeWork(item), item.done)),
              ...more("more-work", work.more, leadListHref({ sort: "next_due" }), "in the day's work"),
              ...(view.cold.length > 0 ? [sectionHeading("section-cold", "Gone cold")] : []),
              ...cold.shown.map((item) =>
                row(item, `${item.pace.firstContact ? "First contact" : "Follow-up"} missed for ${plural(item.pace.daysOverdue, "day")} (due ${formatDay(item.pace.nextDue!)})`),
              ),
              ...more("more-cold", cold.more, leadListHref({ state: "cold" }), "gone cold"),
              ...(view.coming.length > 0 ? [sectionHeading("section-coming", "Next 7 days")] : []),
              ...coming.shown.map((item) =>
                row(item, `${item.pace.firstContact ? "First contact planned" : item.pace.reason === "thank_you" ? "Thank-you due" : "Follow-up due"} ${formatDay(item.pace.nextDue!)}`),
              ),
              ...more("more-coming", coming.more, leadListHref({ state: "upcoming", sort: "next_due" }), "coming up"),
            ]}
          />
        </SeekerMaterials>
      )}
    </div>
  );
}

function Progress({ view }: { view: ReturnType<typeof todayView<TodayLead>> }) {
  const { onPace, call, campaign } = view;
  return (
    <section aria-labelledby="progress-heading" className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
      <h2 id="progress-heading" className="sr-only">
        Your progress
      </h2>
      <p className="text-stone-700 sm:col-span-2">
        <span className="block text-3xl font-bold text-stone-900">{onPace.share === null ? "—" : formatPercent(onPace.share)}</span>
        {onPace.share === null
          ? "On pace: no lead contacted yet."
          : `On pace: ${onPace.onPace} of ${plural(onPace.active, "active lead")} neither overdue nor cold.`}
      </p>
      <div className="space-y-1">
        <p id="work-progress" className="flex justify-between text-sm">
          <span className="font-medium">The day&apos;s work</span>
          <span className="text-stone-700">
            {view.done} of {view.total} done
          </span>
        </p>
        <div
          role="progressbar"
          aria-labelledby="work-progress"
          aria-valuemin={0}
          aria-valuemax={Math.max(view.total, 1)}
          aria-valuenow={view.done}
          aria-valuetext={`${view.done} of ${view.total} done`}
          className="h-2 overflow-hidden rounded-full bg-stone-200"
        >
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${view.total === 0 ? 100 : (view.done / view.total) * 100}%` }} />
        </div>
      </div>
      <p className="text-sm text-stone-700">
        Daily call:{" "}
        <strong className="text-stone-900">
          {!call.contactDay ? "not a contact day" : call.madeToday ? "made today" : "not yet made today"}
        </strong>
        {" · "}streak {plural(call.streak, "contact day")} in a row
      </p>
      <p className="text-sm text-stone-700 sm:col-span-2">
        {campaign ? (
          <>
            Campaign:{" "}
            <strong className="text-stone-900">
              {campaign.week === 0 ? "starts soon" : `week ${campaign.week} of ${campaign.weeks}`}
            </strong>
            {" · "}first contacts this week: {campaign.firstContactsThisWeek} of {campaign.weekPlan} planned · {campaign.contacted} of{" "}
            {plural(campaign.total, "lead")} contacted
          </>
        ) : (
          <>
            No campaign yet.{" "}
            <Link href="/settings#campaign" className="link">
              Set up your campaign
            </Link>{" "}
            to get one first contact planned a day.
          </>
        )}
      </p>
    </section>
  );
}

function NoLeads() {
  return (
    <section aria-labelledby="no-leads-heading" className="space-y-3 rounded-lg border border-dashed border-stone-300 bg-white p-6">
      <h2 id="no-leads-heading" className="text-lg font-semibold">
        Start with your list of leads
      </h2>
      <p className="text-stone-700">
        The plan: a list of about 50 prospective employers, 5 first contacts a week, one a day, over 10 weeks. Add them
        and Cadence tells you each day whom to contact.
      </p>
      <ul className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-4">
        <li>
          <Link href="/leads/new" className="link link-tap">
            Add a lead
          </Link>
        </li>
        <li>
          <Link href="/leads/import" className="link link-tap">
            Import a CSV file
          </Link>
        </li>
        <li>
          <TrySampleData returnTo="today" />
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
        Nothing needs a touch today. If you have a moment, send one of your leads something valuable, or look at what is
        coming in the next 7 days.
      </p>
    </section>
  );
}
