import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TZDate, tzScan } from "@date-fns/tz";
import { addDays, dateOf, daysBetween, todayIn, type CalendarDate } from "./dates";
import {
  CHANNELS,
  DIRECTIONS,
  PACE_STATES,
  computePace,
  countTooSoon,
  isTooSoon,
  type Channel,
  type Direction,
  type LeadFacts,
  type PaceState,
  type TouchFact,
} from "./pace";

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

function lead(facts: Partial<LeadFacts> = {}): LeadFacts {
  return {
    cadenceDays: 7,
    plannedFirstContact: null,
    nextDueOverride: null,
    pausedUntil: null,
    closedAt: null,
    touches: [],
    ...facts,
  };
}

describe("computePace: next due", () => {
  const monday = local("2025-03-03", 10, 0, LA);

  it("is the planned first-contact day for a lead never contacted", () => {
    const pace = computePace(lead({ plannedFirstContact: "2025-03-03" }), monday, LA);
    expect(pace).toEqual({
      state: "due_today",
      nextDue: "2025-03-03",
      daysOverdue: 0,
      lastTouchAt: null,
      firstContact: true,
    });
    expect(computePace(lead({ plannedFirstContact: "2025-03-05" }), monday, LA).state).toBe("upcoming");
  });

  it("leaves a never-contacted lead without plan or override unplanned", () => {
    expect(computePace(lead(), monday, LA)).toEqual({
      state: "unplanned",
      nextDue: null,
      daysOverdue: 0,
      lastTouchAt: null,
      firstContact: true,
    });
  });

  it("is the seeker's date of the last touch plus the cadence", () => {
    // 23:30 in Los Angeles is already Tuesday in UTC; the seeker's Monday counts.
    const lastTouch = local("2025-03-03", 23, 30, LA);
    const pace = computePace(lead({ touches: [touch(lastTouch)] }), local("2025-03-05", 9, 0, LA), LA);
    expect(pace).toMatchObject({ state: "upcoming", nextDue: "2025-03-10", lastTouchAt: lastTouch, firstContact: false });
  });

  it("uses the latest touch in either direction, whatever the order given", () => {
    const reply = touch(local("2025-03-06", 8, 0, LA), "email", "inbound");
    const touches = [reply, touch(local("2025-03-03", 9, 0, LA)), touch(local("2025-02-20", 9, 0, LA))];
    const pace = computePace(lead({ touches }), local("2025-03-06", 12, 0, LA), LA);
    expect(pace.nextDue).toBe("2025-03-13");
    expect(pace.lastTouchAt).toBe(reply.at);
  });

  it("follows the lead's own cadence", () => {
    const pace = computePace(
      lead({ cadenceDays: 3, touches: [touch(local("2025-03-03", 9, 0, LA))] }),
      local("2025-03-06", 9, 0, LA),
      LA,
    );
    expect(pace).toMatchObject({ state: "due_today", nextDue: "2025-03-06" });
  });

  it("refuses a cadence that is not a whole number of days ≥ 1", () => {
    expect(() => computePace(lead({ cadenceDays: 0 }), monday, LA)).toThrow(RangeError);
    expect(() => computePace(lead({ cadenceDays: 2.5 }), monday, LA)).toThrow(RangeError);
  });

  it("counts calendar days across a daylight-saving change", () => {
    // Europe/London springs forward on 2025-03-30: the week after has only 167 hours.
    const london = "Europe/London";
    const facts = lead({ touches: [touch(local("2025-03-29", 23, 30, london))] });
    expect(computePace(facts, local("2025-04-05", 0, 30, london), london)).toMatchObject({
      state: "due_today",
      nextDue: "2025-04-05",
    });
    // Pacific/Auckland falls back on 2025-04-06: the week after has 169 hours.
    const auckland = "Pacific/Auckland";
    const autumn = lead({ touches: [touch(local("2025-04-05", 23, 59, auckland))] });
    expect(computePace(autumn, local("2025-04-12", 0, 0, auckland), auckland).state).toBe("due_today");
    expect(computePace(autumn, local("2025-04-11", 23, 59, auckland), auckland).state).toBe("upcoming");
  });
});

describe("computePace: due, overdue and cold", () => {
  const facts = lead({ touches: [touch(local("2025-03-03", 9, 0, LA))] }); // next due 2025-03-10
  const stateOn = (date: CalendarDate, hour = 12) => computePace(facts, local(date, hour, 0, LA), LA);

  it("is upcoming before the day and due today on the day, at any hour", () => {
    expect(stateOn("2025-03-09", 23).state).toBe("upcoming");
    expect(stateOn("2025-03-10", 0)).toMatchObject({ state: "due_today", daysOverdue: 0 });
    expect(stateOn("2025-03-10", 23).state).toBe("due_today");
  });

  it("is overdue from 1 to 7 days late", () => {
    expect(stateOn("2025-03-11", 0)).toMatchObject({ state: "overdue", daysOverdue: 1 });
    expect(stateOn("2025-03-17", 23)).toMatchObject({ state: "overdue", daysOverdue: 7 });
  });

  it("is cold from 8 days late", () => {
    expect(stateOn("2025-03-18", 0)).toMatchObject({ state: "cold", daysOverdue: 8 });
    expect(stateOn("2025-06-01")).toMatchObject({ state: "cold", daysOverdue: 83 });
  });

  it("revives a cold lead when a touch is logged", () => {
    const now = local("2025-03-20", 10, 0, LA);
    expect(computePace(facts, now, LA).state).toBe("cold");
    const touched = { ...facts, touches: [...facts.touches, touch(now, "phone")] };
    expect(computePace(touched, now, LA)).toMatchObject({ state: "upcoming", nextDue: "2025-03-27" });
  });

  it("treats a missed planned first contact like any missed follow-up", () => {
    const planned = lead({ plannedFirstContact: "2025-03-03" });
    expect(computePace(planned, local("2025-03-10", 9, 0, LA), LA)).toMatchObject({ state: "overdue", firstContact: true });
    expect(computePace(planned, local("2025-03-11", 9, 0, LA), LA).state).toBe("cold");
  });
});

describe("computePace: date set by hand", () => {
  const lastTouch = local("2025-03-03", 9, 0, LA); // cadence alone: due 2025-03-10
  const setAt = local("2025-03-03", 9, 5, LA);
  const callBack = lead({ touches: [touch(lastTouch)], nextDueOverride: "2025-03-20", nextDueOverrideSetAt: setAt });

  it("overrides the cadence until the next touch", () => {
    expect(computePace(callBack, local("2025-03-12", 9, 0, LA), LA)).toMatchObject({
      state: "upcoming",
      nextDue: "2025-03-20",
    });
    expect(computePace(callBack, local("2025-03-20", 9, 0, LA), LA).state).toBe("due_today");
  });

  it("is cancelled by a touch after it was set, in either direction", () => {
    const reply = touch(local("2025-03-05", 9, 0, LA), "email", "inbound");
    const pace = computePace({ ...callBack, touches: [...callBack.touches, reply] }, local("2025-03-06", 9, 0, LA), LA);
    expect(pace.nextDue).toBe("2025-03-12");
  });

  it("is cancelled by a touch at the very instant it was set", () => {
    const pace = computePace({ ...callBack, touches: [touch(setAt)] }, local("2025-03-04", 9, 0, LA), LA);
    expect(pace.nextDue).toBe("2025-03-10");
  });

  it("overrides the planned day of a lead never contacted", () => {
    const pace = computePace(
      lead({ plannedFirstContact: "2025-03-04", nextDueOverride: "2025-03-14" }),
      local("2025-03-05", 9, 0, LA),
      LA,
    );
    expect(pace).toMatchObject({ state: "upcoming", nextDue: "2025-03-14", firstContact: true });
  });

  it("without a known setting time, holds only while the lead has no touch", () => {
    const now = local("2025-03-05", 9, 0, LA);
    expect(computePace(lead({ nextDueOverride: "2025-03-14", nextDueOverrideSetAt: null }), now, LA).nextDue).toBe(
      "2025-03-14",
    );
    const touched = lead({ touches: [touch(lastTouch)], nextDueOverride: "2025-03-20" });
    expect(computePace(touched, now, LA).nextDue).toBe("2025-03-10");
    expect(computePace({ ...touched, nextDueOverrideSetAt: null }, now, LA).nextDue).toBe("2025-03-10");
  });
});

describe("computePace: paused and closed", () => {
  const longAgo = lead({ touches: [touch(local("2025-01-06", 9, 0, LA))] }); // cold by March
  const now = local("2025-03-10", 9, 0, LA);

  it("keeps a paused lead off every list until its date", () => {
    expect(computePace({ ...longAgo, pausedUntil: "2025-03-11" }, now, LA)).toMatchObject({
      state: "paused",
      nextDue: null,
      daysOverdue: 0,
      firstContact: false,
    });
  });

  it("brings a paused lead back on its date, paced as usual", () => {
    expect(computePace({ ...longAgo, pausedUntil: "2025-03-10" }, now, LA).state).toBe("cold");
    expect(computePace({ ...longAgo, pausedUntil: "2025-02-01" }, now, LA).state).toBe("cold");
    const recent = lead({ touches: [touch(local("2025-03-05", 9, 0, LA))], pausedUntil: "2025-03-10" });
    expect(computePace(recent, now, LA)).toMatchObject({ state: "upcoming", nextDue: "2025-03-12" });
  });

  it("never has a closed lead due, overdue or cold, even while paused", () => {
    const closedAt = local("2025-01-10", 9, 0, LA);
    expect(computePace({ ...longAgo, closedAt }, now, LA)).toEqual({
      state: "closed",
      nextDue: null,
      daysOverdue: 0,
      lastTouchAt: longAgo.touches[0]?.at,
      firstContact: false,
    });
    expect(computePace({ ...longAgo, closedAt, pausedUntil: "2025-04-01" }, now, LA).state).toBe("closed");
    expect(computePace(lead({ plannedFirstContact: "2025-03-10", closedAt }), now, LA).state).toBe("closed");
  });
});

describe("isTooSoon / countTooSoon", () => {
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

  it("counts the too-soon touches of a history given in any order", () => {
    const history = [
      touch(local("2025-03-12", 9, 0, LA)), // too soon after 03-11 (and no reply between)
      touch(local("2025-03-03", 9, 0, LA)),
      touch(local("2025-03-04", 9, 0, LA)), // too soon after 03-03
      touch(local("2025-03-05", 9, 0, LA), "email", "inbound"),
      touch(local("2025-03-05", 10, 0, LA)), // after a reply: fine
      touch(local("2025-03-11", 9, 0, LA)), // 6 days later: fine
    ];
    expect(countTooSoon(history, LA)).toBe(2);
    expect(countTooSoon([], LA)).toBe(0);
  });
});

// ---- properties ----

const RUNS = { numRuns: 300 };
const RANGE = { min: new Date("2024-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z") };
const instants = fc.date({ ...RANGE, noInvalidDate: true });
const zones = fc.constantFrom(...ZONES);
const calendarDates = instants.map((d) => d.toISOString().slice(0, 10));
const touches = fc.record({
  at: instants,
  channel: fc.constantFrom(...CHANNELS),
  direction: fc.constantFrom(...DIRECTIONS),
});
const leads = fc.record({
  cadenceDays: fc.integer({ min: 1, max: 30 }),
  plannedFirstContact: fc.option(calendarDates, { nil: null }),
  nextDueOverride: fc.option(calendarDates, { nil: null }),
  nextDueOverrideSetAt: fc.option(instants, { nil: null }),
  pausedUntil: fc.option(calendarDates, { nil: null }),
  closedAt: fc.option(instants, { nil: null }),
  touches: fc.array(touches, { maxLength: 6 }),
});

// Every daylight-saving change of the tested zones in 2024-2026 (Kathmandu has none).
const transitions = ZONES.flatMap((zone) =>
  tzScan(zone, { start: RANGE.min, end: RANGE.max }).map((change) => ({ zone, at: change.date })),
);

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** A clock and zone: any instant of the range, or one within a day and a half of a DST change there. */
const clocks = fc.oneof(
  fc.record({ zone: zones, now: instants }),
  fc
    .tuple(fc.constantFrom(...transitions), fc.integer({ min: -36 * 60, max: 36 * 60 }))
    .map(([change, minutes]) => ({ zone: change.zone, now: new Date(change.at.getTime() + minutes * MINUTE) })),
);

/**
 * A lead whose dates all lie within 20 days of `now` (in `zone`), so the edges between upcoming,
 * due today, overdue and cold (0, 1, 7 and 8 days late) are drawn often, not once in a hundred runs.
 */
function leadsNear(now: Date, zone: string) {
  const today = todayIn(now, zone);
  const instantNear = fc.integer({ min: -20 * DAY_MINUTES, max: 20 * DAY_MINUTES }).map((m) => new Date(now.getTime() + m * MINUTE));
  // Half the dates right at an edge: a planned or hand-set date 8, 7, 1 or 0 days ago, or tomorrow.
  const dateNear = fc
    .oneof(fc.integer({ min: -20, max: 20 }), fc.constantFrom(-8, -7, -1, 0, 1))
    .map((days) => addDays(today, days));
  return fc.record({
    cadenceDays: fc.integer({ min: 1, max: 14 }),
    plannedFirstContact: fc.option(dateNear, { nil: null, freq: 2 }),
    nextDueOverride: fc.option(dateNear, { nil: null, freq: 2 }),
    nextDueOverrideSetAt: fc.option(instantNear, { nil: null, freq: 2 }),
    pausedUntil: fc.option(dateNear, { nil: null, freq: 2 }),
    closedAt: fc.oneof({ arbitrary: fc.constant(null), weight: 7 }, { arbitrary: instantNear, weight: 1 }),
    // Half of them never contacted: planned first contacts and unplanned leads are drawn as often.
    touches: fc.oneof(
      fc.constant<TouchFact[]>([]),
      fc.array(fc.record({ at: instantNear, channel: fc.constantFrom(...CHANNELS), direction: fc.constantFrom(...DIRECTIONS) }), {
        minLength: 1,
        maxLength: 4,
      }),
    ),
  });
}

/** The pace rules of docs/product.md, written out independently of computePace's structure. */
function expectedState(facts: LeadFacts, now: Date, zone: string): PaceState {
  const today = todayIn(now, zone);
  if (facts.closedAt) return "closed";
  if (facts.pausedUntil && facts.pausedUntil > today) return "paused";
  const times = facts.touches.map((t) => t.at.getTime());
  const setAt = facts.nextDueOverrideSetAt?.getTime();
  const overrideHolds =
    facts.nextDueOverride !== null && times.every((time) => setAt !== undefined && time < setAt);
  const nextDue = overrideHolds
    ? facts.nextDueOverride
    : times.length === 0
      ? facts.plannedFirstContact
      : addDays(dateOf(new Date(Math.max(...times)), zone), facts.cadenceDays);
  if (nextDue === null) return "unplanned";
  const late = daysBetween(nextDue, today);
  if (late < 0) return "upcoming";
  if (late === 0) return "due_today";
  return late <= 7 ? "overdue" : "cold";
}

describe("computePace properties", () => {
  it("puts every lead in exactly one state, the one the rules give", () => {
    fc.assert(
      fc.property(leads, instants, zones, (facts, now, zone) => {
        const pace = computePace(facts, now, zone);
        expect(PACE_STATES.filter((state) => state === pace.state)).toHaveLength(1);
        expect(pace.state).toBe(expectedState(facts, now, zone));
        const dated = pace.state !== "closed" && pace.state !== "paused" && pace.state !== "unplanned";
        expect(pace.nextDue !== null).toBe(dated);
        expect(pace.daysOverdue > 0).toBe(pace.state === "overdue" || pace.state === "cold");
        expect(pace.firstContact).toBe(facts.touches.length === 0);
      }),
      RUNS,
    );
  });

  it("puts a lead with dates near today, around DST changes too, in the state the rules give", () => {
    const scenario = clocks.chain(({ zone, now }) => leadsNear(now, zone).map((facts) => ({ zone, now, facts })));
    // What the runs reached: each state, the edges of lateness, a pause ending today.
    const reached = new Map<string, number>();
    const count = (what: string) => reached.set(what, (reached.get(what) ?? 0) + 1);
    fc.assert(
      fc.property(scenario, ({ zone, now, facts }) => {
        const pace = computePace(facts, now, zone);
        expect(pace.state).toBe(expectedState(facts, now, zone));
        count(pace.state);
        if (pace.nextDue !== null) count(`late ${daysBetween(pace.nextDue, todayIn(now, zone))}`);
        if (facts.pausedUntil === todayIn(now, zone) && facts.closedAt === null) count("pause ends today");
      }),
      { numRuns: 1000 },
    );
    // Each is drawn 30 to 400 times in 1000 runs; 10 leaves room for chance.
    for (const state of PACE_STATES) expect(reached.get(state) ?? 0, state).toBeGreaterThanOrEqual(10);
    for (const late of [-1, 0, 1, 7, 8]) expect(reached.get(`late ${late}`) ?? 0, `late ${late}`).toBeGreaterThanOrEqual(10);
    expect(reached.get("pause ends today") ?? 0).toBeGreaterThanOrEqual(10);
  });

  it("never leaves a lead overdue or cold right after a touch is logged", () => {
    const scenario = fc
      .record({ facts: leads, now: instants, zone: zones, logged: touches })
      .map(({ facts, now, zone, logged }) => ({
        zone,
        now,
        logged: { ...logged, at: now },
        // Everything already recorded happened before now.
        facts: {
          ...facts,
          touches: facts.touches.filter((t) => t.at <= now),
          nextDueOverrideSetAt:
            facts.nextDueOverrideSetAt && facts.nextDueOverrideSetAt <= now ? facts.nextDueOverrideSetAt : null,
        },
      }));
    fc.assert(
      fc.property(scenario, ({ facts, now, zone, logged }) => {
        const pace = computePace({ ...facts, touches: [...facts.touches, logged] }, now, zone);
        expect(["overdue", "cold"]).not.toContain(pace.state);
        if (pace.state !== "closed" && pace.state !== "paused") {
          expect(pace).toMatchObject({ state: "upcoming", nextDue: addDays(todayIn(now, zone), facts.cadenceDays) });
        }
      }),
      RUNS,
    );
  });

  it("covers daylight-saving changes in the zones under test", () => {
    expect(transitions.filter((t) => t.zone === "Pacific/Auckland").length).toBeGreaterThanOrEqual(5);
    expect(transitions.filter((t) => t.zone === "America/St_Johns").length).toBeGreaterThanOrEqual(5);
  });

  it("keeps next due at the last touch's date plus the cadence, with a DST change in between", () => {
    const anchors = fc.oneof(
      fc.constantFrom(...transitions),
      fc.record({ zone: fc.constant("Asia/Kathmandu"), at: instants }),
    );
    const scenario = fc.record({
      anchor: anchors,
      cadenceDays: fc.integer({ min: 1, max: 30 }),
      minutesBefore: fc.integer({ min: 0, max: 30 * 24 * 60 }),
      lateBy: fc.integer({ min: -3, max: 12 }),
      nowHour: fc.integer({ min: 0, max: 23 }),
      nowMinute: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(scenario, ({ anchor, cadenceDays, minutesBefore, lateBy, nowHour, nowMinute }) => {
        const { zone } = anchor;
        // The last touch falls within the cadence before the change, so the change lies between
        // the touch and its next due date.
        const lastTouch = new Date(anchor.at.getTime() - (minutesBefore % (cadenceDays * 24 * 60)) * 60_000 - 1);
        const touchDate = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(lastTouch);
        const expectedDue = addDays(touchDate, cadenceDays);
        const nowDate = addDays(expectedDue, lateBy);
        const now = local(nowDate, nowHour, nowMinute, zone);
        expect(todayIn(now, zone)).toBe(nowDate);

        const pace = computePace(lead({ cadenceDays, touches: [touch(lastTouch)] }), now, zone);
        expect(pace.nextDue).toBe(expectedDue);
        const expected = lateBy < 0 ? "upcoming" : lateBy === 0 ? "due_today" : lateBy <= 7 ? "overdue" : "cold";
        expect(pace.state).toBe(expected);
        expect(pace.daysOverdue).toBe(Math.max(0, lateBy));
      }),
      RUNS,
    );
  });
});

describe("too-soon properties", () => {
  it("counting a history agrees with checking each touch against the ones before it", () => {
    fc.assert(
      fc.property(fc.array(touches, { maxLength: 10 }), zones, (history, zone) => {
        const chronological = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
        const flagged = chronological.filter((t, i) => isTooSoon(chronological.slice(0, i), t, zone));
        expect(countTooSoon(history, zone)).toBe(flagged.length);
        expect(flagged.every((t) => t.direction === "outbound")).toBe(true);
      }),
      RUNS,
    );
  });

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
