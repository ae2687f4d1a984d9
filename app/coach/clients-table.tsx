import Link from "next/link";
import { buttonClass } from "@/app/components/button";
import type { ClientMetrics } from "@/lib/coach/metrics";
import { CLIENTS_PER_PAGE, defaultDirection, firstContactShortfall, type ClientsPage, type SortDirection, type SortKey } from "@/lib/coach/risk";
import { campaignText, firstContactsText, lastActivityText, onPaceDetail, onPaceText } from "@/lib/coach/labels";
import { formatPercent, plural } from "@/lib/format";
import { WeeklyChart } from "./weekly-chart";

type Column = { key: Exclude<SortKey, "risk">; label: string; numeric?: boolean };

/** The measures, the headline first (docs/product.md, "Consistency"). */
const COLUMNS: Column[] = [
  { key: "name", label: "Client" },
  { key: "on_pace", label: "On pace", numeric: true },
  { key: "campaign", label: "Campaign" },
  { key: "contacted", label: "Contacted", numeric: true },
  { key: "this_week", label: "First contacts this week", numeric: true },
  { key: "streak", label: "Call streak", numeric: true },
  { key: "overdue", label: "Overdue", numeric: true },
  { key: "cold", label: "Cold", numeric: true },
  { key: "quiet", label: "Quiet", numeric: true },
  { key: "too_soon", label: "Too soon", numeric: true },
  { key: "phone", label: "Phone", numeric: true },
  { key: "last_activity", label: "Last touch" },
];

/**
 * The clients, sorted, a page at a time, or how to get a first one; a way back to "most at risk
 * first" once sorted otherwise.
 */
export function ClientsSection({
  page,
  sort,
  coachEmail,
}: {
  page: ClientsPage;
  sort: { key: SortKey; direction: SortDirection };
  coachEmail: string;
}) {
  const { clients, total, offset } = page;
  return (
    <section aria-labelledby="clients-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="clients-heading" className="text-lg font-semibold">
          {plural(total, "client")}
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
        <>
          {total > clients.length ? (
            <p className="text-sm text-stone-600">
              Showing {offset + 1}–{offset + clients.length} of {total}, {sortCaption(sort)}.
            </p>
          ) : null}
          <ClientsTable clients={clients} sort={sort} />
          <SortForm sort={sort} />
          <ClientCards clients={clients} sort={sort} />
          <PageLinks page={page} sort={sort} />
        </>
      )}
    </section>
  );
}

/** Previous and next pages, in the same order. */
function PageLinks({ page, sort }: { page: ClientsPage; sort: { key: SortKey; direction: SortDirection } }) {
  if (!page.previous && !page.next) return null;
  const href = (place: { after: string } | { before: string }) => {
    const query = new URLSearchParams(sort.key === "risk" ? place : { sort: sort.key, dir: sort.direction, ...place });
    return `/coach?${query}`;
  };
  const size = CLIENTS_PER_PAGE;
  return (
    <nav aria-label="Pages of clients" className="flex flex-wrap gap-2">
      {page.previous ? (
        <Link href={href({ before: page.previous })} className={buttonClass("secondary", "compact")} rel="prev">
          ← Previous {size} clients
        </Link>
      ) : null}
      {page.next ? (
        <Link href={href({ after: page.next })} className={buttonClass("secondary", "compact")} rel="next">
          Next {size} clients →
        </Link>
      ) : null}
    </nav>
  );
}

function sortCaption(sort: { key: SortKey; direction: SortDirection }): string {
  return sort.key === "risk" ? "most at risk first" : `sorted by ${labelOf(sort.key)} ${sort.direction === "asc" ? "ascending" : "descending"}`;
}

// The body's cells are styled once, on the table (a page holds 50 rows of 13 cells, sent twice:
// as HTML and in the page's payload); a number cell adds only its alignment.
const bodyCells = "[&_tbody_td]:px-2 [&_tbody_td]:py-2 [&_tbody_td]:align-middle [&_tbody_th]:px-2 [&_tbody_th]:py-2 [&_tbody_th]:align-middle";
const number = "text-right tabular-nums";

/**
 * Every client in one table, from a tablet's width up (at 1280 px every column shows without
 * scrolling: the headers wrap, the chart keeps to 12 weeks). Narrower screens get a card per
 * client instead (ClientCards), with every measure.
 */
export function ClientsTable({ clients, sort }: { clients: readonly ClientMetrics[]; sort: { key: SortKey; direction: SortDirection } }) {
  return (
    <div role="region" aria-labelledby="clients-caption" tabIndex={0} className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white md:block">
      <table className={`w-full border-collapse text-sm ${bodyCells}`}>
        <caption id="clients-caption" className="sr-only">
          Clients, {sortCaption(sort)}
        </caption>
        <thead className="bg-stone-50 text-left align-bottom text-stone-700">
          <tr>
            {COLUMNS.map((column) => (
              <SortableHeader key={column.key} column={column} sort={sort} />
            ))}
            <th scope="col" className="px-2 py-2 font-semibold">
              Touches per week
            </th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client, index) => (
            <tr key={client.seekerId} className="border-t border-stone-200">
              <th scope="row" className="sticky left-0 bg-white text-left font-medium">
                <Link href={`/coach/clients/${client.seekerId}`} className="inline-flex min-h-11 items-center break-words text-brand-700 underline">
                  {client.name}
                </Link>
              </th>
              <td className={number}>
                <span className={`block font-semibold ${onPaceClass(client)}`}>{onPaceText(client)}</span>
                <span className="block text-xs text-stone-600">{onPaceDetail(client)}</span>
              </td>
              <td>{campaignText(client)}</td>
              <td className={number}>
                {client.leadsContacted} / {client.leadsTotal}
              </td>
              <td className={`${number} ${firstContactShortfall(client) > 0 ? "text-amber-800" : ""}`}>{firstContactsText(client)}</td>
              <td className={number}>
                {client.streak}
                <span className="sr-only">{client.calledToday ? ", called today" : ", no call yet today"}</span>
              </td>
              <td className={number}>{client.overdue}</td>
              <td className={`${number} ${client.cold > 0 ? "font-semibold text-red-700" : ""}`}>{client.cold}</td>
              <td className={number}>{client.quiet}</td>
              <td className={number}>{client.tooSoon}</td>
              <td className={number}>{formatPercent(client.phoneShare)}</td>
              <td>{lastActivityText(client.daysSinceLastTouch)}</td>
              <td>
                <WeeklyChart id={`chart-${index}`} weeks={client.weeklyTouches} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function onPaceClass(client: ClientMetrics): string {
  const { share } = client.onPace;
  return share !== null && share < 0.8 ? "text-red-700" : "";
}

/** A phone's way to sort the cards: the table's orders, by a plain GET form. */
function SortForm({ sort }: { sort: { key: SortKey; direction: SortDirection } }) {
  return (
    <form action="/coach" method="get" className="flex flex-wrap items-end gap-2 md:hidden">
      <div className="space-y-1">
        <label htmlFor="clients-sort" className="block text-sm font-medium text-stone-800">
          Sort clients by
        </label>
        <select id="clients-sort" name="sort" defaultValue={sort.key} className="block rounded-md border border-stone-300 bg-white px-3 py-2 text-base">
          <option value="risk">Most at risk first</option>
          {COLUMNS.map((column) => (
            <option key={column.key} value={column.key}>
              {column.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Sort
      </button>
    </form>
  );
}

/** Each figure of a card, styled once on its list (as the table's cells). */
const cardFigures =
  "[&>div]:flex [&>div]:justify-between [&>div]:gap-2 [&>div]:border-b [&>div]:border-stone-100 [&>div]:py-1 [&_dt]:text-stone-600 [&_dd]:text-right [&_dd]:font-medium [&_dd]:tabular-nums";

/** A phone's view: one card per client, in the chosen order, with every measure of the table, on pace first. */
function ClientCards({ clients, sort }: { clients: readonly ClientMetrics[]; sort: { key: SortKey; direction: SortDirection } }) {
  return (
    <ol aria-label={`Clients, ${sortCaption(sort)}`} className="space-y-3 md:hidden">
      {clients.map((client, index) => {
        const figures: [string, React.ReactNode][] = [
          [
            "On pace",
            <>
              <strong className={onPaceClass(client)}>{onPaceText(client)}</strong>{" "}
              <span className="font-normal text-stone-600">({onPaceDetail(client)})</span>
            </>,
          ],
          ["Campaign", campaignText(client)],
          ["Contacted", `${client.leadsContacted} / ${client.leadsTotal}`],
          ["First contacts this week", firstContactsText(client)],
          ["Call streak", `${plural(client.streak, "day")}${client.calledToday ? ", called today" : ""}`],
          ["Overdue", client.overdue],
          ["Cold", client.cold],
          ["Quiet", client.quiet],
          ["Too soon", client.tooSoon],
          ["Phone", formatPercent(client.phoneShare)],
          ["Last touch", lastActivityText(client.daysSinceLastTouch)],
        ];
        return (
          <li key={client.seekerId} className="rounded-lg border border-stone-200 bg-white p-3">
            <article aria-labelledby={`card-${index}`} className="space-y-3">
              <h3 id={`card-${index}`} className="font-semibold">
                <Link href={`/coach/clients/${client.seekerId}`} className="inline-flex min-h-11 items-center break-words text-brand-700 underline">
                  {client.name}
                </Link>
              </h3>
              <dl className={`grid grid-cols-2 gap-x-3 gap-y-1 text-sm ${cardFigures}`}>
                {figures.map(([label, value]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              <div className="flex items-center gap-3 text-sm">
                <span className="text-stone-600">Touches per week</span>
                <WeeklyChart id={`card-chart-${index}`} weeks={client.weeklyTouches} />
              </div>
            </article>
          </li>
        );
      })}
    </ol>
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
      className={`px-2 py-2 font-semibold ${column.key === "name" ? "sticky left-0 bg-stone-50" : ""} ${column.numeric ? "text-right" : ""}`}
    >
      <Link href={`/coach?sort=${column.key}&dir=${next}`} className="inline-flex min-h-11 items-center gap-1 hover:underline">
        {column.label}
        {arrow ? <span aria-hidden="true">{arrow}</span> : null}
      </Link>
    </th>
  );
}
