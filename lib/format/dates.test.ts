import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeWhen, formatDate, formatDay, formatHour, formatInstant, formatLongDate, formatTime, hourCycleOf } from "./dates";

describe("dates", () => {
  it("names a calendar day", () => {
    expect(formatDay("2025-03-05")).toBe("Wed 5 Mar");
    expect(formatDay("2024-12-31")).toBe("Tue 31 Dec");
  });

  it("writes a date and an instant in the seeker's zone", () => {
    const instant = new Date("2025-03-05T23:30:00Z");
    expect(formatDate(instant, "Asia/Tokyo")).toBe("6 Mar 2025");
    expect(formatDate(instant, "America/New_York")).toBe("5 Mar 2025");
    expect(formatLongDate(instant, "Asia/Tokyo")).toBe("Thursday, 6 March 2025");
    expect(formatInstant(instant, "Asia/Tokyo")).toBe("Thu 6 Mar 2025, 08:30");
    expect(formatInstant(instant, "America/New_York")).toBe("Wed 5 Mar 2025, 18:30");
    expect(formatInstant(new Date("2024-12-31T23:05:00Z"), "UTC")).toBe("Tue 31 Dec 2024, 23:05");
  });

  it("says when a touch was, in the seeker's zone", () => {
    // Wednesday 5 March 2025, 10:00 in Paris.
    const now = new Date("2025-03-05T09:00:00Z");
    expect(describeWhen(new Date("2025-03-05T07:05:00Z"), now, "Europe/Paris")).toBe("today, 08:05");
    // 23:30 UTC on the 4th is already the 5th in Kathmandu.
    expect(describeWhen(new Date("2025-03-04T23:30:00Z"), now, "Asia/Kathmandu")).toBe("today, 05:15");
    expect(describeWhen(new Date("2025-03-04T17:00:00Z"), now, "Europe/Paris")).toBe("yesterday, 18:00");
    expect(describeWhen(new Date("2025-02-20T13:00:00Z"), now, "Europe/Paris")).toBe("Thu 20 Feb, 14:00");
    expect(describeWhen(new Date("2024-11-02T13:00:00Z"), now, "Europe/Paris")).toBe("2 Nov 2024");
  });
});

describe("times on the seeker's clock", () => {
  const evening = new Date("2025-03-05T21:03:00Z");

  it("writes a time as the browser's language does: 24-hour or 12-hour, in the seeker's zone", () => {
    expect(formatTime(evening, "UTC")).toBe("21:03");
    expect(formatTime(evening, "UTC", "h12")).toBe("9:03 PM");
    expect(formatTime(evening, "Asia/Kolkata", "h12")).toBe("2:33 AM");
    expect(formatInstant(evening, "Europe/London", "h12")).toBe("Wed 5 Mar 2025, 9:03 PM");
    expect(describeWhen(evening, new Date("2025-03-05T22:00:00Z"), "Europe/London", "h12")).toBe("today, 9:03 PM");
    expect(describeWhen(evening, new Date("2025-03-05T22:00:00Z"), "Europe/London")).toBe("today, 21:03");
  });

  it("writes the digest's hours the same way", () => {
    expect(formatHour(0)).toBe("00:00");
    expect(formatHour(7)).toBe("07:00");
    expect(formatHour(0, "h12")).toBe("12:00 AM");
    expect(formatHour(7, "h12")).toBe("7:00 AM");
    expect(formatHour(22, "h12")).toBe("10:00 PM");
  });

  it("takes the hour cycle from the first language of Accept-Language that it knows", () => {
    expect(hourCycleOf("en-US,en;q=0.9")).toBe("h12");
    expect(hourCycleOf("en-GB,en;q=0.9")).toBe("h23");
    expect(hourCycleOf("de-DE")).toBe("h23");
    expect(hourCycleOf("hi-IN,en;q=0.5")).toBe("h12");
    expect(hourCycleOf("ja")).toBe("h23");
    expect(hourCycleOf("*")).toBe("h23");
    expect(hourCycleOf("not a tag!!, en-US")).toBe("h12");
    expect(hourCycleOf("")).toBe("h23");
    expect(hourCycleOf(null)).toBe("h23");
  });

  it("writes every hour of any zone in the cycle asked for", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }), fc.constantFrom("UTC", "America/St_Johns", "Asia/Kathmandu", "Pacific/Kiritimati"), (instant, zone) => {
        expect(formatTime(instant, zone)).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(formatTime(instant, zone, "h12")).toMatch(/^(1[0-2]|[1-9]):[0-5]\d [AP]M$/);
      }),
    );
  });
});
