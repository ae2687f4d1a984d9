import { formatHour, type HourCycle } from "@/lib/format";
import { TZDate } from "@date-fns/tz";
import { todayIn, weekdayOf, type CalendarDate } from "@/lib/domain/dates";

/*
 * When the morning digest goes (docs/product.md, "The morning digest"): on the seeker's contact
 * days, once their chosen local hour has come. db/queries/digest.ts asks the same in SQL for every
 * seeker at once; digest.test.ts holds the two equal.
 */

export const DEFAULT_DIGEST_HOUR = 7;
export const DIGEST_HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** "07:00", or "7:00 AM" on a 12-hour clock (lib/format's formatHour). */
export function formatDigestHour(hour: number, hourCycle: HourCycle = "h23"): string {
  return formatHour(hour, hourCycle);
}

/** The hour of the day (0–23) at `now` on the seeker's clock. */
export function localHour(now: Date, timeZone: string): number {
  return new TZDate(now.getTime(), timeZone).getHours();
}

/** The digest hour has come today: it is that hour or later, in the seeker's zone. */
export function digestHourHasCome({ now, timeZone, digestHour }: { now: Date; timeZone: string; digestHour: number }): boolean {
  return localHour(now, timeZone) >= digestHour;
}

/** Today (in the seeker's zone) is one of their campaign's contact days (0 = Sunday … 6 = Saturday). */
export function isContactDay({ now, timeZone, contactDays }: { now: Date; timeZone: string; contactDays: readonly number[] }): boolean {
  return contactDays.includes(weekdayOf(todayIn(now, timeZone)));
}

/** The local day a digest is for, when one is due at `now`; null when not (not a contact day, too early). */
export function digestDayDue(seeker: { now: Date; timeZone: string; digestHour: number; contactDays: readonly number[] }): CalendarDate | null {
  return isContactDay(seeker) && digestHourHasCome(seeker) ? todayIn(seeker.now, seeker.timeZone) : null;
}
