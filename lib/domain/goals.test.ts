import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TZDate } from "@date-fns/tz";
import { addDays, type CalendarDate } from "./dates";
import { DEFAULT_GOALS, goalProgress, streak, type Goals } from "./goals";
import { DIRECTIONS, type Direction } from "./pace";

const LA = "America/Los_Angeles";
const WEEKDAYS = [1, 2, 3, 4, 5];

function local(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, hour, minute, timeZone);
}

function touchOn(date: CalendarDate, direction: Direction = "outbound", hour = 10, timeZone = LA) {
  return { at: local(date, hour, 0, timeZone), direction };
}

/** One outbound touch on each date. */
function touchesOn(...dates: CalendarDate[]) {
  return dates.map((date) => touchOn(date));
}

describe("goalProgress", () => {
  const kathmandu = "Asia/Kathmandu";
  const now = local("2025-03-05", 18, 0, kathmandu); // a Wednesday

  it("counts today's and this week's outbound touches against the goals", () => {
    const touches = [
      touchOn("2025-03-05", "outbound", 9, kathmandu),
      touchOn("2025-03-05", "outbound", 11, kathmandu),
      touchOn("2025-03-05", "inbound", 12, kathmandu), // their reply is not the seeker's effort
      touchOn("2025-03-03", "outbound", 0, kathmandu), // Monday 00:00: this week
      touchOn("2025-03-02", "outbound", 23, kathmandu), // Sunday: last week
    ];
    expect(goalProgress({ touches, goals: DEFAULT_GOALS, now, timeZone: kathmandu })).toEqual({
      today: 2,
      thisWeek: 3,
      dailyGoal: 1,
      weeklyGoal: 5,
    });
  });

  it("takes days and weeks in the seeker's zone", () => {
    // 2025-03-02T18:20Z is Sunday in UTC but Monday 00:05 in Kathmandu.
    const touches = [{ at: new Date("2025-03-02T18:20:00Z"), direction: "outbound" as const }];
    const goals = { dailyTouches: 2, weeklyTouches: 10 };
    expect(goalProgress({ touches, goals, now, timeZone: kathmandu })).toMatchObject({ thisWeek: 1, weeklyGoal: 10 });
    expect(goalProgress({ touches, goals, now, timeZone: "UTC" })).toMatchObject({ thisWeek: 0 });
  });

  it("is zero with no touches", () => {
    expect(goalProgress({ touches: [], goals: DEFAULT_GOALS, now, timeZone: LA })).toMatchObject({ today: 0, thisWeek: 0 });
  });
});

describe("streak", () => {
  const friday = "2025-03-07";
  const streakOn = (touches: { at: Date; direction: Direction }[], today: CalendarDate, goals: Goals = DEFAULT_GOALS) =>
    streak({ touches, goals, contactDays: WEEKDAYS, now: local(today, 20, 0, LA), timeZone: LA });

  it("counts consecutive contact days on which the goal was met, today included once met", () => {
    const week = touchesOn("2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", friday);
    expect(streakOn(week, friday)).toBe(5);
  });

  it("does not let today break the streak before it is over", () => {
    const untilThursday = touchesOn("2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06");
    expect(streakOn(untilThursday, friday)).toBe(4);
  });

  it("is broken by a contact day without the goal met", () => {
    const gapOnTuesday = touchesOn("2025-03-03", "2025-03-05", "2025-03-06");
    expect(streakOn(gapOnTuesday, friday)).toBe(2);
  });

  it("skips the weekend: neither counted nor breaking", () => {
    const aroundWeekend = touchesOn("2025-03-06", friday, "2025-03-10");
    expect(streakOn(aroundWeekend, "2025-03-10")).toBe(3);
    expect(streakOn([...aroundWeekend, ...touchesOn("2025-03-08", "2025-03-09")], "2025-03-10")).toBe(3);
    // Seen from the Sunday, today is not a contact day and the streak runs through Friday.
    expect(streakOn(touchesOn("2025-03-06", friday), "2025-03-09")).toBe(2);
  });

  it("needs the full daily goal on each day", () => {
    const goals = { dailyTouches: 2, weeklyTouches: 10 };
    const touches = [
      ...touchesOn("2025-03-04", "2025-03-04"),
      ...touchesOn("2025-03-05"), // only one: breaks
      ...touchesOn("2025-03-06", "2025-03-06"),
      ...touchesOn(friday, friday),
    ];
    expect(streakOn(touches, friday, goals)).toBe(2);
    expect(streakOn(touches.slice(0, -1), friday, goals)).toBe(1); // today has 1 of 2: not over yet
  });

  it("counts only outbound touches", () => {
    const touches = [touchOn("2025-03-06"), touchOn(friday, "inbound")];
    expect(streakOn(touches, friday)).toBe(1);
  });

  it("is zero without touches or after a missed day", () => {
    expect(streakOn([], friday)).toBe(0);
    expect(streakOn(touchesOn("2025-03-04"), friday)).toBe(0);
  });

  it("places each touch on the seeker's own day", () => {
    // 23:30 on Thursday in Los Angeles is Friday in UTC, which would leave Thursday empty.
    const touches = [touchOn("2025-03-05"), touchOn("2025-03-06", "outbound", 23)];
    const now = local(friday, 20, 0, LA);
    expect(streak({ touches, goals: DEFAULT_GOALS, contactDays: WEEKDAYS, now, timeZone: LA })).toBe(2);
    expect(streak({ touches, goals: DEFAULT_GOALS, contactDays: WEEKDAYS, now, timeZone: "UTC" })).toBe(1);
  });

  it("refuses a daily goal below one", () => {
    expect(() => streakOn([], friday, { dailyTouches: 0, weeklyTouches: 5 })).toThrow(RangeError);
  });

  it("never drops when a touch is logged now", () => {
    const scenario = fc.record({
      days: fc.array(
        fc.record({ daysAgo: fc.integer({ min: 0, max: 30 }), direction: fc.constantFrom(...DIRECTIONS) }),
        { maxLength: 30 },
      ),
      dailyTouches: fc.integer({ min: 1, max: 3 }),
      contactDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
      today: fc.integer({ min: 0, max: 365 }).map((offset) => addDays("2025-01-01", offset)),
    });
    fc.assert(
      fc.property(scenario, ({ days, dailyTouches, contactDays, today }) => {
        const now = local(today, 20, 0, LA);
        const touches = days.map(({ daysAgo, direction }) => touchOn(addDays(today, -daysAgo), direction, 9));
        const goals = { dailyTouches, weeklyTouches: 5 };
        const before = streak({ touches, goals, contactDays, now, timeZone: LA });
        const after = streak({ touches: [...touches, { at: now, direction: "outbound" }], goals, contactDays, now, timeZone: LA });
        expect(after).toBeGreaterThanOrEqual(before);
        expect(after - before).toBeLessThanOrEqual(1);
        expect(before).toBeLessThanOrEqual(new Set(days.map((d) => d.daysAgo)).size);
      }),
      { numRuns: 300 },
    );
  });
});
