import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { addDays, dateOf, todayIn, type CalendarDate } from "@/lib/domain";

/** "Wed 5 Mar" for a calendar date (no zone: it is already the seeker's day). */
export function formatDay(date: CalendarDate): string {
  return format(new TZDate(`${date}T12:00:00Z`, "UTC"), "EEE d MMM");
}

/** "today, 14:05", "yesterday, 09:30", "Mon 3 Mar, 14:05" or "3 Mar 2024" for older years, in the seeker's zone. */
export function describeWhen(instant: Date, now: Date, timeZone: string): string {
  const day = dateOf(instant, timeZone);
  const today = todayIn(now, timeZone);
  const time = format(new TZDate(instant, timeZone), "HH:mm");
  if (day === today) return `today, ${time}`;
  if (day === addDays(today, -1)) return `yesterday, ${time}`;
  if (day.slice(0, 4) !== today.slice(0, 4)) return format(new TZDate(instant, timeZone), "d MMM yyyy");
  return `${formatDay(day)}, ${time}`;
}

/** "1 day", "3 days". */
export function days(count: number): string {
  return `${count} ${count === 1 ? "day" : "days"}`;
}
