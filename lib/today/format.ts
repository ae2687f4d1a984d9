import { addDays, dateOf, todayIn, type CalendarDate } from "@/lib/domain";

// Intl formatters are costly to make and cheap to use: one per zone and style, kept for reuse.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, style: "day" | "time" | "dayOfYear"): Intl.DateTimeFormat {
  const key = `${style} ${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Record<typeof style, Intl.DateTimeFormatOptions> = {
      day: { weekday: "short", day: "numeric", month: "short" },
      time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
      dayOfYear: { day: "numeric", month: "short", year: "numeric" },
    };
    found = new Intl.DateTimeFormat("en-GB", { ...options[style], timeZone });
    formatters.set(key, found);
  }
  return found;
}

/** "Wed 5 Mar" for a calendar date (no zone: it is already the seeker's day). */
export function formatDay(date: CalendarDate): string {
  return formatter("UTC", "day").format(new Date(`${date}T12:00:00Z`));
}

/** "today, 14:05", "yesterday, 09:30", "Mon 3 Mar, 14:05", or "3 Mar 2024" in an earlier year; in the seeker's zone. */
export function describeWhen(instant: Date, now: Date, timeZone: string): string {
  const day = dateOf(instant, timeZone);
  const today = todayIn(now, timeZone);
  if (day.slice(0, 4) !== today.slice(0, 4)) return formatter(timeZone, "dayOfYear").format(instant);
  const time = formatter(timeZone, "time").format(instant);
  if (day === today) return `today, ${time}`;
  if (day === addDays(today, -1)) return `yesterday, ${time}`;
  return `${formatDay(day)}, ${time}`;
}

/** "1 day", "3 days". */
export function days(count: number): string {
  return `${count} ${count === 1 ? "day" : "days"}`;
}
