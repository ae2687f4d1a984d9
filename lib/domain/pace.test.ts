import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TZDate } from "@date-fns/tz";
import { dateOf, daysBetween, type CalendarDate } from "./dates";
import { CHANNELS, DIRECTIONS, isTooSoon, type Channel, type Direction, type TouchFact } from "./pace";

/*
 * The pace of a lead is leadPace's (lead-pace.test.ts). What is left here is the warning before
 * saving a touch that db/queries/touches.ts still asks (isTooSoon, deprecated for isTooSoonAfter).
 */

const ZONES = [
  "Pacific/Auckland",
  "America/St_Johns",
  "Asia/Kathmandu",
  "Europe/London",
  "America/Los_Angeles",
] as const;

const LA = "America/Los_Angeles";

/** The instant of a wall-clock time on a calendar date in a zone. */
function local(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, hour, minute, timeZone);
}

function touch(at: Date, channel: Channel = "email", direction: Direction = "outbound"): TouchFact {
  return { at, channel, direction };
}

describe("isTooSoon", () => {
  const monday9 = touch(local("2025-03-03", 9, 0, LA));

  it("flags an outbound touch 2 calendar days after the previous one, not 3", () => {
    expect(isTooSoon([monday9], touch(local("2025-03-05", 20, 0, LA), "phone"), LA)).toBe(true);
    expect(isTooSoon([monday9], touch(local("2025-03-06", 8, 0, LA), "phone"), LA)).toBe(false); // < 72 h
    const mondayLate = touch(local("2025-03-03", 23, 59, LA));
    expect(isTooSoon([mondayLate], touch(local("2025-03-05", 0, 1, LA)), LA)).toBe(true);
    expect(isTooSoon([monday9], touch(local("2025-03-03", 15, 0, LA)), LA)).toBe(true);
  });

  it("counts days in the seeker's zone", () => {
    const previous = touch(new Date("2025-03-03T07:00:00Z")); // Sunday 23:00 in LA, Monday in UTC
    const candidate = touch(new Date("2025-03-05T20:00:00Z")); // Wednesday in both
    expect(isTooSoon([previous], candidate, LA)).toBe(false);
    expect(isTooSoon([previous], candidate, "UTC")).toBe(true);
  });

  it("is reset by an inbound touch between the two", () => {
    const reply = touch(local("2025-03-04", 9, 0, LA), "email", "inbound");
    const candidate = touch(local("2025-03-04", 11, 0, LA));
    expect(isTooSoon([monday9, reply], candidate, LA)).toBe(false);
    const replyBefore = touch(local("2025-03-02", 9, 0, LA), "email", "inbound");
    expect(isTooSoon([replyBefore, monday9], candidate, LA)).toBe(true);
  });

  it("never flags an inbound touch or a first outbound touch", () => {
    expect(isTooSoon([monday9], touch(local("2025-03-03", 10, 0, LA), "email", "inbound"), LA)).toBe(false);
    expect(isTooSoon([], monday9, LA)).toBe(false);
    expect(isTooSoon([touch(local("2025-03-02", 9, 0, LA), "email", "inbound")], monday9, LA)).toBe(false);
  });

  it("compares a backdated touch with the touches before it only", () => {
    const later = touch(local("2025-03-10", 9, 0, LA));
    expect(isTooSoon([later, monday9], touch(local("2025-03-04", 9, 0, LA)), LA)).toBe(true);
    expect(isTooSoon([later, monday9], touch(local("2025-03-07", 9, 0, LA)), LA)).toBe(false);
  });

});

const RUNS = { numRuns: 300 };
const RANGE = { min: new Date("2024-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z") };
const instants = fc.date({ ...RANGE, noInvalidDate: true });
const zones = fc.constantFrom(...ZONES);
const touches = fc.record({
  at: instants,
  channel: fc.constantFrom(...CHANNELS),
  direction: fc.constantFrom(...DIRECTIONS),
});

describe("too-soon properties", () => {
  it("an outbound touch 3 or more calendar days after every earlier touch is never too soon", () => {
    fc.assert(
      fc.property(fc.array(touches, { maxLength: 6 }), instants, zones, (history, candidateAt, zone) => {
        const candidateDate = dateOf(candidateAt, zone);
        const earlier = history.filter((t) => daysBetween(dateOf(t.at, zone), candidateDate) >= 3);
        expect(isTooSoon(earlier, touch(candidateAt), zone)).toBe(false);
      }),
      RUNS,
    );
  });
});
