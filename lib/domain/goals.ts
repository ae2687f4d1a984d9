import { addDays, dateOf, startOfWeek, todayIn, weekdayOf, type CalendarDate } from "./dates";
import type { TouchFact } from "./pace";

export type Goals = { dailyTouches: number; weeklyTouches: number };

export const DEFAULT_GOALS: Readonly<Goals> = { dailyTouches: 1, weeklyTouches: 5 };

/** Goals measure the seeker's own effort, so only outbound touches count. */
type CountedTouch = Pick<TouchFact, "at" | "direction">;

function outboundPerDay(touches: readonly CountedTouch[], timeZone: string): Map<CalendarDate, number> {
  const perDay = new Map<CalendarDate, number>();
  for (const touch of touches) {
    if (touch.direction !== "outbound") continue;
    const day = dateOf(touch.at, timeZone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return perDay;
}

export type GoalProgress = { today: number; thisWeek: number; dailyGoal: number; weeklyGoal: number };

/** Outbound touches today and this week (Monday to Sunday), in the seeker's zone. */
export function goalProgress({
  touches,
  goals,
  now,
  timeZone,
}: {
  touches: readonly CountedTouch[];
  goals: Goals;
  now: Date;
  timeZone: string;
}): GoalProgress {
  const today = todayIn(now, timeZone);
  const week = startOfWeek(today);
  let todayCount = 0;
  let weekCount = 0;
  for (const [day, count] of outboundPerDay(touches, timeZone)) {
    if (day === today) todayCount += count;
    if (startOfWeek(day) === week) weekCount += count;
  }
  return {
    today: todayCount,
    thisWeek: weekCount,
    dailyGoal: goals.dailyTouches,
    weeklyGoal: goals.weeklyTouches,
  };
}

/**
 * Consecutive contact days, back from today, on which the daily goal was met. Today counts once
 * its goal is met and never breaks the streak, since it is not over; other days off the contact
 * list (weekends, by default) are skipped: they neither count nor break it.
 * @deprecated The product's streak is the daily call's: use `dailyCall` (daily-call.ts), which
 * counts outbound phone touches that were not too soon, by local date.
 */
export function streak({
  touches,
  goals,
  contactDays,
  now,
  timeZone,
}: {
  touches: readonly CountedTouch[];
  goals: Goals;
  /** Weekdays 0 = Sunday … 6 = Saturday, as in the campaign settings. */
  contactDays: readonly number[];
  now: Date;
  timeZone: string;
}): number {
  if (!Number.isInteger(goals.dailyTouches) || goals.dailyTouches < 1) {
    throw new RangeError(`dailyTouches must be a whole number ≥ 1, got ${goals.dailyTouches}`);
  }
  const perDay = outboundPerDay(touches, timeZone);
  if (perDay.size === 0) return 0;
  // No goal can have been met before the first touch, so the walk back stops there at the latest.
  const firstDay = [...perDay.keys()].reduce((a, b) => (a < b ? a : b));
  const today = todayIn(now, timeZone);

  let count = 0;
  for (let day = today; day >= firstDay; day = addDays(day, -1)) {
    if (!contactDays.includes(weekdayOf(day))) continue;
    if ((perDay.get(day) ?? 0) >= goals.dailyTouches) count += 1;
    else if (day !== today) break;
  }
  return count;
}
