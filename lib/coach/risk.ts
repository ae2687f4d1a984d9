import type { ClientMetrics } from "./metrics";

/**
 * Most at risk first. A client is more at risk than another when, in this order:
 * 1. a smaller share of their active contacted leads is on pace (the weekly dialogue; a client
 *    with no such lead, no dialogue going at all, counts as 0 and before a true 0);
 * 2. more of their leads are cold (a follow-up missed by more than a week: the contact is being lost);
 * 3. they are further behind this week's plan of first contacts (never below 0);
 * 4. more of their leads are overdue (missed by 1 to 7 days: about to go cold);
 * 5. longer since their last touch (never touched counts as longest);
 * then by name, so the order is stable.
 */
export function compareRisk(a: ClientMetrics, b: ClientMetrics): number {
  return (
    onPaceRank(a) - onPaceRank(b) ||
    b.cold - a.cold ||
    firstContactShortfall(b) - firstContactShortfall(a) ||
    b.overdue - a.overdue ||
    silence(b) - silence(a) ||
    a.name.localeCompare(b.name) ||
    a.seekerId.localeCompare(b.seekerId)
  );
}

/** On pace as a number to sort by: the share, or -1 with no active contacted lead. */
function onPaceRank(client: ClientMetrics): number {
  return client.onPace.share ?? -1;
}

/** First contacts this week still missing against the week's plan. */
export function firstContactShortfall(client: ClientMetrics): number {
  return client.campaign ? Math.max(0, client.campaign.weekPlan - client.campaign.firstContactsThisWeek) : 0;
}

function silence(client: ClientMetrics): number {
  return client.daysSinceLastTouch ?? Number.POSITIVE_INFINITY;
}

export const SORT_KEYS = [
  "risk",
  "name",
  "on_pace",
  "campaign",
  "contacted",
  "this_week",
  "streak",
  "overdue",
  "cold",
  "quiet",
  "too_soon",
  "phone",
  "last_activity",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

/**
 * Each column's value, and the direction that puts the most worrying clients first (used when
 * the column is first chosen). "risk" has no value of its own: it is `compareRisk`.
 */
const COLUMNS: Record<Exclude<SortKey, "risk">, { value: (c: ClientMetrics) => number | string; worstFirst: SortDirection }> = {
  name: { value: (c) => c.name.toLocaleLowerCase(), worstFirst: "asc" },
  on_pace: { value: onPaceRank, worstFirst: "asc" },
  campaign: { value: (c) => c.campaign?.week ?? -1, worstFirst: "desc" },
  contacted: { value: (c) => (c.leadsTotal === 0 ? 0 : c.leadsContacted / c.leadsTotal), worstFirst: "asc" },
  this_week: { value: (c) => (c.campaign && c.campaign.weekPlan > 0 ? c.campaign.firstContactsThisWeek / c.campaign.weekPlan : 1), worstFirst: "asc" },
  streak: { value: (c) => c.streak, worstFirst: "asc" },
  overdue: { value: (c) => c.overdue, worstFirst: "desc" },
  cold: { value: (c) => c.cold, worstFirst: "desc" },
  quiet: { value: (c) => c.quiet, worstFirst: "desc" },
  too_soon: { value: (c) => c.tooSoon, worstFirst: "desc" },
  phone: { value: (c) => c.phoneShare, worstFirst: "asc" },
  // Never touched sorts as the oldest activity.
  last_activity: { value: (c) => c.lastTouchAt?.getTime() ?? Number.NEGATIVE_INFINITY, worstFirst: "asc" },
};

export function defaultDirection(key: SortKey): SortDirection {
  return key === "risk" ? "desc" : COLUMNS[key].worstFirst;
}

/** Reads `?sort=` and `?dir=`; anything unknown falls back to most at risk first. */
export function parseSort(sort: unknown, dir: unknown): { key: SortKey; direction: SortDirection } {
  const key = SORT_KEYS.find((candidate) => candidate === sort) ?? "risk";
  const direction = dir === "asc" || dir === "desc" ? dir : defaultDirection(key);
  return { key, direction };
}

/** A sorted copy; equal values keep the risk order. "risk" descending means most at risk first. */
export function sortClients(
  clients: readonly ClientMetrics[],
  { key, direction }: { key: SortKey; direction: SortDirection },
): ClientMetrics[] {
  const sign = direction === "asc" ? 1 : -1;
  if (key === "risk") return [...clients].sort((a, b) => -sign * compareRisk(a, b));
  const { value } = COLUMNS[key];
  return [...clients].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const byColumn = va < vb ? -1 : va > vb ? 1 : 0;
    return sign * byColumn || compareRisk(a, b);
  });
}

/** The Clients page shows this many clients at a time. */
export const CLIENTS_PER_PAGE = 50;

export type ClientsPage = {
  clients: ClientMetrics[];
  /** How many clients in all, and the place (from 0) of the first one shown. */
  total: number;
  offset: number;
  /** The client to page back before, and on after (the address's `before` and `after`); null at either end. */
  previous: string | null;
  next: string | null;
};

/**
 * One page of clients in their sorted order, by key: the `size` clients after the one named
 * `after`, or those just before the one named `before` (the first page, whole, near the start).
 * A key that is no longer there (the connection ended) gives the first page. The order is total (compareRisk ends on the seeker's id), so a page
 * never repeats nor skips a client whose figures did not change.
 */
export function pageOfClients(
  sorted: readonly ClientMetrics[],
  { after, before }: { after?: string | null; before?: string | null },
  size = CLIENTS_PER_PAGE,
): ClientsPage {
  const indexOf = (seekerId: string | null | undefined) => (seekerId ? sorted.findIndex((client) => client.seekerId === seekerId) : -1);
  const afterIndex = indexOf(after);
  const beforeIndex = afterIndex >= 0 ? -1 : indexOf(before);
  const start = afterIndex >= 0 ? afterIndex + 1 : beforeIndex >= 0 ? Math.max(0, beforeIndex - size) : 0;
  const end = Math.min(sorted.length, start + size);
  return {
    clients: sorted.slice(start, end),
    total: sorted.length,
    offset: start,
    previous: start > 0 ? sorted[start]!.seekerId : null,
    next: end < sorted.length ? sorted[end - 1]!.seekerId : null,
  };
}
