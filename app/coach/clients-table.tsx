import Link from "next/link";
import { buttonClass } from "@/app/components/button";
import type { ClientMetrics } from "@/lib/coach/metrics";
import { CLIENTS_PER_PAGE, defaultDirection, type ClientsPage, type SortDirection, type SortKey } from "@/lib/coach/risk";
import { clientRow } from "@/lib/coach/client-row";
import { plural } from "@/lib/format";
import { ClientRows } from "./client-rows";

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
          <SortForm sort={sort} />
          <ClientsTable clients={clients} sort={sort} />
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

/** The last column's header: the chart, which is not a sort. */
const CHART_LABEL = "Touches per week";

/** The body's cells after the row's header (the client's name): every measure, then the chart. */
const CELL_LABELS = [...COLUMNS.slice(1).map((column) => ({ label: column.label, numeric: column.numeric ?? false })), { label: CHART_LABEL, numeric: false }];

/**
 * What differs by column, written once per page rather than on each of 50 rows' 13 cells (a page's
 * cells are sent twice: as HTML and in its payload): on a phone's card, each value's measure named
 * before it; in the table, numbers aligned right. The look shared by every cell is `.clients-table`
 * in globals.css. Labels are plain text from COLUMNS, so JSON's quoting is CSS's.
 */
const COLUMN_RULES = (() => {
  const cell = (index: number) => `.clients-table td:nth-child(${index + 2})`;
  const labels = CELL_LABELS.map((column, index) => `${cell(index)}::before{content:${JSON.stringify(column.label)}}`).join("");
  const numbers = CELL_LABELS.flatMap((column, index) => (column.numeric ? [cell(index)] : [])).join(",");
  return `@media (width < 48rem){${labels}}@media (width >= 48rem){${numbers}{text-align:right}}${numbers}{font-variant-numeric:tabular-nums}`;
})();

/**
 * Every client in one table: from a tablet's width up, a table (at 1280 px every column shows
 * without scrolling: the headers wrap, the chart keeps to 12 weeks); narrower, each row is a card
 * with every measure named beside its value, sorted by the form above. One rendering for both.
 */
export function ClientsTable({ clients, sort }: { clients: readonly ClientMetrics[]; sort: { key: SortKey; direction: SortDirection } }) {
  return (
    <div role="region" aria-labelledby="clients-caption" tabIndex={0} className="md:overflow-x-auto md:rounded-lg md:border md:border-stone-200 md:bg-white">
      <style>{COLUMN_RULES}</style>
      <table className="clients-table">
        <caption id="clients-caption" className="sr-only">
          Clients, {sortCaption(sort)}
        </caption>
        <thead className="bg-stone-50 text-left align-bottom text-stone-700 max-md:hidden">
          <tr>
            {COLUMNS.map((column) => (
              <SortableHeader key={column.key} column={column} sort={sort} />
            ))}
            <th scope="col" className="px-2 py-2 font-semibold">
              {CHART_LABEL}
            </th>
          </tr>
        </thead>
        <ClientRows rows={clients.map(clientRow)} />
      </table>
    </div>
  );
}

/** A phone's way to sort the cards: the table's orders, by a plain GET form. */
function SortForm({ sort }: { sort: { key: SortKey; direction: SortDirection } }) {
  return (
    <form action="/coach" method="get" className="flex flex-wrap items-end gap-2 md:hidden">
      <div className="space-y-1">
        <label htmlFor="clients-sort" className="field-label">
          Sort clients by
        </label>
        <select id="clients-sort" name="sort" defaultValue={sort.key} className="input w-auto">
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
