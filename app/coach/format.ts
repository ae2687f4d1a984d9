import type { ClientMetrics } from "@/lib/coach/metrics";

/** "Week 2 of 10", or why there is no week yet. */
export function campaignText(client: Pick<ClientMetrics, "campaign">): string {
  if (!client.campaign) return "No campaign";
  if (client.campaign.week === 0) return "Not started";
  return `Week ${client.campaign.week} of ${client.campaign.weeks}`;
}

export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** How long ago the latest touch was, in the client's calendar days. */
export function lastActivityText(daysSinceLastTouch: number | null): string {
  if (daysSinceLastTouch === null) return "No touches yet";
  if (daysSinceLastTouch <= 0) return "Today";
  if (daysSinceLastTouch === 1) return "Yesterday";
  return `${daysSinceLastTouch} days ago`;
}

export function daysText(count: number): string {
  return `${count} ${count === 1 ? "day" : "days"}`;
}

/** "12 Mar 2025" in the given zone. */
export function dateText(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }).format(instant);
}

/** "Wed 5 Mar" for a calendar date (already the client's day: no zone to apply). */
export function calendarDateText(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "Wed 5 Mar 2025, 14:05" in the given zone. */
export function instantText(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(instant);
}
