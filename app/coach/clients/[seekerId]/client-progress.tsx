import { campaignText, lastActivityText } from "@/lib/coach/labels";
import type { ClientMetrics } from "@/lib/coach/metrics";
import { formatPercent, plural } from "@/lib/format";
import { WeeklyChart } from "../../weekly-chart";

/** The Clients figures for one client, and their touches per campaign week. */
export function ProgressSection({ client }: { client: ClientMetrics }) {
  const figures: [string, string][] = [
    ["Campaign", campaignText(client)],
    ["Leads contacted", `${client.leadsContacted} of ${client.leadsTotal}`],
    ["Touches this week", `${client.touchesThisWeek} of ${client.weeklyGoal}`],
    ["Streak", plural(client.streak, "day")],
    ["Overdue leads", String(client.overdue)],
    ["Cold leads", String(client.cold)],
    ["Too-soon touches", String(client.tooSoon)],
    ["Phone share", formatPercent(client.phoneShare)],
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
