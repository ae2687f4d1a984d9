import { describe, expect, it } from "vitest";
import { listTimeZones, timeZoneSchema } from "./time-zone";

describe("time zones", () => {
  it("keeps a zone in the form the settings list offers", () => {
    const offered = listTimeZones();
    for (const zone of ["Europe/Paris", "America/St_Johns", "Pacific/Auckland", "Asia/Kathmandu", "Etc/UTC", "UTC"]) {
      const parsed = timeZoneSchema.parse(zone);
      expect(offered).toContain(parsed);
    }
  });

  it("refuses an unknown or empty zone with a message", () => {
    expect(timeZoneSchema.safeParse("Mars/Olympus").error?.issues[0]?.message).toBe("That time zone is not known.");
    expect(timeZoneSchema.safeParse("").error?.issues[0]?.message).toBe("Choose a time zone.");
  });
});
