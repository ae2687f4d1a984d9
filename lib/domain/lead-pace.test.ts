import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arbitraryClock,
  arbitraryContactDays,
  arbitraryDateNear,
  arbitraryPastTouch,
  dated,
  leadFacts,
  local,
} from "@/test/dated-touches";
import { todayIn } from "./dates";
import { leadPace, needsTouchToday, onPaceShare, type LeadPace, type PaceLead } from "./lead-pace";
import { PACE_STATES } from "./pace";

const timeZone = "Europe/London";
const weekdays = [1, 2, 3, 4, 5];
/** Noon on a day in London. */
const on = (date: string) => ({ now: local(date, 12, 0, timeZone), timeZone, contactDays: weekdays });

function lead(facts: Partial<PaceLead> = {}): PaceLead {
  return { ...leadFacts(), touches: [], ...facts };
}

const summary = (pace: LeadPace) => [pace.state, pace.nextDue, pace.reason, pace.daysOverdue];

describe("rule 1, states of a lead: next due", () => {
  it("is the planned first-contact day for a lead never contacted", () => {
    expect(summary(leadPace(lead({ plannedFirstContact: "2026-03-02" }), on("2026-03-02")))).toEqual([
      "due_today",
      "2026-03-02",
      "first_contact",
      0,
    ]);
    expect(leadPace(lead(), on("2026-03-02")).state).toBe("unplanned");
  });

  it("is the last touch (either direction) plus the cadence", () => {
    const touches = [dated("2026-02-20"), dated("2026-02-23", { outcome: "left_message" })];
    expect(summary(leadPace(lead({ touches }), on("2026-03-02")))).toEqual(["due_today", "2026-03-02", "follow_up", 0]);
    expect(leadPace(lead({ touches, cadenceDays: 10 }), on("2026-03-02")).state).toBe("upcoming");
  });

  it("is a hand-set date until the next touch", () => {
    const setAt = local("2026-02-24", 9, 0, timeZone);
    const facts = { touches: [dated("2026-02-23")], nextDueOverride: "2026-03-10", nextDueOverrideSetAt: setAt };
    expect(summary(leadPace(lead(facts), on("2026-03-02")))).toEqual(["upcoming", "2026-03-10", "hand_set", 0]);
    const touchedAfter = { ...facts, touches: [...facts.touches, dated("2026-02-25")] };
    expect(summary(leadPace(lead(touchedAfter), on("2026-03-02")))).toEqual(["upcoming", "2026-03-04", "follow_up", 0]);
  });

  it("reads a hand-set date of unknown age as set before every touch", () => {
    const facts = { touches: [dated("2026-02-23")], nextDueOverride: "2026-03-10" };
    expect(leadPace(lead(facts), on("2026-03-02")).reason).toBe("follow_up");
    expect(leadPace(lead({ nextDueOverride: "2026-03-10" }), on("2026-03-02")).reason).toBe("hand_set");
  });
});

describe("rule 1, states of a lead: due today, upcoming, overdue (1-7 days late), cold (> 7)", () => {
  const touches = [dated("2026-02-16")]; // due 23 Feb
  it.each([
    ["2026-02-22", "upcoming", 0],
    ["2026-02-23", "due_today", 0],
    ["2026-02-24", "overdue", 1],
    ["2026-03-02", "overdue", 7],
    ["2026-03-03", "cold", 8],
  ])("on %s it is %s", (today, state, late) => {
    const pace = leadPace(lead({ touches }), on(today));
    expect([pace.state, pace.daysOverdue]).toEqual([state, late]);
  });

  it("revives a cold lead with a touch", () => {
    expect(leadPace(lead({ touches: [...touches, dated("2026-03-03")] }), on("2026-03-03")).state).toBe("upcoming");
  });
});

describe("rule 1, states of a lead: paused and closed", () => {
  const old = [dated("2026-01-01")];

  it("are never due, overdue or cold", () => {
    expect(leadPace(lead({ touches: old, closedAt: new Date("2026-01-05T00:00:00Z") }), on("2026-03-02")).state).toBe("closed");
    expect(leadPace(lead({ touches: old, pausedUntil: "2026-03-03" }), on("2026-03-02")).state).toBe("paused");
  });

  it("brings a paused lead back due on its return day, not cold (last touch 1 Jan, paused until 1 Feb)", () => {
    const paused = lead({ touches: old, pausedUntil: "2026-02-01" });
    expect(summary(leadPace(paused, on("2026-01-31")))).toEqual(["paused", null, null, 0]);
    expect(summary(leadPace(paused, on("2026-02-01")))).toEqual(["due_today", "2026-02-01", "returned", 0]);
    // Missed after its return it is late from the return day, not from January.
    expect(summary(leadPace(paused, on("2026-02-03")))).toEqual(["overdue", "2026-02-01", "returned", 2]);
    // A touch on or after the return day ends it: back to last touch + cadence.
    const touched = lead({ touches: [...old, dated("2026-02-02")], pausedUntil: "2026-02-01" });
    expect(summary(leadPace(touched, on("2026-02-03")))).toEqual(["upcoming", "2026-02-09", "follow_up", 0]);
  });

  it("gives a paused lead never contacted no planned day until it returns; then it is due that day", () => {
    const paused = lead({ plannedFirstContact: "2026-02-10", pausedUntil: "2026-02-20" });
    expect(leadPace(paused, on("2026-02-12")).state).toBe("paused");
    expect(summary(leadPace(paused, on("2026-02-20")))).toEqual(["due_today", "2026-02-20", "returned", 0]);
    expect(leadPace(paused, on("2026-02-20")).firstContact).toBe(true);
  });
});

describe("rule 4, reply owed: last touch inbound with no outbound answer is due", () => {
  it("is due the day the reply came", () => {
    const touches = [dated("2026-02-20"), dated("2026-03-02", { direction: "inbound", outcome: "replied" })];
    expect(summary(leadPace(lead({ touches }), on("2026-03-02")))).toEqual(["due_today", "2026-03-02", "reply_owed", 0]);
    // Unanswered for two days it is overdue: the reply is owed since Monday.
    expect(summary(leadPace(lead({ touches }), on("2026-03-04")))).toEqual(["overdue", "2026-03-02", "reply_owed", 2]);
  });

  it("ends with an outbound answer", () => {
    const touches = [dated("2026-03-02", { direction: "inbound" }), dated("2026-03-02", { hour: 15 })];
    expect(summary(leadPace(lead({ touches }), on("2026-03-02")))).toEqual(["upcoming", "2026-03-09", "follow_up", 0]);
  });
});

describe("rule 6, conversation or meeting set: a thank-you is due on the next contact day", () => {
  it("is due the next contact day after the conversation (Friday's call: Monday)", () => {
    const touches = [dated("2026-02-27", { channel: "phone", outcome: "conversation" })];
    expect(summary(leadPace(lead({ touches }), on("2026-03-02")))).toEqual(["due_today", "2026-03-02", "thank_you", 0]);
  });

  it("also after an inbound meeting set", () => {
    const touches = [dated("2026-03-02", { direction: "inbound", outcome: "meeting_set" })];
    expect(summary(leadPace(lead({ touches }), on("2026-03-02")))).toEqual(["upcoming", "2026-03-03", "thank_you", 0]);
  });
});

describe("rule 10, on pace: share of active contacted leads neither overdue nor cold", () => {
  it("leaves out paused, closed and never-contacted leads", () => {
    const paces = [
      { state: "upcoming", firstContact: false },
      { state: "due_today", firstContact: false },
      { state: "overdue", firstContact: false },
      { state: "cold", firstContact: false },
      { state: "paused", firstContact: false },
      { state: "closed", firstContact: false },
      { state: "overdue", firstContact: true },
    ] as const;
    expect(onPaceShare(paces)).toEqual({ onPace: 2, active: 4, share: 0.5 });
    expect(onPaceShare([])).toEqual({ onPace: 0, active: 0, share: null });
  });
});

describe("rule 1 invariants (property, dates ±20 days around now and DST changes)", () => {
  const scenario = arbitraryClock.chain(({ now, timeZone }) => {
    const today = todayIn(now, timeZone);
    const maybeDate = fc.option(arbitraryDateNear(today), { nil: null });
    return fc.record({
      clock: fc.record({ now: fc.constant(now), timeZone: fc.constant(timeZone), contactDays: arbitraryContactDays }),
      lead: fc.record({
        cadenceDays: fc.integer({ min: 3, max: 30 }),
        plannedFirstContact: maybeDate,
        nextDueOverride: maybeDate,
        nextDueOverrideSetAt: fc.option(fc.integer({ min: -20, max: 0 }).map((d) => new Date(now.getTime() + d * 86_400_000)), { nil: null }),
        pausedUntil: maybeDate,
        closedAt: fc.option(fc.constant(new Date(now.getTime() - 86_400_000)), { nil: null, freq: 5 }),
        touches: fc.array(arbitraryPastTouch(now, timeZone), { maxLength: 8 }),
      }),
    });
  });

  it("gives exactly one known state, with a next due exactly when the lead can be due", () => {
    fc.assert(
      fc.property(scenario, ({ clock, lead }) => {
        const pace = leadPace(lead, clock);
        expect(PACE_STATES).toContain(pace.state);
        const dueless = pace.state === "closed" || pace.state === "paused" || pace.state === "unplanned";
        expect(pace.nextDue === null).toBe(dueless);
        expect(pace.reason === null).toBe(dueless);
        expect(pace.daysOverdue > 0).toBe(pace.state === "overdue" || pace.state === "cold");
        expect(pace.state === "cold").toBe(pace.daysOverdue > 7);
      }),
      { numRuns: 300 },
    );
  });

  it("never makes a paused or closed lead due, overdue or cold", () => {
    fc.assert(
      fc.property(scenario, ({ clock, lead }) => {
        const today = todayIn(clock.now, clock.timeZone);
        const pace = leadPace(lead, clock);
        if (lead.closedAt !== null) expect(pace.state).toBe("closed");
        else if (lead.pausedUntil !== null && lead.pausedUntil > today) expect(pace.state).toBe("paused");
        if (lead.closedAt !== null || (lead.pausedUntil !== null && lead.pausedUntil > today)) {
          expect(needsTouchToday(pace)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("brings a paused lead back due on its return day whatever its old dates", () => {
    fc.assert(
      fc.property(scenario, ({ clock, lead }) => {
        const today = todayIn(clock.now, clock.timeZone);
        const returning = {
          ...lead,
          closedAt: null,
          nextDueOverride: null,
          pausedUntil: today,
          touches: lead.touches.filter((touch) => touch.localDate < today),
        };
        expect(summary(leadPace(returning, clock))).toEqual(["due_today", today, "returned", 0]);
      }),
      { numRuns: 200 },
    );
  });

  it("takes every day-based date from the stored local dates, not the zone of today", () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom("Asia/Tokyo", "America/Los_Angeles"), ({ clock, lead }, otherZone) => {
        // The same history seen from a zone with the same "today": identical pace.
        const moved = { ...clock, timeZone: otherZone };
        fc.pre(todayIn(clock.now, otherZone) === todayIn(clock.now, clock.timeZone));
        const a = leadPace(lead, clock);
        const b = leadPace({ ...lead, closedAt: lead.closedAt }, moved);
        expect(summary(b)).toEqual(summary(a));
      }),
      { numRuns: 100 },
    );
  });
});
