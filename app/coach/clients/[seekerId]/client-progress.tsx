import { campaignText, firstContactsText, lastActivityText, onPaceDetail, onPaceText } from "@/lib/coach/labels";
import type { ClientMetrics } from "@/lib/coach/metrics";
import { formatPercent, plural } from "@/lib/format";
import { WeeklyChart } from "../../weekly-chart";
import { chartFigure } from "@/lib/coach/chart";

/** The Clients figures for one client, on pace first, and their touches per campaign week. */
export function ProgressSection({ client }: { client: ClientMetrics }) {
  const figures: [string, string][] = [
    ["On pace", `${onPaceText(client)} (${onPaceDetail(client)})`],
    ["Campaign", campaignText(client)],
    ["Leads contacted", `${client.leadsContacted} of ${client.leadsTotal}`],
    ["First contacts this week", firstContactsText(client)],
    ["Daily-call streak", `${plural(client.streak, "day")}${client.calledToday ? ", called today" : ""}`],
    ["Overdue leads", String(client.overdue)],
    ["Cold leads", String(client.cold)],
    ["Quiet leads", String(client.quiet)],
    ["Too-soon touches", String(client.tooSoon)],
    ["Phone share", formatPercent(client.phoneShare)],
    ["Last activity", lastActivityText(client.daysSinceLastTouch)],
  ];
  return (
    <section aria-labelledby="progress-heading" className="space-y-4">
      <h2 id="progress-heading" className="text-lg font-semibold">
        Progress
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-stone-600">{label}</dt>
            <dd className="text-lg font-semibold break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="space-y-2">
        <h3 className="font-semibold">Outbound touches per campaign week (Monday to Sunday)</h3>
        <WeeklyChart id="client-chart" chart={chartFigure(client.weeklyTouches)} scale={3} />
      </div>
    </section>
  );
}
