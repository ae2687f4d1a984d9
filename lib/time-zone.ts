import { z } from "zod";

/** The zone's canonical name in this runtime's time-zone data (aliases such as Etc/UTC fold to one name). */
export function canonicalTimeZone(timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function listTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone.")
  .max(64, "That time zone is not known.")
  .transform((zone, context) => {
    const canonical = canonicalTimeZone(zone);
    if (!canonical) {
      context.addIssue({ code: "custom", message: "That time zone is not known." });
      return z.NEVER;
    }
    return canonical;
  });
