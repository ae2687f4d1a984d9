import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateOf, goalProgress, phoneShare, streak, todayIn, type TouchFact } from "@/lib/domain";
import { calendarDateOf, dayNumberOf, mondayOf, weekdayOfDay } from "./days";
import { clientMetrics, outboundInWeekOf, streakOf, touchesPerCampaignWeek, type ClientFacts } from "./metrics";

const day = dayNumberOf;

function facts(overrides: Partial<ClientFacts> = {}): ClientFacts {
  return {
    seekerId: "s1",
    name: "Sam",
    timeZone: "UTC",
    today: "2025-03-12",
    campaign: { startDate: "2025-03-03", firstContactsPerWeek: 5, contactDays: [1, 2, 3, 4, 5] },
    goals: { dailyTouches: 1, weeklyTouches: 5 },
    contactDays: [1, 2, 3, 4, 5],
    leads: { total: 12, contacted: 7, overdue: 2, cold: 1 },
    touches: { outbound: 7, phoneOutbound: 2, tooSoon: 1, lastAt: new Date("2025-03-11T15:00:00Z"), lastDay: "2025-03-11" },
    outboundByDay: [
      { day: day("2025-03-03"), outbound: 1 },
      { day: day("2025-03-04"), outbound: 2 },
      { day: day("2025-03-05"), outbound: 1 },
      { day: day("2025-03-07"), outbound: 1 },
      { day: day("2025-03-10"), outbound: 1 },
      { day: day("2025-03-11"), outbound: 1 },
    ],
    ...overrides,
  };
}

describe("day numbers", () => {
  it("round-trip calendar dates and know weekdays and Mondays", () => {
    expect(dayNumberOf("1970-01-01")).toBe(0);
    expect(calendarDateOf(dayNumberOf("2024-02-29"))).toBe("2024-02-29");
    expect(weekdayOfDay(day("2025-03-12"))).toBe(3); // a Wednesday
    expect(weekdayOfDay(day("1969-12-28"))).toBe(0); // a Sunday before day 0
    expect(calendarDateOf(mondayOf(day("2025-03-16")))).toBe("2025-03-10");
    expect(calendarDateOf(mondayOf(day("2025-03-10")))).toBe("2025-03-10");
  });
});

describe("clientMetrics", () => {
  it("gives the figures worked out by hand", () => {
    const metrics = clientMetrics(facts());
    expect(metrics).toMatchObject({
      // 12 leads at 5 a week: 3 weeks; 12 March is day 9 after 3 March: week 2.
      campaign: { week: 2, weeks: 3, contacted: 7, total: 12 },
      leadsContacted: 7,
      leadsTotal: 12,
      // Monday 10 and Tuesday 11; Wednesday 12 has none yet.
      touchesThisWeek: 2,
      weeklyGoal: 5,
      // Tue 11, Mon 10, (weekend skipped), Fri 7; Thu 6 had none. Today, still open, does not break it.
      streak: 3,
      overdue: 2,
      cold: 1,
      tooSoon: 1,
      phoneShare: 2 / 7,
      daysSinceLastTouch: 1,
      weeklyTouches: [
        { week: 1, touches: 5, upcoming: false },
        { week: 2, touches: 2, upcoming: false },
        { week: 3, touches: 0, upcoming: true },
      ],
    });
  });

  it("handles a client with no leads, no touches and no campaign", () => {
    const metrics = clientMetrics(
      facts({
        campaign: null,
        leads: { total: 0, contacted: 0, overdue: 0, cold: 0 },
        touches: { outbound: 0, phoneOutbound: 0, tooSoon: 0, lastAt: null, lastDay: null },
        outboundByDay: [],
      }),
    );
    expect(metrics).toMatchObject({
      campaign: null,
      leadsTotal: 0,
      touchesThisWeek: 0,
      streak: 0,
      phoneShare: 0,
      lastTouchAt: null,
      daysSinceLastTouch: null,
      weeklyTouches: null,
    });
  });

  it("shows a campaign that has not started as week 0 with every week upcoming", () => {
    const metrics = clientMetrics(facts({ today: "2025-03-01", leads: { total: 5, contacted: 0, overdue: 0, cold: 0 }, outboundByDay: [] }));
    expect(metrics.campaign?.week).toBe(0);
    expect(metrics.weeklyTouches).toEqual([{ week: 1, touches: 0, upcoming: true }]);
  });
});

describe("touchesPerCampaignWeek", () => {
  const perDay = new Map([
    [day("2025-01-01"), 3], // before the start: not in the campaign
    [day("2025-03-03"), 2],
    [day("2025-06-02"), 4],
  ]);

  it("runs on past the campaign's end to the current week", () => {
    const series = touchesPerCampaignWeek(perDay, { start: day("2025-03-03"), weeks: 3, today: day("2025-03-20") });
    expect(series.map((week) => week.week)).toEqual([1, 2, 3]);
    const later = touchesPerCampaignWeek(perDay, { start: day("2025-03-03"), weeks: 3, today: day("2025-03-31") });
    expect(later.map((week) => [week.week, week.touches])).toEqual([
      [1, 2],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 0],
    ]);
  });

  it("keeps a long campaign to 26 weeks around the current one", () => {
    const early = touchesPerCampaignWeek(perDay, { start: day("2025-03-03"), weeks: 40, today: day("2025-03-05") });
    expect([early[0]?.week, early.at(-1)?.week, early.length]).toEqual([1, 26, 26]);
    const late = touchesPerCampaignWeek(perDay, { start: day("2025-03-03"), weeks: 40, today: day("2025-09-01") });
    // 1 September is in week 27.
    expect([late[0]?.week, late.at(-1)?.week]).toEqual([2, 27]);
    expect(late.find((week) => week.week === 14)).toEqual({ week: 14, touches: 4, upcoming: false });
  });
});

// Day counts in a zone, as the coach query computes them in SQL.
function perDayIn(touches: readonly TouchFact[], timeZone: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const touch of touches) {
    if (touch.direction !== "outbound") continue;
    const key = dayNumberOf(dateOf(touch.at, timeZone));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const ZONES = ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kathmandu"];
const NOW = new Date("2025-03-12T09:30:00Z");
const touchArb = fc.record({
  at: fc.date({ min: new Date("2025-01-20T00:00:00Z"), max: new Date("2025-03-13T00:00:00Z"), noInvalidDate: true }),
  channel: fc.constantFrom("phone", "email", "linkedin"),
  direction: fc.constantFrom("outbound", "outbound", "inbound"),
}) as fc.Arbitrary<TouchFact>;

describe("per-day figures agree with lib/domain", () => {
  it("this week's count equals goalProgress and the streak equals streak, in any zone", () => {
    fc.assert(
      fc.property(
        fc.array(touchArb, { maxLength: 40 }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom([1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5, 6], [2, 4]),
        (touches, timeZone, dailyTouches, contactDays) => {
          const goals = { dailyTouches, weeklyTouches: 5 };
          const perDay = perDayIn(touches, timeZone);
          const today = dayNumberOf(todayIn(NOW, timeZone));
          expect(outboundInWeekOf(perDay, today)).toBe(goalProgress({ touches, goals, now: NOW, timeZone }).thisWeek);
          expect(streakOf(perDay, { dailyGoal: dailyTouches, contactDays, today })).toBe(
            streak({ touches, goals, contactDays, now: NOW, timeZone }),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the phone share from counts equals phoneShare", () => {
    fc.assert(
      fc.property(fc.array(touchArb, { maxLength: 20 }), (touches) => {
        const outbound = touches.filter((touch) => touch.direction === "outbound");
        const metrics = clientMetrics(
          facts({
            touches: {
              outbound: outbound.length,
              phoneOutbound: outbound.filter((touch) => touch.channel === "phone").length,
              tooSoon: 0,
              lastAt: null,
              lastDay: null,
            },
          }),
        );
        expect(metrics.phoneShare).toBeCloseTo(phoneShare(touches), 12);
      }),
    );
  });
});
