import { campaignProgress, type CalendarDate, type CampaignProgress, type CampaignSettings, type Goals } from "@/lib/domain";
import { dayNumberOf, mondayOf, weekdayOfDay, type DayNumber } from "./days";

/** Outbound touches on one day of the client's own calendar. */
export type DayCount = { day: DayNumber; outbound: number };

/**
 * What the coach's queries gather about one client, already aggregated: pace states are counted
 * per lead in SQL and touches are counted per day in the client's time zone, so one page of 200
 * clients costs a few statements and a few thousand numbers, not 100 000 touches.
 */
export type ClientFacts = {
  seekerId: string;
  name: string;
  timeZone: string;
  /** Today in the client's zone. */
  today: CalendarDate;
  campaign: CampaignSettings | null;
  goals: Goals;
  /** The client's contact days (0 = Sunday … 6 = Saturday): the streak skips the others. */
  contactDays: readonly number[];
  leads: { total: number; contacted: number; overdue: number; cold: number };
  touches: {
    outbound: number;
    phoneOutbound: number;
    tooSoon: number;
    /** Latest touch in either direction. */
    lastAt: Date | null;
    /** Its date in the client's zone. */
    lastDay: CalendarDate | null;
  };
  /** Days with at least one outbound touch, in any order. */
  outboundByDay: readonly DayCount[];
};

export type WeekTouches = { week: number; touches: number; upcoming: boolean };

export type ClientMetrics = {
  seekerId: string;
  name: string;
  timeZone: string;
  /** Null while the client has no campaign start date. */
  campaign: CampaignProgress | null;
  leadsTotal: number;
  leadsContacted: number;
  touchesThisWeek: number;
  weeklyGoal: number;
  streak: number;
  overdue: number;
  cold: number;
  tooSoon: number;
  /** Share (0..1) of outbound touches made by phone; 0 with none. */
  phoneShare: number;
  lastTouchAt: Date | null;
  /** Calendar days since the latest touch in the client's zone; null when there is none. */
  daysSinceLastTouch: number | null;
  /** Outbound touches per campaign week; null without a campaign. */
  weeklyTouches: WeekTouches[] | null;
};

/** A small chart stays readable: longer campaigns show this many weeks around the current one. */
export const MAX_CHART_WEEKS = 26;

export function clientMetrics(facts: ClientFacts): ClientMetrics {
  const today = dayNumberOf(facts.today);
  const perDay = new Map<DayNumber, number>();
  for (const { day, outbound } of facts.outboundByDay) perDay.set(day, (perDay.get(day) ?? 0) + outbound);

  const campaign = facts.campaign
    ? campaignProgress({
        settings: facts.campaign,
        totalLeads: facts.leads.total,
        contactedLeads: facts.leads.contacted,
        today: facts.today,
      })
    : null;

  return {
    seekerId: facts.seekerId,
    name: facts.name,
    timeZone: facts.timeZone,
    campaign,
    leadsTotal: facts.leads.total,
    leadsContacted: facts.leads.contacted,
    touchesThisWeek: outboundInWeekOf(perDay, today),
    weeklyGoal: facts.goals.weeklyTouches,
    streak: streakOf(perDay, { dailyGoal: facts.goals.dailyTouches, contactDays: facts.contactDays, today }),
    overdue: facts.leads.overdue,
    cold: facts.leads.cold,
    tooSoon: facts.touches.tooSoon,
    phoneShare: facts.touches.outbound === 0 ? 0 : facts.touches.phoneOutbound / facts.touches.outbound,
    lastTouchAt: facts.touches.lastAt,
    daysSinceLastTouch: facts.touches.lastDay === null ? null : today - dayNumberOf(facts.touches.lastDay),
    weeklyTouches:
      facts.campaign && campaign
        ? touchesPerCampaignWeek(perDay, { start: dayNumberOf(facts.campaign.startDate), weeks: campaign.weeks, today })
        : null,
  };
}

/** goalProgress's `thisWeek`: outbound touches from this week's Monday to today's Sunday. */
export function outboundInWeekOf(perDay: ReadonlyMap<DayNumber, number>, today: DayNumber): number {
  const monday = mondayOf(today);
  let count = 0;
  for (let day = monday; day < monday + 7; day++) count += perDay.get(day) ?? 0;
  return count;
}

/**
 * lib/domain `streak` over per-day counts: consecutive contact days back from today on which
 * the daily goal was met; today counts once met and never breaks it; other days are skipped.
 * Property tests hold it equal to the domain function.
 */
export function streakOf(
  perDay: ReadonlyMap<DayNumber, number>,
  { dailyGoal, contactDays, today }: { dailyGoal: number; contactDays: readonly number[]; today: DayNumber },
): number {
  if (perDay.size === 0) return 0;
  const firstDay = Math.min(...perDay.keys());
  let count = 0;
  for (let day = today; day >= firstDay; day--) {
    if (!contactDays.includes(weekdayOfDay(day))) continue;
    if ((perDay.get(day) ?? 0) >= dailyGoal) count += 1;
    else if (day !== today) break;
  }
  return count;
}

/**
 * Outbound touches per campaign week. Weeks are 7-day steps from the start date, as in
 * campaignProgress; the series runs from week 1 to the campaign's last week, or on to the
 * current week once the campaign has run over. Weeks after the current one are `upcoming`.
 * Touches before the start are outside the campaign and not shown.
 */
export function touchesPerCampaignWeek(
  perDay: ReadonlyMap<DayNumber, number>,
  { start, weeks, today }: { start: DayNumber; weeks: number; today: DayNumber },
): WeekTouches[] {
  const currentWeek = today < start ? 0 : Math.floor((today - start) / 7) + 1;
  const lastWeek = Math.max(weeks, currentWeek);
  const windowEnd = lastWeek <= MAX_CHART_WEEKS ? lastWeek : Math.min(lastWeek, Math.max(currentWeek, MAX_CHART_WEEKS));
  const windowStart = Math.max(1, windowEnd - MAX_CHART_WEEKS + 1);

  const perWeek = new Map<number, number>();
  for (const [day, count] of perDay) {
    if (day < start) continue;
    const week = Math.floor((day - start) / 7) + 1;
    perWeek.set(week, (perWeek.get(week) ?? 0) + count);
  }
  const series: WeekTouches[] = [];
  for (let week = windowStart; week <= windowEnd; week++) {
    series.push({ week, touches: perWeek.get(week) ?? 0, upcoming: week > currentWeek });
  }
  return series;
}
