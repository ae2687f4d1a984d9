import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** "Wed 5 Mar 2025, 14:05" in the seeker's zone: a timeline entry, unambiguous at any distance. */
export function formatInstant(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "EEE d MMM yyyy, HH:mm");
}

/**
 * The number to dial: digits and a leading plus only ("+1 (202) 555-0100" → "tel:+12025550100"),
 * an extension written the RFC 3966 way ("… ext. 12" → ";ext=12").
 */
export function telHref(phone: string): string {
  const [, number = "", extension] = /^(.*?)(?:\s*(?:x|ext\.?)\s*(\d+))?$/i.exec(phone.trim()) ?? [];
  const digits = number.replace(/(?!^\+)[^\d]/g, "");
  return `tel:${digits}${extension ? `;ext=${extension}` : ""}`;
}
