import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { campaignFigures, campaignTally, phoneShare, type CalendarDate, type TouchFact } from "@/lib/domain";
import { calendarDateOf, dayNumberOf, mondayOf, weekdayOfDay } from "./days";
import { clientMetrics, touchesPerCampaignWeek, type ClientFacts } from "./metrics";

const day = dayNumberOf;

function facts(overrides: Partial<ClientFacts> = {}): ClientFacts {
  return {
    seekerId: "s1",
    name: "Sam",
    timeZone: "UTC",
    today: "2025-03-12",
    campaign: { startDate: "2025-03-05", firstContactsPerWeek: 5, contactDays: [1, 2, 3, 4, 5] },
    contactDays: [1, 2, 3, 4, 5],
    leads: { total: 6, overdue: 2, cold: 1, quiet: 1, activeContacted: 4, onPace: 1 },
    campaignTally: campaignTally(
      [
        { firstContactOn: "2025-03-05", plannedFirstContact: null, closed: false },
        { firstContactOn: "2025-03-06", plannedFirstContact: null, closed: true },
        { firstContactOn: "2025-03-10", plannedFirstContact: null, closed: false },
        { firstContactOn: "2025-03-11", plannedFirstContact: null, closed: false },
        { firstContactOn: null, plannedFirstContact: "2025-03-13", closed: false },
        { firstContactOn: null, plannedFirstContact: null, closed: true },
      ],
      "2025-03-12",
    ),
    touches: { outbound: 7, phoneOutbound: 2, tooSoon: 1, lastAt: new Date("2025-03-11T15:00:00Z"), lastDay: "2025-03-11" },
    dailyCall: { streak: 3, madeToday: false },
    outboundByDay: [
      { day: day("2025-03-03"), outbound: 9 }, // Monday of the start's week: week 1 already
      { day: day("2025-03-05"), outbound: 2 },
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
    expect(clientMetrics(facts())).toMatchObject({
      onPace: { onPace: 1, active: 4, share: 0.25 },
      // Weeks run Monday to Sunday: Wednesday 5 March is in week 1, Wednesday 12 in week 2; the
      // last first contact (planned 13 March) is in week 2. Monday 10 and Tuesday 11 this week, of
      // 5 planned; 5 leads in the campaign (the closed one never contacted took no place), 4 contacted.
      campaign: { week: 2, weeks: 2, firstContactsThisWeek: 2, weekPlan: 3, contacted: 4, total: 5 },
      leadsContacted: 4,
      leadsTotal: 5,
      // The daily call as the SQL counts it (client_facts_at, held equal to dailyCall by the database tests).
      streak: 3,
      calledToday: false,
      overdue: 2,
      cold: 1,
      quiet: 1,
      tooSoon: 1,
      phoneShare: 2 / 7,
      daysSinceLastTouch: 1,
      weeklyTouches: [
        { week: 1, touches: 12, upcoming: false },
        { week: 2, touches: 2, upcoming: false },
      ],
    });
  });

  it("handles a client with no leads, no touches and no campaign", () => {
    const metrics = clientMetrics(
      facts({
        campaign: null,
        leads: { total: 0, overdue: 0, cold: 0, quiet: 0, activeContacted: 0, onPace: 0 },
        campaignTally: campaignTally([], "2025-03-12"),
        touches: { outbound: 0, phoneOutbound: 0, tooSoon: 0, lastAt: null, lastDay: null },
        dailyCall: { streak: 0, madeToday: false },
        outboundByDay: [],
      }),
    );
    expect(metrics).toMatchObject({
      onPace: { onPace: 0, active: 0, share: null },
      campaign: null,
      leadsTotal: 0,
      leadsContacted: 0,
      streak: 0,
      phoneShare: 0,
      lastTouchAt: null,
      daysSinceLastTouch: null,
      weeklyTouches: null,
    });
  });

  it("shows a campaign that has not started as week 0 with every week upcoming", () => {
    const metrics = clientMetrics(facts({
        today: "2025-03-01",
        campaignTally: campaignTally([{ firstContactOn: null, plannedFirstContact: "2025-03-05", closed: false }], "2025-03-01"),
        outboundByDay: [],
      }),);
    expect(metrics.campaign?.week).toBe(0);
    expect(metrics.weeklyTouches).toEqual([{ week: 1, touches: 0, upcoming: true }]);
  });
});

describe("touchesPerCampaignWeek", () => {
  const perDay = new Map([
    [day("2025-01-01"), 3], // before the start: not in the campaign
    [day("2025-03-02"), 5], // the Sunday before: not in it either
    [day("2025-03-05"), 2],
    [day("2025-06-02"), 4],
  ]);

  it("counts Monday-to-Sunday weeks from the week of the start, on past the campaign's end to the current week", () => {
    const series = touchesPerCampaignWeek(perDay, { start: day("2025-03-05"), weeks: 3, today: day("2025-03-20") });
    expect(series.map((week) => [week.week, week.touches, week.upcoming])).toEqual([
      [1, 2, false],
      [2, 0, false],
      [3, 0, false],
    ]);
    const later = touchesPerCampaignWeek(perDay, { start: day("2025-03-05"), weeks: 3, today: day("2025-03-31") });
    expect(later.map((week) => week.week)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps a long campaign to 12 weeks up to the current one", () => {
    const early = touchesPerCampaignWeek(perDay, { start: day("2025-03-03"), weeks: 40, today: day("2025-03-05") });
    expect([early[0]?.week, early.at(-1)?.week, early.length]).toEqual([1, 12, 12]);
    const late = touchesPerCampaignWeek(perDay, { start: day("2025-03-03"), weeks: 40, today: day("2025-09-01") });
    // 1 September is in week 27.
    expect([late[0]?.week, late.at(-1)?.week]).toEqual([16, 27]);
  });

  it("gives the same series from each week's total on its Monday (what the SQL sends) as from the days", () => {
    const dayArb = fc.integer({ min: day("2025-01-01"), max: day("2025-06-30") });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(dayArb, fc.integer({ min: 1, max: 9 })), { maxLength: 40 }),
        dayArb,
        dayArb,
        fc.integer({ min: 1, max: 20 }),
        (days, start, today, weeks) => {
          const perDay = new Map<number, number>();
          const perMonday = new Map<number, number>();
          for (const [d, n] of days) {
            perDay.set(d, (perDay.get(d) ?? 0) + n);
            perMonday.set(mondayOf(d), (perMonday.get(mondayOf(d)) ?? 0) + n);
          }
          expect(touchesPerCampaignWeek(perMonday, { start, weeks, today })).toEqual(touchesPerCampaignWeek(perDay, { start, weeks, today }));
        },
      ),
    );
  });
});

const touchArb = fc.record({
  at: fc.date({ min: new Date("2025-01-20T00:00:00Z"), max: new Date("2025-03-13T00:00:00Z"), noInvalidDate: true }),
  channel: fc.constantFrom("phone", "email", "linkedin"),
  direction: fc.constantFrom("outbound", "outbound", "inbound"),
}) as fc.Arbitrary<TouchFact>;
const dateArb: fc.Arbitrary<CalendarDate> = fc.integer({ min: day("2025-01-20"), max: day("2025-03-25") }).map(calendarDateOf);

describe("the coach's figures are the seeker's functions", () => {
  it("the campaign figures are campaignFigures'", () => {
    const leadArb = fc.record({ firstContactOn: fc.option(dateArb), plannedFirstContact: fc.option(dateArb), closed: fc.boolean() });
    fc.assert(
      fc.property(fc.array(leadArb, { maxLength: 20 }), (campaignLeads) => {
        const settings = facts().campaign!;
        const tally = campaignTally(campaignLeads, "2025-03-12");
        expect(clientMetrics(facts({ campaignTally: tally })).campaign).toEqual(campaignFigures({ settings, leads: campaignLeads, today: "2025-03-12" }));
      }),
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
