import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { todayIn, weekdayOf } from "@/lib/domain/dates";
import { fromLocalDateTime } from "@/lib/today/local-time";
import { digestDayDue, digestHourHasCome, formatDigestHour, isContactDay, localHour } from "./schedule";

const zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "America/Los_Angeles", "UTC", "Australia/Lord_Howe"];
const at = (local: string, timeZone: string) => fromLocalDateTime(local, timeZone)!;

describe("the digest's hour", () => {
  it("has come at the hour and after it, in the seeker's zone, not before", () => {
    expect(digestHourHasCome({ now: at("2026-03-02T06:59", "Europe/London"), timeZone: "Europe/London", digestHour: 7 })).toBe(false);
    expect(digestHourHasCome({ now: at("2026-03-02T07:00", "Europe/London"), timeZone: "Europe/London", digestHour: 7 })).toBe(true);
    expect(digestHourHasCome({ now: at("2026-03-02T23:30", "Europe/London"), timeZone: "Europe/London", digestHour: 7 })).toBe(true);
    // 07:00 in New York is 12:00 in London: the London clock says nothing about it.
    const newYorkSeven = at("2026-03-02T07:00", "America/New_York");
    expect(digestHourHasCome({ now: newYorkSeven, timeZone: "America/New_York", digestHour: 8 })).toBe(false);
    expect(digestHourHasCome({ now: newYorkSeven, timeZone: "Asia/Kolkata", digestHour: 8 })).toBe(true);
  });

  it("follows daylight-saving changes (the hour is the clock's on that day)", () => {
    // London moved to summer time on 29 March 2026: 07:00 local is 06:00 UTC that day.
    const now = new Date("2026-03-29T06:00:00Z");
    expect(localHour(now, "Europe/London")).toBe(7);
    expect(digestHourHasCome({ now, timeZone: "Europe/London", digestHour: 7 })).toBe(true);
    expect(digestHourHasCome({ now: new Date("2026-03-29T05:59:00Z"), timeZone: "Europe/London", digestHour: 7 })).toBe(false);
  });

  it("is the local hour for every instant and zone (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (now, timeZone, digestHour) => {
          const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now));
          expect(localHour(now, timeZone)).toBe(hour);
          expect(digestHourHasCome({ now, timeZone, digestHour })).toBe(hour >= digestHour);
        },
      ),
    );
  });

  it("writes hours as a clock does", () => {
    expect(formatDigestHour(7)).toBe("07:00");
    expect(formatDigestHour(0)).toBe("00:00");
    expect(formatDigestHour(23)).toBe("23:00");
  });
});

describe("contact days", () => {
  it("are weekdays of today in the seeker's zone", () => {
    // Monday 2 March 2026, 23:30 in New York, is already Tuesday in London.
    const now = at("2026-03-02T23:30", "America/New_York");
    expect(isContactDay({ now, timeZone: "America/New_York", contactDays: [1] })).toBe(true);
    expect(isContactDay({ now, timeZone: "Europe/London", contactDays: [1] })).toBe(false);
    expect(isContactDay({ now, timeZone: "Europe/London", contactDays: [2] })).toBe(true);
  });

  it("a digest is due on a contact day once the hour came, for that local day (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        (now, timeZone, digestHour, contactDays) => {
          const today = todayIn(now, timeZone);
          const expected = contactDays.includes(weekdayOf(today)) && localHour(now, timeZone) >= digestHour ? today : null;
          expect(digestDayDue({ now, timeZone, digestHour, contactDays })).toBe(expected);
          // Never for another day than today there.
          expect([null, today]).toContain(digestDayDue({ now, timeZone, digestHour, contactDays }));
        },
      ),
    );
  });
});
