import {
  campaignFiguresOfTally,
  defaultCampaign,
  type CalendarDate,
  type CampaignFigures,
  type CampaignSettings,
  type CampaignTally,
  type OnPace,
} from "@/lib/domain";
import { dayNumberOf, mondayOf, type DayNumber } from "./days";

/** Outbound touches on one day of the client's own calendar. */
export type DayCount = { day: DayNumber; outbound: number };

/**
 * What the coach's queries gather about one client, already aggregated in SQL: pace states,
 * quiet leads and on pace are counted per lead, the campaign's leads tallied, touches per week in
 * the client's zone, so one page of 200 clients costs one statement and a few thousand numbers,
 * not 100 000 touches.
 */
export type ClientFacts = {
  seekerId: string;
  name: string;
  timeZone: string;
  /** Today in the client's zone. */
  today: CalendarDate;
  campaign: CampaignSettings | null;
  /** The client's contact days (0 = Sunday … 6 = Saturday): the streak skips the others. */
  contactDays: readonly number[];
  leads: {
    total: number;
    overdue: number;
    cold: number;
    /** Active leads with three or more unanswered outbound touches in a row (quietState). */
    quiet: number;
    /** Touched at least once, not paused, not closed: onPaceShare's `active`. */
    activeContacted: number;
    /** Of those, neither overdue nor cold. */
    onPace: number;
  };
  /** The leads as campaignFigures counts them (campaignTally). */
  campaignTally: CampaignTally;
  touches: {
    outbound: number;
    phoneOutbound: number;
    tooSoon: number;
    /** Latest touch in either direction. */
    lastAt: Date | null;
    /** Its date in the client's zone. */
    lastDay: CalendarDate | null;
  };
  /**
   * The daily call (dailyCall, in SQL: client_facts_at): contact days in a row with a counted
   * outbound phone touch, back from today, and whether today's is made.
   */
  dailyCall: { streak: number; madeToday: boolean };
  /**
   * Outbound touches by day, in any order; a day may stand for its whole Monday-to-Sunday week
   * (the SQL sends each week's total on its Monday): only the weeks are charted.
   */
  outboundByDay: readonly DayCount[];
};

/** Outbound touches in one Monday-to-Sunday campaign week. */
export type WeekTouches = { week: number; touches: number; upcoming: boolean };

export type ClientMetrics = {
  seekerId: string;
  name: string;
  timeZone: string;
  /** The headline: share of active contacted leads on pace (onPaceShare). */
  onPace: OnPace;
  /** The seeker's own campaign figures (campaignFigures); null while the client has no campaign start date. */
  campaign: CampaignFigures | null;
  /** Leads contacted, out of the leads in the campaign (campaignFigures' definition, campaign or not). */
  leadsContacted: number;
  leadsTotal: number;
  /** The daily-call streak (dailyCall) and whether today's call is made. */
  streak: number;
  calledToday: boolean;
  overdue: number;
  cold: number;
  quiet: number;
  tooSoon: number;
  /** Share (0..1) of outbound touches made by phone; 0 with none. */
  phoneShare: number;
  lastTouchAt: Date | null;
  /** Calendar days since the latest touch in the client's zone; null when there is none. */
  daysSinceLastTouch: number | null;
  /** Outbound touches per campaign week (Monday to Sunday); null without a campaign. */
  weeklyTouches: WeekTouches[] | null;
};

/** A small chart stays readable: longer campaigns show this many weeks up to the current one. */
export const MAX_CHART_WEEKS = 12;

/** The figures of one client, each by the same lib/domain function the seeker's own screens use. */
export function clientMetrics(facts: ClientFacts): ClientMetrics {
  const today = dayNumberOf(facts.today);
  const perDay = new Map<DayNumber, number>();
  for (const { day, outbound } of facts.outboundByDay) perDay.set(day, (perDay.get(day) ?? 0) + outbound);

  // Contacted and total do not depend on the settings: without a campaign they are read the same way.
  const figures = campaignFiguresOfTally({ settings: facts.campaign ?? defaultCampaign(facts.today), tally: facts.campaignTally, today: facts.today });
  const campaign = facts.campaign ? figures : null;
  const call = facts.dailyCall;
  const { activeContacted: active, onPace } = facts.leads;

  return {
    seekerId: facts.seekerId,
    name: facts.name,
    timeZone: facts.timeZone,
    onPace: { onPace, active, share: active === 0 ? null : onPace / active },
    campaign,
    leadsContacted: figures.contacted,
    leadsTotal: figures.total,
    streak: call.streak,
    calledToday: call.madeToday,
    overdue: facts.leads.overdue,
    cold: facts.leads.cold,
    quiet: facts.leads.quiet,
    tooSoon: facts.touches.tooSoon,
    phoneShare: facts.touches.outbound === 0 ? 0 : facts.touches.phoneOutbound / facts.touches.outbound,
    lastTouchAt: facts.touches.lastAt,
    daysSinceLastTouch: facts.touches.lastDay === null ? null : today - dayNumberOf(facts.touches.lastDay),
    weeklyTouches: campaign && facts.campaign ? touchesPerCampaignWeek(perDay, { start: dayNumberOf(facts.campaign.startDate), weeks: campaign.weeks, today }) : null,
  };
}

/**
 * Outbound touches per campaign week. Weeks run Monday to Sunday, week 1 holding the start date,
 * as in campaignFigures; the series runs from week 1 to the campaign's last week, or on to the
 * current week once the campaign has run over, at most MAX_CHART_WEEKS up to the current one.
 * Weeks after the current one are `upcoming`. Touches before week 1 are outside the campaign.
 */
export function touchesPerCampaignWeek(
  perDay: ReadonlyMap<DayNumber, number>,
  { start, weeks, today }: { start: DayNumber; weeks: number; today: DayNumber },
): WeekTouches[] {
  const firstMonday = mondayOf(start);
  const weekOf = (day: DayNumber) => Math.floor((mondayOf(day) - firstMonday) / 7) + 1;
  const currentWeek = today < firstMonday ? 0 : weekOf(today);
  const lastWeek = Math.max(weeks, currentWeek);
  const windowEnd = lastWeek <= MAX_CHART_WEEKS ? lastWeek : Math.min(lastWeek, Math.max(currentWeek, MAX_CHART_WEEKS));
  const windowStart = Math.max(1, windowEnd - MAX_CHART_WEEKS + 1);

  const perWeek = new Map<number, number>();
  for (const [day, count] of perDay) {
    if (day < firstMonday) continue;
    const week = weekOf(day);
    perWeek.set(week, (perWeek.get(week) ?? 0) + count);
  }
  const series: WeekTouches[] = [];
  for (let week = windowStart; week <= windowEnd; week++) {
    series.push({ week, touches: perWeek.get(week) ?? 0, upcoming: week > currentWeek });
  }
  return series;
}
