import type { ClientMetrics } from "./metrics";

/** "Week 2 of 10", or why there is no week yet. */
export function campaignText(client: Pick<ClientMetrics, "campaign">): string {
  if (!client.campaign) return "No campaign";
  if (client.campaign.week === 0) return "Not started";
  return `Week ${client.campaign.week} of ${client.campaign.weeks}`;
}

/** How long ago the latest touch was, in the client's calendar days. */
export function lastActivityText(daysSinceLastTouch: number | null): string {
  if (daysSinceLastTouch === null) return "No touches yet";
  if (daysSinceLastTouch <= 0) return "Today";
  if (daysSinceLastTouch === 1) return "Yesterday";
  return `${daysSinceLastTouch} days ago`;
}
