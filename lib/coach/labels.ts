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

/** The headline share on pace, or a dash when no lead is in a dialogue yet. */
export function onPaceText(client: Pick<ClientMetrics, "onPace">): string {
  const { share } = client.onPace;
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}

/** What the share is of: "3 of 4 leads", or why there is none. */
export function onPaceDetail(client: Pick<ClientMetrics, "onPace">): string {
  const { onPace, active } = client.onPace;
  return active === 0 ? "no lead contacted and active" : `${onPace} of ${active} ${active === 1 ? "lead" : "leads"}`;
}

/** First contacts made this Monday-to-Sunday week against the week's plan. */
export function firstContactsText(client: Pick<ClientMetrics, "campaign">): string {
  return client.campaign ? `${client.campaign.firstContactsThisWeek} / ${client.campaign.weekPlan}` : "—";
}
