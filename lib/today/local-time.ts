import { TZDate } from "@date-fns/tz";
import { lightFormat } from "date-fns";

/** The value of an `<input type="datetime-local">`: "YYYY-MM-DDTHH:mm" (seconds optional). */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The earliest touch the app accepts: nothing in a job search is logged from before 2000. */
export const EARLIEST_TOUCH = new Date("2000-01-01T00:00:00Z");

/**
 * `instant` as a datetime-local value in `timeZone` (minutes, no seconds). lightFormat, not format:
 * the same patterns without a locale, which the touch forms would otherwise load in the browser.
 */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  return lightFormat(new TZDate(instant, timeZone), "yyyy-MM-dd'T'HH:mm");
}

/**
 * The instant a datetime-local value names in `timeZone`, or null when it is not a real date and
 * time ("2025-02-30T10:00"). A time skipped by a daylight-saving change moves forward, as clocks do.
 */
export function fromLocalDateTime(value: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  if (month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second > 59) return null;
  const local = new TZDate(year!, month! - 1, day!, hour!, minute!, second, timeZone);
  if (local.getFullYear() !== year || local.getMonth() !== month! - 1 || local.getDate() !== day) return null;
  return new Date(local.getTime());
}
