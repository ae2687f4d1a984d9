import { formatPercent } from "@/lib/format";
import { chartFigure, type ChartFigure } from "./chart";
import { campaignText, firstContactsText, lastActivityText, onPaceDetail, onPaceText } from "./labels";
import type { ClientMetrics } from "./metrics";
import { firstContactShortfall } from "./risk";

/**
 * One client's row of the Clients table as data, every cell already written: the browser draws the
 * row from it (app/coach/client-rows.tsx). A row sent as data is a fraction of a row sent as a
 * drawn tree, which the page's payload carried beside its HTML.
 */
export type ClientRow = Pick<ClientMetrics, "seekerId" | "name" | "streak" | "calledToday" | "overdue" | "cold" | "quiet" | "tooSoon"> & {
  onPace: { text: string; detail: string; low: boolean };
  campaign: string;
  contacted: string;
  firstContacts: { text: string; short: boolean };
  phoneShare: string;
  lastActivity: string;
  chart: ChartFigure | null;
};

/** A share on pace under this is shown in red. */
const LOW_ON_PACE = 0.8;

export function clientRow(client: ClientMetrics): ClientRow {
  const share = client.onPace.share;
  return {
    seekerId: client.seekerId,
    name: client.name,
    onPace: { text: onPaceText(client), detail: onPaceDetail(client), low: share !== null && share < LOW_ON_PACE },
    campaign: campaignText(client),
    contacted: `${client.leadsContacted} / ${client.leadsTotal}`,
    firstContacts: { text: firstContactsText(client), short: firstContactShortfall(client) > 0 },
    streak: client.streak,
    calledToday: client.calledToday,
    overdue: client.overdue,
    cold: client.cold,
    quiet: client.quiet,
    tooSoon: client.tooSoon,
    phoneShare: formatPercent(client.phoneShare),
    lastActivity: lastActivityText(client.daysSinceLastTouch),
    chart: chartFigure(client.weeklyTouches),
  };
}
