import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  dateOf,
  daysBetween,
  isCalendarDate,
  laterOf,
  startOfWeek,
  todayIn,
  weekdayOf,
} from "./dates";

const ZONES = [
  "Pacific/Auckland",
  "America/St_Johns",
  "Asia/Kathmandu",
  "Europe/London",
  "America/Los_Angeles",
] as const;

/** Independent oracle: the calendar date of an instant in a zone, as Intl formats it. */
function intlDateOf(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

const calendarDates = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("dateOf / todayIn", () => {
  it("takes the date in the given zone, not in UTC", () => {
    const instant = new Date("2025-03-03T10:30:00Z");
    expect(dateOf(instant, "Pacific/Auckland")).toBe("2025-03-03"); // 23:30 NZDT
    expect(dateOf(new Date("2025-03-03T11:00:00Z"), "Pacific/Auckland")).toBe("2025-03-04"); // 00:00 NZDT
    expect(dateOf(new Date("2025-03-04T07:59:00Z"), "America/Los_Angeles")).toBe("2025-03-03"); // 23:59 PST
  });

  it("handles zones with half- and quarter-hour offsets", () => {
    expect(dateOf(new Date("2025-03-03T18:14:00Z"), "Asia/Kathmandu")).toBe("2025-03-03"); // 23:59 +05:45
    expect(dateOf(new Date("2025-03-03T18:15:00Z"), "Asia/Kathmandu")).toBe("2025-03-04"); // 00:00
    expect(dateOf(new Date("2025-01-01T03:29:00Z"), "America/St_Johns")).toBe("2024-12-31"); // 23:59 -03:30
    expect(dateOf(new Date("2025-01-01T03:30:00Z"), "America/St_Johns")).toBe("2025-01-01");
  });

  it("todayIn is the date of now in the zone", () => {
    const now = new Date("2025-06-30T23:30:00Z");
    expect(todayIn(now, "Europe/London")).toBe("2025-07-01"); // 00:30 BST
    expect(todayIn(now, "America/Los_Angeles")).toBe("2025-06-30");
  });

  it("agrees with Intl for any instant in the tested zones", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (instant, zone) => {
          expect(dateOf(instant, zone)).toBe(intlDateOf(instant, zone));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("agrees with Intl on the days a zone changes its clock, minute by minute around the change", () => {
    // Offsets are remembered per UTC day; a day with a change is read instant by instant.
    const changes = [
      ["America/Los_Angeles", "2025-03-09T10:00:00Z"],
      ["America/Los_Angeles", "2025-11-02T09:00:00Z"],
      ["Europe/Paris", "2025-03-30T01:00:00Z"],
      ["Pacific/Auckland", "2025-04-05T14:00:00Z"],
      ["Pacific/Auckland", "2025-09-27T14:00:00Z"],
      ["America/St_Johns", "2025-03-09T05:30:00Z"],
    ] as const;
    for (const [zone, change] of changes) {
      for (let minutes = -26 * 60; minutes <= 26 * 60; minutes += 7) {
        const instant = new Date(new Date(change).getTime() + minutes * 60_000);
        expect(dateOf(instant, zone), `${zone} ${instant.toISOString()}`).toBe(intlDateOf(instant, zone));
      }
    }
  });
});

describe("calendar arithmetic", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(addDays("2025-03-30", 7)).toBe("2025-04-06"); // a DST week in Europe: still 7 dates on
  });

  it("counts days from the first date to the second", () => {
    expect(daysBetween("2025-03-03", "2025-03-10")).toBe(7);
    expect(daysBetween("2025-03-10", "2025-03-03")).toBe(-7);
    expect(daysBetween("2025-03-03", "2025-03-03")).toBe(0);
    expect(daysBetween("2024-12-31", "2025-03-01")).toBe(60);
  });

  it("numbers weekdays 0 = Sunday to 6 = Saturday", () => {
    expect(weekdayOf("2025-03-02")).toBe(0);
    expect(weekdayOf("2025-03-03")).toBe(1);
    expect(weekdayOf("2025-03-08")).toBe(6);
  });

  it("starts weeks on Monday", () => {
    expect(startOfWeek("2025-03-03")).toBe("2025-03-03");
    expect(startOfWeek("2025-03-09")).toBe("2025-03-03"); // Sunday ends the week
    expect(startOfWeek("2025-01-01")).toBe("2024-12-30");
  });

  it("picks the later date", () => {
    expect(laterOf("2025-03-03", "2025-02-28")).toBe("2025-03-03");
    expect(laterOf("2025-02-28", "2025-03-03")).toBe("2025-03-03");
  });

  it("addDays and daysBetween are inverse", () => {
    fc.assert(
      fc.property(calendarDates, fc.integer({ min: -2000, max: 2000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
        expect(addDays(addDays(date, days), -days)).toBe(date);
      }),
      { numRuns: 300 },
    );
  });

  it("startOfWeek is the Monday at most six days before", () => {
    fc.assert(
      fc.property(calendarDates, (date) => {
        const monday = startOfWeek(date);
        expect(weekdayOf(monday)).toBe(1);
        expect(daysBetween(monday, date)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(monday, date)).toBeLessThanOrEqual(6);
      }),
      { numRuns: 300 },
    );
  });
});

describe("calendar date validation", () => {
  it("accepts only real dates written YYYY-MM-DD", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("2025-13-01")).toBe(false);
    expect(isCalendarDate("2025-3-1")).toBe(false);
    expect(isCalendarDate("2025-03-01T00:00:00Z")).toBe(false);
    expect(isCalendarDate("")).toBe(false);
  });

  it("refuses to compute with a malformed date", () => {
    expect(() => addDays("2025-02-30", 1)).toThrow(RangeError);
    expect(() => daysBetween("03/01/2025", "2025-03-01")).toThrow(RangeError);
  });
});

describe("remembered conversions", () => {
  it("give the same dates past the bound of what is remembered (25,000 days on from 1990)", () => {
    let day = "1990-01-01";
    for (let i = 0; i < 25_000; i++) {
      const next = addDays(day, 1);
      expect(daysBetween(day, next)).toBe(1);
      day = next;
    }
    expect(day).toBe("2058-06-13");
    expect(addDays("2058-06-13", -25_000)).toBe("1990-01-01");
  });
});
