import { TZDate } from "@date-fns/tz";
import {
  addDays as addCalendarDays,
  differenceInCalendarDays,
  format,
  startOfWeek as startOfCalendarWeek,
} from "date-fns";

/**
 * A calendar date as "YYYY-MM-DD": a day in the seeker's own time zone, with no time and no zone.
 * Instants (`Date`) become calendar dates only through `dateOf`/`todayIn`, which take the zone.
 */
export type CalendarDate = string;

/** Day of the week as `Date#getDay` numbers it: 0 = Sunday, 1 = Monday, …, 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CALENDAR_DATE_FORMAT = "yyyy-MM-dd";

// Once a day is cut loose from its instant it has no zone; date-only arithmetic runs in UTC,
// which has no daylight-saving changes, so "plus one day" is always exactly the next date.
const ZONELESS = "UTC";

/** True when `value` is a real date written as "YYYY-MM-DD" (rejects "2025-02-30"). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new TZDate(year, month - 1, day, ZONELESS);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

function toZonelessDate(value: CalendarDate): TZDate {
  if (!isCalendarDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${value}"`);
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, ZONELESS);
}

function fromZonelessDate(date: Date): CalendarDate {
  return format(date, CALENDAR_DATE_FORMAT);
}

/** The calendar date, in `timeZone` (IANA name), on which `instant` falls. */
export function dateOf(instant: Date, timeZone: string): CalendarDate {
  return format(new TZDate(instant, timeZone), CALENDAR_DATE_FORMAT);
}

/** Today in the seeker's zone; `now` is a parameter so callers (and tests) control the clock. */
export function todayIn(now: Date, timeZone: string): CalendarDate {
  return dateOf(now, timeZone);
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromZonelessDate(addCalendarDays(toZonelessDate(date), days));
}

/** Calendar days from `from` to `to` (`to - from`): positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(toZonelessDate(to), toZonelessDate(from));
}

/** Weekday of `date`: 0 = Sunday … 6 = Saturday (same numbering as campaign contact days). */
export function weekdayOf(date: CalendarDate): Weekday {
  return toZonelessDate(date).getDay() as Weekday;
}

/** The Monday that starts the week of `date` (weeks run Monday to Sunday). */
export function startOfWeek(date: CalendarDate): CalendarDate {
  return fromZonelessDate(startOfCalendarWeek(toZonelessDate(date), { weekStartsOn: 1 }));
}

/** The later of two calendar dates. */
export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return daysBetween(a, b) > 0 ? b : a;
}
