import { addDays, dateOf, todayIn, type CalendarDate } from "@/lib/domain";

/**
 * How the seeker's clock reads: "14:05" (h23) or "2:05 PM" (h12), as their browser's locale shows
 * times (its date and time pickers included). Taken from the request's Accept-Language
 * (lib/server/hour-cycle.ts); dates stay in British English whatever it is.
 */
export type HourCycle = "h12" | "h23";

/** The hour cycle of the first language of an Accept-Language header that Intl knows; "h23" without one. */
export function hourCycleOf(acceptLanguage: string | null | undefined): HourCycle {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]!.trim();
    if (!tag || tag === "*") continue;
    try {
      const [locale] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
      if (!locale) continue;
      const cycle = new Intl.DateTimeFormat(locale, { hour: "numeric" }).resolvedOptions().hourCycle;
      return cycle === "h11" || cycle === "h12" ? "h12" : "h23";
    } catch {
      // Not a language tag: the next one, if any.
    }
  }
  return "h23";
}

/** The date styles of the app, all in British English ("Wed 5 Mar"), each shown in a given zone. */
const STYLES = {
  /** "Wed 5 Mar" */
  day: { weekday: "short", day: "numeric", month: "short" },
  /** "14:05" */
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  /** "2:05 PM", as a browser in US English shows it */
  time12: { hour: "numeric", minute: "2-digit", hourCycle: "h12" },
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
    // "PM" as pickers write it (British English would say "pm").
    found = new Intl.DateTimeFormat(style === "time12" ? "en-US" : "en-GB", { ...STYLES[style], timeZone });
    formatters.set(key, found);
  }
  return found;
}

// A page names the same few dates on many rows: each is written once, up to a bound.
const dayNames = new Map<CalendarDate, string>();

/** "Wed 5 Mar" for a calendar date (no zone: it is already the seeker's day). */
export function formatDay(date: CalendarDate): string {
  let name = dayNames.get(date);
  if (name === undefined) {
    if (dayNames.size >= 10_000) dayNames.clear();
    name = formatter("day", "UTC").format(new Date(`${date}T12:00:00Z`));
    dayNames.set(date, name);
  }
  return name;
}

/** "5 Mar 2025" in the given zone (the runtime's own zone when none is given, as in the browser). */
export function formatDate(instant: Date, timeZone?: string): string {
  return formatter("date", timeZone).format(instant);
}

/** "Wednesday, 5 March 2025" in the given zone. */
export function formatLongDate(instant: Date, timeZone: string): string {
  return formatter("longDate", timeZone).format(instant);
}

/** "14:05" or "2:05 PM" in the given zone: every time of day the app shows is written here. */
export function formatTime(instant: Date, timeZone: string, hourCycle: HourCycle = "h23"): string {
  return formatter(hourCycle === "h12" ? "time12" : "time", timeZone).format(instant);
}

/** A whole hour of the day (0–23) on the seeker's clock: "07:00" or "7:00 AM" (the digest's hour). */
export function formatHour(hour: number, hourCycle: HourCycle = "h23"): string {
  return formatTime(new Date(Date.UTC(2000, 0, 1, hour)), "UTC", hourCycle);
}

/** "Wed 5 Mar 2025, 14:05" in the given zone: unambiguous at any distance (timelines, notes, checks). */
export function formatInstant(instant: Date, timeZone: string, hourCycle: HourCycle = "h23"): string {
  const day = dateOf(instant, timeZone);
  return `${formatDay(day)} ${day.slice(0, 4)}, ${formatTime(instant, timeZone, hourCycle)}`;
}

/** "today, 14:05", "yesterday, 09:30", "Mon 3 Mar, 14:05", or "3 Mar 2024" in an earlier year; in the seeker's zone. */
export function describeWhen(instant: Date, now: Date, timeZone: string, hourCycle: HourCycle = "h23"): string {
  const day = dateOf(instant, timeZone);
  const today = todayIn(now, timeZone);
  if (day.slice(0, 4) !== today.slice(0, 4)) return formatDate(instant, timeZone);
  const time = formatTime(instant, timeZone, hourCycle);
  if (day === today) return `today, ${time}`;
  if (day === addDays(today, -1)) return `yesterday, ${time}`;
  return `${formatDay(day)}, ${time}`;
}
