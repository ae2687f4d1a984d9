import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTooSoonAfter, leadPace, needsTouchToday, todayIn, type DatedTouch } from "@/lib/domain";
import {
  arbitraryClock,
  arbitraryContactDays,
  arbitraryDateNear,
  arbitraryPastTouch,
  dated,
  leadFacts,
  local,
} from "@/test/dated-touches";
import { dayWork, describeWork, type WorkLead, type WorkTouch } from "./day-work";

const timeZone = "Europe/London";
const contactDays = [1, 2, 3, 4, 5];
// Wednesday 4 March 2026, 09:00 in London.
const today = "2026-03-04";
const now = local(today, 9, 0, timeZone);

function lead(id: string, facts: Partial<WorkLead> = {}): WorkLead {
  return { ...leadFacts(), id, ...facts };
}
const touch = (leadId: string, localDate: string, facts: Parameters<typeof dated>[1] = {}): WorkTouch => ({
  ...dated(localDate, { timeZone, hour: 8, ...facts }),
  leadId,
});
const work = (leads: WorkLead[], touches: WorkTouch[], at = now) => dayWork({ leads, touches, contactDays, now: at, timeZone });
const rows = (result: ReturnType<typeof work>) => result.items.map((item) => [item.lead.id, item.kind, item.done]);

describe("rule 8, the day's work: every lead that needs a touch today", () => {
  const leads = [
    lead("overdue-3", {}),
    lead("follow-up"),
    lead("first", { plannedFirstContact: today }),
    lead("thanks"),
    lead("reply"),
    lead("missed-first", { plannedFirstContact: "2026-03-02" }),
    lead("cold"),
    lead("soon"),
    lead("paused", { plannedFirstContact: today, pausedUntil: "2026-03-10" }),
  ];
  const touches = [
    touch("overdue-3", "2026-02-22"),
    touch("follow-up", "2026-02-25"),
    touch("thanks", "2026-03-03", { channel: "phone", outcome: "conversation" }),
    touch("reply", "2026-03-03"),
    touch("reply", "2026-03-04", { direction: "inbound", hour: 8 }),
    touch("cold", "2026-02-10"),
    touch("soon", "2026-03-02"),
  ];

  it("lists first contacts, replies owed, follow-ups, thank-yous, then the overdue oldest first", () => {
    const result = work(leads, touches);
    expect(rows(result)).toEqual([
      ["first", "first_contact", false],
      ["reply", "reply_owed", false],
      ["follow-up", "follow_up", false],
      ["thanks", "thank_you", false],
      ["overdue-3", "overdue", false],
      ["missed-first", "overdue", false],
    ]);
    expect([result.done, result.total]).toEqual([0, 6]);
    expect(result.cold.map((row) => row.lead.id)).toEqual(["cold"]);
    expect(result.coming.map((row) => row.lead.id)).toEqual(["soon"]);
  });

  it("keeps a missed first contact as overdue: 'first contact missed since Mon 2 Mar'", () => {
    const missed = work(leads, touches).items.find((item) => item.lead.id === "missed-first")!;
    expect(describeWork(missed)).toBe("First contact missed since Mon 2 Mar");
    expect(describeWork(work(leads, touches).items[0]!)).toBe("First contact");
  });

  it("marks a lead touched today done, so n does not shrink ('k of n done')", () => {
    const later = local(today, 15, 0, timeZone);
    const result = work(leads, [...touches, touch("follow-up", today, { hour: 14 }), touch("first", today, { hour: 14 })], later);
    expect([result.done, result.total]).toEqual([2, 6]);
    expect(rows(result).filter(([, , done]) => done)).toEqual([
      ["first", "first_contact", true],
      ["follow-up", "follow_up", true],
    ]);
  });

  it("adds a lead that comes to need a touch during the day (a reply arrived)", () => {
    const result = work(leads, [...touches, touch("soon", today, { direction: "inbound", hour: 8 })]);
    expect(rows(result)).toContainEqual(["soon", "reply_owed", false]);
    expect(result.total).toBe(7);
  });

  it("keeps a reply that arrived and was answered today, as done", () => {
    const later = local(today, 15, 0, timeZone);
    const result = work(leads, [...touches, touch("soon", today, { direction: "inbound", hour: 8 }), touch("soon", today, { hour: 14 })], later);
    expect(rows(result)).toContainEqual(["soon", "reply_owed", true]);
    expect([result.done, result.total]).toEqual([1, 7]);
  });

  it("does not count a too-soon touch, nor an inbound one, as done", () => {
    // Answered in the morning; a second unanswered e-mail the same afternoon is fine (the inbound reset it),
    // but a reply that comes after my answer asks for another.
    const result = work(leads, [
      ...touches,
      touch("reply", today, { hour: 10 }),
      touch("reply", today, { direction: "inbound", hour: 11 }),
    ]);
    expect(rows(result)).toContainEqual(["reply", "reply_owed", false]);
  });

  it("drops a lead paused or closed today without a touch, and keeps one touched and then closed as done", () => {
    const closedToday = new Date(now.getTime() - 60_000);
    const paused = work([lead("follow-up", { pausedUntil: "2026-03-20" })], touches);
    expect(paused.total).toBe(0);
    const closedUntouched = work([lead("follow-up", { closedAt: closedToday })], touches);
    expect(closedUntouched.total).toBe(0);
    const wonAfterCall = work(
      [lead("follow-up", { closedAt: closedToday })],
      [...touches, touch("follow-up", today, { channel: "phone", outcome: "offer", hour: 8 })],
    );
    expect(rows(wonAfterCall)).toEqual([["follow-up", "follow_up", true]]);
  });
});

describe("rule 8 invariants (property, dates ±20 days around now and DST changes)", () => {
  const scenario = arbitraryClock.chain(({ now: at, timeZone: zone }) => {
    const day = todayIn(at, zone);
    const maybeDate = fc.option(arbitraryDateNear(day), { nil: null });
    return fc.record({
      now: fc.constant(at),
      timeZone: fc.constant(zone),
      contactDays: arbitraryContactDays,
      leads: fc.array(
        fc.record({
          cadenceDays: fc.integer({ min: 3, max: 30 }),
          plannedFirstContact: maybeDate,
          nextDueOverride: fc.option(arbitraryDateNear(day), { nil: null, freq: 4 }),
          nextDueOverrideSetAt: fc.constant(null),
          pausedUntil: fc.option(arbitraryDateNear(day), { nil: null, freq: 4 }),
          closedAt: fc.option(fc.integer({ min: -3 * 24, max: 0 }).map((h) => new Date(at.getTime() + h * 3_600_000)), { nil: null, freq: 6 }),
          touches: fc.array(arbitraryPastTouch(at, zone), { maxLength: 6 }),
        }),
        { maxLength: 8 },
      ),
    });
  });
  const setUp = (s: { now: Date; timeZone: string; contactDays: readonly number[]; leads: (Omit<WorkLead, "id"> & { touches: DatedTouch[] })[] }) => {
    // Extra fields (the generated touches) ride along harmlessly: dayWork reads touches from its own argument.
    const leads = s.leads.map((facts, i) => ({ ...facts, touches: undefined, id: `l${i}` }));
    const touches = s.leads.flatMap((l, i) => l.touches.map((t) => ({ ...t, leadId: `l${i}` })));
    return { leads, touches, now: s.now, timeZone: s.timeZone, contactDays: s.contactDays };
  };

  it("is complete: every lead that needs a touch today shows, once; cold and coming apart", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const args = setUp(s);
        const result = dayWork(args);
        const shown = result.items.map((item) => item.lead.id);
        expect(new Set(shown).size).toBe(shown.length);
        for (const l of args.leads) {
          const pace = leadPace({ ...l, touches: args.touches.filter((t) => t.leadId === l.id) }, args);
          if (needsTouchToday(pace)) expect(shown).toContain(l.id);
          // Needed a touch at the start of the day and got an outbound one today: shown (done or not).
          const day = todayIn(args.now, args.timeZone);
          const history = args.touches.filter((t) => t.leadId === l.id);
          const closedToday = l.closedAt !== null && todayIn(l.closedAt, args.timeZone) === day;
          const atStart = leadPace({ ...l, closedAt: closedToday ? null : l.closedAt, touches: history.filter((t) => t.localDate < day) }, args);
          if (needsTouchToday(atStart) && history.some((t) => t.localDate === day && t.direction === "outbound")) {
            expect(shown).toContain(l.id);
          }
          if (pace.state === "cold" && !shown.includes(l.id)) expect(result.cold.map((r) => r.lead.id)).toContain(l.id);
          if (pace.state === "closed" || pace.state === "paused") {
            expect(result.cold.map((r) => r.lead.id)).not.toContain(l.id);
          }
        }
        const apart = [...result.cold, ...result.coming].map((r) => r.lead.id);
        expect(apart.filter((id) => shown.includes(id))).toEqual([]);
        expect(result.done).toBe(result.items.filter((item) => item.done).length);
        expect(result.total).toBe(result.items.length);
      }),
      { numRuns: 150 },
    );
  });

  it("touching a lead today removes it from the remaining work without shrinking n", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, pick) => {
        const args = setUp(s);
        const before = dayWork(args);
        const remaining = before.items.filter((item) => !item.done);
        fc.pre(remaining.length > 0);
        const target = remaining[pick % remaining.length]!.lead.id;
        const day = todayIn(args.now, args.timeZone);
        // Logged just now: after every touch already there.
        const call: WorkTouch = { at: new Date(args.now.getTime() + 1), localDate: day, channel: "phone", direction: "outbound", outcome: "left_message", leadId: target };
        fc.pre(!isTooSoonAfter(args.touches.filter((t) => t.leadId === target), call));
        const after = dayWork({ ...args, touches: [...args.touches, call] });
        expect(after.total).toBe(before.total);
        expect(after.done).toBe(before.done + 1);
        expect(after.items.find((item) => item.lead.id === target)!.done).toBe(true);
        expect(after.items.map((item) => item.lead.id).sort()).toEqual(before.items.map((item) => item.lead.id).sort());
      }),
      { numRuns: 150 },
    );
  });

  it("never lists a lead closed or paused before today", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const args = setUp(s);
        const day = todayIn(args.now, args.timeZone);
        const shown = new Set(dayWork(args).items.map((item) => item.lead.id));
        for (const l of args.leads) {
          const closedBefore = l.closedAt !== null && todayIn(l.closedAt, args.timeZone) < day;
          const paused = l.pausedUntil !== null && l.pausedUntil > day;
          if (closedBefore || paused) expect(shown.has(l.id)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
