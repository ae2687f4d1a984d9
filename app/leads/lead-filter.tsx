import Link from "next/link";
import { buttonClass } from "@/app/components/button";
import { LEAD_STATE_FILTERS, type LeadStateFilter } from "@/lib/leads/filter";
import { PACE_STATE_LABELS } from "@/lib/leads/labels";

const FILTER_LABELS: Record<LeadStateFilter, string> = { all: "All leads", ...PACE_STATE_LABELS };

/** Filter by pace state and search by name: a plain GET form, so a filtered list has an address. */
export function LeadFilter({ state, search }: { state: LeadStateFilter; search: string }) {
  return (
    <form method="get" role="search" aria-label="Filter leads" className="flex flex-wrap items-end gap-3">
      <div className="space-y-1">
        <label htmlFor="filter-state" className="block text-sm font-medium text-stone-800">
          Show
        </label>
        <select id="filter-state" name="state" defaultValue={state} className="block min-h-11 rounded-md border border-stone-300 bg-white px-3 py-2 text-base">
          {LEAD_STATE_FILTERS.map((value) => (
            <option key={value} value={value}>
              {FILTER_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-0 flex-1 space-y-1">
        <label htmlFor="filter-q" className="block text-sm font-medium text-stone-800">
          Search company or person
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={search}
          maxLength={200}
          className="block w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 text-base"
        />
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
      {state !== "all" || search ? (
        <Link href="/leads" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline">
          Clear filter
        </Link>
      ) : null}
    </form>
  );
}
