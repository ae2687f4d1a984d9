import { PACE_STATES, type PaceState } from "@/lib/domain";

/** The Leads list filter: every pace state, or all of them. */
export const LEAD_STATE_FILTERS = ["all", ...PACE_STATES] as const;
export type LeadStateFilter = (typeof LEAD_STATE_FILTERS)[number];

export function parseStateFilter(value: unknown): LeadStateFilter {
  return typeof value === "string" && (LEAD_STATE_FILTERS as readonly string[]).includes(value)
    ? (value as LeadStateFilter)
    : "all";
}

/** Lower-cased, accents folded, spaces collapsed: "Société  Générale" finds "societe generale". */
export function searchKey(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

type Filterable = { company: string; contactName: string; state: PaceState };

/** Keeps the leads in the chosen state whose company or contact contains the search words. */
export function filterLeads<T extends Filterable>(
  leads: readonly T[],
  { state, search }: { state: LeadStateFilter; search: string },
): T[] {
  const words = searchKey(search).split(" ").filter(Boolean);
  return leads.filter((lead) => {
    if (state !== "all" && lead.state !== state) return false;
    if (words.length === 0) return true;
    const haystack = searchKey(`${lead.company} ${lead.contactName}`);
    return words.every((word) => haystack.includes(word));
  });
}
