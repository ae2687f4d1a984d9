import type { ClientMetrics } from "./metrics";

/**
 * Most at risk first. A client is more at risk than another when, in this order:
 * 1. more of their leads are cold (a follow-up missed by more than a week: the contact is being lost);
 * 2. they are further below their weekly goal this week (goal minus touches, never below 0);
 * 3. more of their leads are overdue (missed by 1 to 7 days: about to go cold);
 * 4. longer since their last touch (never touched counts as longest);
 * then by name, so the order is stable.
 */
export function compareRisk(a: ClientMetrics, b: ClientMetrics): number {
  return (
    b.cold - a.cold ||
    weeklyShortfall(b) - weeklyShortfall(a) ||
    b.overdue - a.overdue ||
    silence(b) - silence(a) ||
    a.name.localeCompare(b.name) ||
    a.seekerId.localeCompare(b.seekerId)
  );
}

export function weeklyShortfall(client: ClientMetrics): number {
  return Math.max(0, client.weeklyGoal - client.touchesThisWeek);
}

function silence(client: ClientMetrics): number {
  return client.daysSinceLastTouch ?? Number.POSITIVE_INFINITY;
}

export const SORT_KEYS = [
  "risk",
  "name",
  "campaign",
  "contacted",
  "this_week",
  "streak",
  "overdue",
  "cold",
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
  campaign: { value: (c) => c.campaign?.week ?? -1, worstFirst: "desc" },
  contacted: { value: (c) => (c.leadsTotal === 0 ? 0 : c.leadsContacted / c.leadsTotal), worstFirst: "asc" },
  this_week: { value: (c) => (c.weeklyGoal === 0 ? 1 : c.touchesThisWeek / c.weeklyGoal), worstFirst: "asc" },
  streak: { value: (c) => c.streak, worstFirst: "asc" },
  overdue: { value: (c) => c.overdue, worstFirst: "desc" },
  cold: { value: (c) => c.cold, worstFirst: "desc" },
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
