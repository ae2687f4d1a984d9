import Link from "next/link";
import type { ClientMetrics } from "@/lib/coach/metrics";
import { defaultDirection, type SortDirection, type SortKey } from "@/lib/coach/risk";
import { campaignText, lastActivityText } from "@/lib/coach/labels";
import { formatPercent, plural } from "@/lib/format";
import { WeeklyChart } from "./weekly-chart";

type Column = { key: Exclude<SortKey, "risk">; label: string; numeric?: boolean };

const COLUMNS: Column[] = [
  { key: "name", label: "Client" },
  { key: "campaign", label: "Campaign" },
  { key: "contacted", label: "Contacted", numeric: true },
  { key: "this_week", label: "This week", numeric: true },
  { key: "streak", label: "Streak", numeric: true },
  { key: "overdue", label: "Overdue", numeric: true },
  { key: "cold", label: "Cold", numeric: true },
  { key: "too_soon", label: "Too soon", numeric: true },
  { key: "phone", label: "Phone", numeric: true },
  { key: "last_activity", label: "Last activity" },
];

/** The clients, sorted, or how to get a first one; a way back to "most at risk first" once sorted otherwise. */
export function ClientsSection({
  clients,
  sort,
  coachEmail,
}: {
  clients: readonly ClientMetrics[];
  sort: { key: SortKey; direction: SortDirection };
  coachEmail: string;
}) {
  return (
    <section aria-labelledby="clients-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="clients-heading" className="text-lg font-semibold">
          {plural(clients.length, "client")}
        </h2>
        {sort.key !== "risk" && clients.length > 0 ? (
          <Link href="/coach" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
            Most at risk first
          </Link>
        ) : null}
      </div>
      {clients.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          <p className="font-semibold text-stone-900">No clients yet.</p>
          <p className="mt-2">
            Create an invitation below and send it to a job seeker: they open the link (or type the code on their Invitation
            code page), see exactly what you will see, and accept. Or ask them to invite you from their Settings with your
            e-mail, {coachEmail}.
          </p>
        </div>
      ) : (
        <ClientsTable clients={clients} sort={sort} />
      )}
    </section>
  );
}

/**
 * Every client in one table. On a narrow screen the table scrolls sideways inside its own
 * box (the client's name stays in view), never the page.
 */
export function ClientsTable({
  clients,
  sort,
}: {
  clients: readonly ClientMetrics[];
  sort: { key: SortKey; direction: SortDirection };
}) {
  return (
    <div role="region" aria-labelledby="clients-caption" tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full min-w-[60rem] border-collapse text-sm">
        <caption id="clients-caption" className="sr-only">
          Clients, {sort.key === "risk" ? "most at risk first" : `sorted by ${labelOf(sort.key)} ${sort.direction === "asc" ? "ascending" : "descending"}`}
        </caption>
        <thead className="bg-stone-50 text-left text-stone-700">
          <tr>
            {COLUMNS.map((column) => (
              <SortableHeader key={column.key} column={column} sort={sort} />
            ))}
            <th scope="col" className="px-3 py-2 font-semibold">
              Touches per week
            </th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <tr key={client.seekerId} className="border-t border-stone-200 align-middle">
              <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-medium">
                <Link href={`/coach/clients/${client.seekerId}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                  {client.name}
                </Link>
              </th>
              <td className="px-3 py-2 whitespace-nowrap">{campaignText(client)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {client.leadsContacted} / {client.leadsTotal}
              </td>
              <td className={`px-3 py-2 text-right tabular-nums ${client.touchesThisWeek < client.weeklyGoal ? "text-amber-800" : ""}`}>
                {client.touchesThisWeek} / {client.weeklyGoal}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{client.streak}</td>
              <td className="px-3 py-2 text-right tabular-nums">{client.overdue}</td>
              <td className={`px-3 py-2 text-right tabular-nums ${client.cold > 0 ? "font-semibold text-red-700" : ""}`}>{client.cold}</td>
              <td className="px-3 py-2 text-right tabular-nums">{client.tooSoon}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatPercent(client.phoneShare)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{lastActivityText(client.daysSinceLastTouch)}</td>
              <td className="px-3 py-2">
                <WeeklyChart id={`chart-${client.seekerId}`} weeks={client.weeklyTouches} weeklyGoal={client.weeklyGoal} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function labelOf(key: SortKey): string {
  return COLUMNS.find((column) => column.key === key)?.label.toLowerCase() ?? "risk";
}

function SortableHeader({ column, sort }: { column: Column; sort: { key: SortKey; direction: SortDirection } }) {
  const active = sort.key === column.key;
  const next = active ? (sort.direction === "asc" ? "desc" : "asc") : defaultDirection(column.key);
  const arrow = active ? (sort.direction === "asc" ? "↑" : "↓") : "";
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
      className={`px-3 py-2 font-semibold ${column.key === "name" ? "sticky left-0 bg-stone-50" : ""} ${column.numeric ? "text-right" : ""}`}
    >
      <Link href={`/coach?sort=${column.key}&dir=${next}`} className="inline-flex min-h-11 items-center gap-1 whitespace-nowrap hover:underline">
        {column.label}
        {arrow ? <span aria-hidden="true">{arrow}</span> : null}
      </Link>
    </th>
  );
}
