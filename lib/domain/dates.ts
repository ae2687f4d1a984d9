/**
 * A calendar date as "YYYY-MM-DD": a day in the seeker's own time zone, with no time and no zone.
 * Instants (`Date`) become calendar dates only through `dateOf`/`todayIn`, which take the zone.
 */
export type CalendarDate = string;

/** Day of the week as `Date#getDay` numbers it: 0 = Sunday, 1 = Monday, …, 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// These run for every lead on every page, so they avoid building zoned date objects:
// a day cut loose from its instant has no zone, and its arithmetic is done on UTC midnights
// (UTC has no daylight-saving changes, so "plus one day" is always exactly the next date);
// an instant becomes a day through the runtime's own time-zone data (Intl), one formatter per zone.

/** True when `value` is a real date written as "YYYY-MM-DD" (rejects "2025-02-30"). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days since 1970-01-01 for a calendar date. */
function dayNumber(value: CalendarDate): number {
  const known = dayNumbers.get(value);
  if (known !== undefined) return known;
  if (!isCalendarDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${value}"`);
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps them as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return remember(dayNumbers, value, Math.round(date.getTime() / DAY_MS));
}

function fromDayNumber(days: number): CalendarDate {
  return calendarDates.get(days) ?? remember(calendarDates, days, new Date(days * DAY_MS).toISOString().slice(0, 10));
}

// A page works on the same few hundred dates over and over (the Clients page on thousands of
// figures): both conversions are remembered, up to a bound, so each date is parsed once.
const dayNumbers = new Map<CalendarDate, number>();
const calendarDates = new Map<number, CalendarDate>();
const REMEMBERED_DATES = 10_000;

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= REMEMBERED_DATES) memo.clear();
  memo.set(key, value);
  return value;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of a zone, to the second (hours 0–23). */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `time` (ms since 1970), from Intl. */
function offsetFromIntl(time: number, timeZone: string): number {
  const second = Math.floor(time / 1000) * 1000;
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(second))) fields[part.type] = Number(part.value);
  // setUTCFullYear keeps years 0–99 as written (Date.UTC maps them to 1900–1999).
  const wall = new Date(0);
  wall.setUTCFullYear(fields.year!, fields.month! - 1, fields.day!);
  wall.setUTCHours(fields.hour!, fields.minute!, fields.second!);
  return wall.getTime() - second;
}

/**
 * Each zone's offset on each UTC day it keeps one offset all day (null on a day it changes):
 * a page turns hundreds of instants into dates, and Intl is slow; a day whose offset is the same
 * at its first and last millisecond has no change in it (zones change at most once a day).
 */
const dayOffsets = new Map<string, Map<number, number | null>>();

function offsetAt(time: number, timeZone: string): number {
  const day = Math.floor(time / DAY_MS);
  let offsets = dayOffsets.get(timeZone);
  if (!offsets) dayOffsets.set(timeZone, (offsets = new Map()));
  let offset = offsets.get(day);
  if (offset === undefined) {
    const first = offsetFromIntl(day * DAY_MS, timeZone);
    offset = remember(offsets, day, first === offsetFromIntl((day + 1) * DAY_MS - 1, timeZone) ? first : null);
  }
  return offset ?? offsetFromIntl(time, timeZone);
}

/** The calendar date, in `timeZone` (IANA name), on which `instant` falls. */
export function dateOf(instant: Date, timeZone: string): CalendarDate {
  const time = instant.getTime();
  return fromDayNumber(Math.floor((time + offsetAt(time, timeZone)) / DAY_MS));
}

/** Today in the seeker's zone; `now` is a parameter so callers (and tests) control the clock. */
export function todayIn(now: Date, timeZone: string): CalendarDate {
  return dateOf(now, timeZone);
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (`to - from`): positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Weekday of `date`: 0 = Sunday … 6 = Saturday (same numbering as campaign contact days). */
export function weekdayOf(date: CalendarDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7 as Weekday;
}

/** The Monday that starts the week of `date` (weeks run Monday to Sunday). */
export function startOfWeek(date: CalendarDate): CalendarDate {
  const days = dayNumber(date);
  const sinceMonday = (weekdayOf(date) + 6) % 7;
  return fromDayNumber(days - sinceMonday);
}

/** The later of two calendar dates. */
export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return daysBetween(a, b) > 0 ? b : a;
}

/**
 * The first contact day strictly after `date`. `contactDays` are weekdays 0 = Sunday … 6 =
 * Saturday (the campaign's); at least one is needed.
 */
export function nextContactDayAfter(date: CalendarDate, contactDays: readonly number[]): CalendarDate {
  if (!contactDays.some((day) => Number.isInteger(day) && day >= 0 && day <= 6)) {
    throw new RangeError("a seeker needs at least one contact day (0 = Sunday … 6 = Saturday)");
  }
  let day = addDays(date, 1);
  while (!contactDays.includes(weekdayOf(day))) day = addDays(day, 1);
  return day;
}
