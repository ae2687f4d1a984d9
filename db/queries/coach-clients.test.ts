import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clientMetrics } from "@/lib/coach/metrics";
import { addDays, computePace, todayIn, type Direction } from "@/lib/domain";
import { queryCount, resetQueryCount } from "../query-counter";
import { users } from "../schema";
import { setUpTestDb } from "@/test/db";
import { listClientFacts, listClientLeads, listClientTouches } from "./coach-clients";
import { coachFixtures, type Person } from "@/test/fixtures/coach";

// Statements are counted on this file's database.
const handle = setUpTestDb({ countQueries: true });
const { person, lead, touch, connect } = coachFixtures(handle);

const NOW = new Date("2025-03-09T12:00:00Z");

describe("the coach's figures", () => {
  /*
   * NOW is Sunday 9 March 12:00 UTC, which is already Monday 10 March 01:00 in Auckland (UTC+13).
   * Both clients start their campaign on Monday 3 March, 5 a week on weekdays, goals 1 a day and
   * 5 a week, and have the same leads and touches at the same instants.
   */
  async function clientIn(coach: Person, name: string, timeZone: string) {
    const seeker = await person(name, timeZone, { campaignStartDate: "2025-03-03" });
    await connect(coach, seeker);
    const a = await lead(seeker.id, { company: `${name} A` });
    await touch(seeker.id, a, "2025-03-03T09:00:00Z", "phone", "outbound"); //   UTC Mon 3  | AKL Mon 3 22:00
    await touch(seeker.id, a, "2025-03-04T09:00:00Z", "email", "outbound"); //   UTC Tue 4  | AKL Tue 4 22:00
    await touch(seeker.id, a, "2025-03-06T20:00:00Z", "email", "outbound"); //   UTC Thu 6  | AKL Fri 7 09:00
    await touch(seeker.id, a, "2025-03-07T09:00:00Z", "email", "inbound"); //    UTC Fri 7  | AKL Fri 7 22:00
    await touch(seeker.id, a, "2025-03-09T11:30:00Z", "phone", "outbound", { tooSoon: true }); // UTC Sun 9 | AKL Mon 10 00:30
    await lead(seeker.id, { plannedFirstContact: "2025-03-05" }); // B: UTC 4 days late, AKL 5: overdue in both
    await lead(seeker.id, { plannedFirstContact: "2025-03-02" }); // C: UTC 7 days late (overdue), AKL 8 (cold)
    await lead(seeker.id, { plannedFirstContact: "2025-02-01", pausedUntil: "2025-03-20" }); // D: paused
    await lead(seeker.id, { plannedFirstContact: "2025-02-01", closedAt: new Date("2025-03-01"), closedAs: "dropped" }); // E: closed
    await lead(seeker.id, { nextDueOverride: "2025-03-01" }); // F: set by hand, no touch: UTC 8, AKL 9 days late: cold
    const g = await lead(seeker.id, { nextDueOverride: "2025-02-20", nextDueOverrideSetAt: new Date("2025-03-01T00:00:00Z") });
    // G: touched after the date was set, so the date no longer holds: due 5 + 7 = 12 March, upcoming.
    await touch(seeker.id, g, "2025-03-05T09:00:00Z", "linkedin", "outbound"); // UTC Wed 5 | AKL Wed 5 22:00
    return seeker;
  }

  it("match the hand-worked figures in each client's own time zone", async () => {
    const coach = await person("Carla Coach", "UTC");
    const london = await clientIn(coach, "Una Utc", "UTC");
    const auckland = await clientIn(coach, "Aroha Auckland", "Pacific/Auckland");
    const facts = await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
    const byId = new Map(facts.map((fact) => [fact.seekerId, clientMetrics(fact)]));

    expect(byId.get(london.id)).toMatchObject({
      campaign: { week: 1, weeks: 2, contacted: 2, total: 7 },
      touchesThisWeek: 5, // every outbound touch falls in the week of Monday 3 March
      streak: 0, // Sunday and Saturday are skipped; Friday 7 had no outbound touch
      overdue: 2, // B and C
      cold: 1, // F
      tooSoon: 1,
      phoneShare: 2 / 5,
      daysSinceLastTouch: 0,
      weeklyTouches: [
        { week: 1, touches: 5, upcoming: false },
        { week: 2, touches: 0, upcoming: true },
      ],
    });
    expect(byId.get(auckland.id)).toMatchObject({
      campaign: { week: 2, weeks: 2, contacted: 2, total: 7 },
      touchesThisWeek: 1, // Monday 10 March 00:30 only
      streak: 2, // Monday 10, then Friday 7 (weekend skipped); Thursday 6 had none
      overdue: 1, // B
      cold: 2, // C and F
      tooSoon: 1,
      phoneShare: 2 / 5,
      daysSinceLastTouch: 0,
      weeklyTouches: [
        { week: 1, touches: 4, upcoming: false },
        { week: 2, touches: 1, upcoming: false },
      ],
    });
  });

  it("shows a client with no leads and no campaign", async () => {
    const coach = await person("Carla Coach");
    const seeker = await person("Nell New");
    await connect(coach, seeker);
    const [facts] = await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
    expect(clientMetrics(facts!)).toMatchObject({
      campaign: null,
      leadsTotal: 0,
      leadsContacted: 0,
      touchesThisWeek: 0,
      weeklyGoal: 5,
      streak: 0,
      overdue: 0,
      cold: 0,
      phoneShare: 0,
      daysSinceLastTouch: null,
      weeklyTouches: null,
    });
  });

  it("lists the client's leads in list order and the touches newest first", async () => {
    const coach = await person("Carla Coach");
    const seeker = await clientIn(coach, "Una Utc", "UTC");
    const clientLeads = await listClientLeads(handle.db, { coachId: coach.id, seekerId: seeker.id });
    expect(clientLeads).toHaveLength(7);
    expect(clientLeads[0]!.company).toBe("Una Utc A");
    expect(clientLeads[0]!.lastTouch).toMatchObject({ at: new Date("2025-03-09T11:30:00Z"), channel: "phone" });
    // No contact details leave the seeker's own pages.
    expect(Object.keys(clientLeads[0]!)).not.toContain("email");
    expect(Object.keys(clientLeads[0]!)).not.toContain("phone");
    expect(Object.keys(clientLeads[0]!)).not.toContain("personalNotes");

    const timeline = await listClientTouches(handle.db, { coachId: coach.id, seekerId: seeker.id, limit: 3 });
    expect(timeline.total).toBe(6);
    expect(timeline.touches.map((t) => t.at.toISOString())).toEqual([
      "2025-03-09T11:30:00.000Z",
      "2025-03-07T09:00:00.000Z",
      "2025-03-06T20:00:00.000Z",
    ]);
  });

  it("costs one statement for the Clients page's facts, whatever the number of clients", async () => {
    const coach = await person("Carla Coach");
    await clientIn(coach, "First Client", "UTC");
    resetQueryCount();
    await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
    expect(queryCount()).toBe(1);
    for (const name of ["Second", "Third", "Fourth", "Fifth"]) await clientIn(coach, `${name} Client`, "Pacific/Auckland");
    resetQueryCount();
    expect(await listClientFacts(handle.db, { coachId: coach.id, now: NOW })).toHaveLength(5);
    expect(queryCount()).toBe(1);
  });
});

describe("the pace rule in SQL", () => {
  const ZONES = ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kathmandu", "Europe/Paris"];
  const dayOffset = fc.integer({ min: -25, max: 10 });
  const instantBefore = (maxHoursBack: number) =>
    fc.integer({ min: 0, max: maxHoursBack * 60 }).map((minutes) => new Date(NOW.getTime() - minutes * 60_000));
  const leadArb = fc.record({
    timeZone: fc.constantFrom(...ZONES),
    cadenceDays: fc.integer({ min: 1, max: 14 }),
    planned: fc.option(dayOffset),
    override: fc.option(fc.record({ offset: dayOffset, setAt: fc.option(instantBefore(40 * 24)) })),
    paused: fc.option(fc.integer({ min: -5, max: 5 })),
    closed: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
    touches: fc.array(fc.record({ at: instantBefore(40 * 24), direction: fc.constantFrom("outbound", "inbound") as fc.Arbitrary<Direction> }), {
      maxLength: 3,
    }),
  });

  it("counts the same overdue, cold and contacted leads as computePace", async () => {
    const coach = await person("Carla Coach");
    await fc.assert(
      fc.asyncProperty(fc.array(leadArb, { minLength: 1, maxLength: 12 }), async (specs) => {
        await handle.db.delete(users).where(sql`${users.id} <> ${coach.id}`);
        const expected = new Map<string, { overdue: number; cold: number; contacted: number }>();
        for (const [index, spec] of specs.entries()) {
          const seeker = await person(`Seeker ${index}`, spec.timeZone);
          await connect(coach, seeker);
          const today = todayIn(NOW, spec.timeZone);
          const facts = {
            cadenceDays: spec.cadenceDays,
            plannedFirstContact: spec.planned === null ? null : addDays(today, spec.planned),
            nextDueOverride: spec.override === null ? null : addDays(today, spec.override.offset),
            nextDueOverrideSetAt: spec.override?.setAt ?? null,
            pausedUntil: spec.paused === null ? null : addDays(today, spec.paused),
            closedAt: spec.closed ? new Date("2025-02-01T00:00:00Z") : null,
          };
          const leadId = await lead(seeker.id, facts);
          for (const t of spec.touches) await touch(seeker.id, leadId, t.at.toISOString(), "email", t.direction);
          const pace = computePace({ ...facts, touches: spec.touches.map((t) => ({ ...t, channel: "email" as const })) }, NOW, spec.timeZone);
          expected.set(seeker.id, {
            overdue: pace.state === "overdue" ? 1 : 0,
            cold: pace.state === "cold" ? 1 : 0,
            contacted: spec.touches.length > 0 ? 1 : 0,
          });
        }
        const facts = await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
        expect(facts).toHaveLength(specs.length);
        for (const fact of facts) {
          const { overdue, cold, contacted } = fact.leads;
          expect({ overdue, cold, contacted }).toEqual(expected.get(fact.seekerId));
        }
      }),
      { numRuns: 25 },
    );
  });
});
