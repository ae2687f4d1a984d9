import { addDays, dateOf, todayIn, type CalendarDate } from "@/lib/domain";

/** The date styles of the app, all in British English ("Wed 5 Mar"), each shown in a given zone. */
const STYLES = {
  /** "Wed 5 Mar" */
  day: { weekday: "short", day: "numeric", month: "short" },
  /** "14:05" */
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  /** "5 Mar 2025" */
  date: { day: "numeric", month: "short", year: "numeric" },
  /** "Wednesday, 5 March 2025" */
  longDate: { dateStyle: "full" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type Style = keyof typeof STYLES;

// Intl formatters are costly to make and cheap to use: one per zone and style, kept for reuse.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: Style, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${style} ${timeZone ?? ""}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat("en-GB", { ...STYLES[style], timeZone });
    formatters.set(key, found);
  }
  return found;
}

/** "Wed 5 Mar" for a calendar date (no zone: it is already the seeker's day). */
export function formatDay(date: CalendarDate): string {
  return formatter("day", "UTC").format(new Date(`${date}T12:00:00Z`));
}

/** "5 Mar 2025" in the given zone (the runtime's own zone when none is given, as in the browser). */
export function formatDate(instant: Date, timeZone?: string): string {
  return formatter("date", timeZone).format(instant);
}

/** "Wednesday, 5 March 2025" in the given zone. */
export function formatLongDate(instant: Date, timeZone: string): string {
  return formatter("longDate", timeZone).format(instant);
}

/** "Wed 5 Mar 2025, 14:05" in the given zone: unambiguous at any distance (timelines, notes, checks). */
export function formatInstant(instant: Date, timeZone: string): string {
  const day = dateOf(instant, timeZone);
  return `${formatDay(day)} ${day.slice(0, 4)}, ${formatter("time", timeZone).format(instant)}`;
}

/** "today, 14:05", "yesterday, 09:30", "Mon 3 Mar, 14:05", or "3 Mar 2024" in an earlier year; in the seeker's zone. */
export function describeWhen(instant: Date, now: Date, timeZone: string): string {
  const day = dateOf(instant, timeZone);
  const today = todayIn(now, timeZone);
  if (day.slice(0, 4) !== today.slice(0, 4)) return formatDate(instant, timeZone);
  const time = formatter("time", timeZone).format(instant);
  if (day === today) return `today, ${time}`;
  if (day === addDays(today, -1)) return `yesterday, ${time}`;
  return `${formatDay(day)}, ${time}`;
}
