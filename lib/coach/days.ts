import type { CalendarDate } from "@/lib/domain";

/**
 * Calendar dates as whole numbers: days since 1970-01-01. The Clients page works on thousands
 * of per-day counts at once, and integer arithmetic keeps that cheap where the zone-aware
 * helpers of lib/domain/dates (which build a TZDate per call) would dominate the request.
 * A day number has no zone: it names a calendar date already taken in the seeker's zone.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumberOf(date: CalendarDate): DayNumber {
  const match = CALENDAR_DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

export function calendarDateOf(day: DayNumber): CalendarDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as campaign contact days number them (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The Monday that starts the week of `day` (weeks run Monday to Sunday, as in lib/domain). */
export function mondayOf(day: DayNumber): DayNumber {
  return day - ((weekdayOfDay(day) + 6) % 7);
}
