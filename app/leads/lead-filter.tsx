import Link from "next/link";
import { buttonClass } from "@/app/components/button";
import { LEAD_STATE_FILTERS, type LeadStateFilter } from "@/lib/leads/filter";
import { PACE_STATE_LABELS } from "@/lib/leads/labels";
import { LEAD_SORT_LABELS, LEAD_SORTS, type LeadListQuery } from "@/lib/leads/page";

const FILTER_LABELS: Record<LeadStateFilter, string> = { all: "All leads", ...PACE_STATE_LABELS };

const selectClass = "input min-h-11 w-auto";

/**
 * Filter by pace state, search by name, and sort (on a phone, where the table's column headers
 * are hidden, this is the way to sort): a plain GET form, so every view of the list has an address.
 */
export function LeadFilter({ filter }: { filter: Pick<LeadListQuery, "state" | "search" | "sort" | "dir"> }) {
  const { state, search, sort, dir } = filter;
  return (
    <form method="get" action="/leads" role="search" aria-label="Filter leads" className="flex flex-wrap items-end gap-3">
      <div className="space-y-1">
        <label htmlFor="filter-state" className="field-label">
          Show
        </label>
        <select id="filter-state" name="state" defaultValue={state} className={selectClass}>
          {LEAD_STATE_FILTERS.map((value) => (
            <option key={value} value={value}>
              {FILTER_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-0 flex-1 space-y-1">
        <label htmlFor="filter-q" className="field-label">
          Search company or person
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={search}
          maxLength={200}
          className="input min-w-0"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-sort" className="field-label">
          Sort by
        </label>
        <select id="filter-sort" name="sort" defaultValue={sort} className={selectClass}>
          {LEAD_SORTS.map((value) => (
            <option key={value} value={value}>
              {LEAD_SORT_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      {dir === "desc" ? <input type="hidden" name="dir" value="desc" /> : null}
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
      {state !== "all" || search || sort !== "order" ? (
        <Link href="/leads" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline">
          Clear filter
        </Link>
      ) : null}
    </form>
  );
}
