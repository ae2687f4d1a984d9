import { addDays, todayIn, weekdayOf, type CalendarDate } from "./dates";
import { tooSoonFlags, touchesByLead, type DatedTouch } from "./touch";

export type DailyCall = {
  today: CalendarDate;
  /** Whether today is one of the seeker's contact days (a call is asked for only then). */
  contactDay: boolean;
  /** At least one counted outbound phone touch today. */
  madeToday: boolean;
  /**
   * Contact days in a row, back from today, with the call made. Today counts once made and does
   * not break the streak before it is over; other days are skipped.
   */
  streak: number;
};

/** The local dates on which a counted (not too soon) outbound phone touch was made. */
export function callDays(touches: readonly (DatedTouch & { leadId: string })[]): Set<CalendarDate> {
  const byLead = touchesByLead(touches);
  const days = new Set<CalendarDate>();
  for (const history of byLead.values()) {
    const flags = tooSoonFlags(history);
    history.forEach((touch, index) => {
      if (!flags[index] && touch.direction === "outbound" && touch.channel === "phone") days.add(touch.localDate);
    });
  }
  return days;
}

/**
 * The daily call (the article's "1 call per day, non-negotiable"): an outbound phone touch on each
 * contact day. Too-soon touches count for nothing, so a too-soon call does not make the call; the
 * too-soon judgement needs each lead's whole history, hence `leadId` on every touch (all touches of
 * the seeker's leads, both directions).
 */
export function dailyCall({
  touches,
  contactDays,
  now,
  timeZone,
}: {
  touches: readonly (DatedTouch & { leadId: string })[];
  /** Weekdays 0 = Sunday … 6 = Saturday. */
  contactDays: readonly number[];
  now: Date;
  timeZone: string;
}): DailyCall {
  const today = todayIn(now, timeZone);
  const called = callDays(touches);
  const contactDay = contactDays.includes(weekdayOf(today));
  const madeToday = called.has(today);
  if (called.size === 0) return { today, contactDay, madeToday, streak: 0 };

  // No call before the first one, so the walk back stops there at the latest.
  const firstDay = [...called].reduce((a, b) => (a < b ? a : b));
  let streak = 0;
  for (let day = today; day >= firstDay; day = addDays(day, -1)) {
    if (!contactDays.includes(weekdayOf(day))) continue;
    if (called.has(day)) streak += 1;
    else if (day !== today) break;
  }
  return { today, contactDay, madeToday, streak };
}
