import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dayNumberOf } from "@/lib/coach/days";
import { clientMetrics, touchesPerCampaignWeek } from "@/lib/coach/metrics";
import {
  addDays,
  campaignFigures,
  dailyCall,
  dateOf,
  leadPace,
  onPaceShare,
  OUTCOMES,
  phoneShare,
  quietState,
  todayIn,
  tooSoonFlags,
  type Channel,
  type Direction,
} from "@/lib/domain";
import { queryCount, resetQueryCount } from "../query-counter";
import { users } from "../schema";
import { setUpTestDb } from "@/test/db";
import { campaignSettingsOf, getSeekerSettings } from "./campaign";
import { listClientFacts } from "./coach-clients";
import { listClientTouchesPage, listLeadsPage } from "./leads-page";
import { getLeadDetail, listLeads } from "./leads";
import { coachFixtures, type Person } from "@/test/fixtures/coach";

// Statements are counted on this file's database.
const handle = setUpTestDb({ countQueries: true });
const { person, lead, touch, connect } = coachFixtures(handle);

const NOW = new Date("2025-03-09T12:00:00Z");

describe("the coach's figures", () => {
  /*
   * NOW is Sunday 9 March 12:00 UTC, which is already Monday 10 March 01:00 in Auckland (UTC+13).
   * Both clients start their campaign on Monday 3 March, 5 first contacts a week on weekdays, and
   * have the same leads and touches at the same instants.
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
    // H: three outbound touches and no answer: quiet (and on pace: due again on 15 March).
    const h = await lead(seeker.id, { plannedFirstContact: "2025-03-04" });
    await touch(seeker.id, h, "2025-03-04T10:00:00Z", "email", "outbound"); //   UTC Tue 4  | AKL Tue 4 23:00
    await touch(seeker.id, h, "2025-03-07T10:00:00Z", "linkedin", "outbound", { outcome: "no_answer" }); // Fri 7 in both
    await touch(seeker.id, h, "2025-03-08T10:00:00Z", "email", "outbound", { outcome: "left_message" }); // Sat 8 in both
    return seeker;
  }

  it("match the hand-worked figures in each client's own time zone", async () => {
    const coach = await person("Carla Coach", "UTC");
    const london = await clientIn(coach, "Una Utc", "UTC");
    const auckland = await clientIn(coach, "Aroha Auckland", "Pacific/Auckland");
    const facts = await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
    const byId = new Map(facts.map((fact) => [fact.seekerId, clientMetrics(fact)]));

    expect(byId.get(london.id)).toMatchObject({
      // A, G and H are touched, not paused nor closed, and none is overdue or cold.
      onPace: { onPace: 3, active: 3, share: 1 },
      // Sunday 9 March is in week 1; the last first contact (made or planned) was on Wednesday 5.
      // E, closed and never contacted, takes no place: 7 leads in the campaign, A, G and H contacted.
      campaign: { week: 1, weeks: 1, firstContactsThisWeek: 3, weekPlan: 5, contacted: 3, total: 7 },
      streak: 0, // Sunday and Saturday are skipped; Friday 7 had no call (Sunday 9's call was too soon)
      calledToday: false,
      overdue: 2, // B and C
      cold: 1, // F
      quiet: 1, // H
      tooSoon: 1,
      phoneShare: 2 / 8,
      daysSinceLastTouch: 0,
      weeklyTouches: [{ week: 1, touches: 8, upcoming: false }],
    });
    expect(byId.get(auckland.id)).toMatchObject({
      onPace: { onPace: 3, active: 3, share: 1 },
      // Already Monday 10 March: week 2, with no first contact yet and 4 leads left to contact.
      campaign: { week: 2, weeks: 1, firstContactsThisWeek: 0, weekPlan: 4, contacted: 3, total: 7 },
      streak: 0, // today (no call yet) does not break it; the weekend is skipped; Friday 7 had none
      calledToday: false,
      overdue: 1, // B
      cold: 2, // C and F
      quiet: 1,
      tooSoon: 1,
      phoneShare: 2 / 8,
      daysSinceLastTouch: 0,
      weeklyTouches: [
        { week: 1, touches: 7, upcoming: false },
        { week: 2, touches: 1, upcoming: false },
      ],
    });
  });

  it("give the campaign figures the seeker's own records give (one definition: campaignFigures)", async () => {
    const coach = await person("Carla Coach");
    for (const [name, zone] of [["Una Utc", "UTC"], ["Aroha Auckland", "Pacific/Auckland"]] as const) {
      const seeker = await clientIn(coach, name, zone);
      // The seeker's side: their settings and leads, read by the seeker's own queries.
      const settings = campaignSettingsOf((await getSeekerSettings(handle.db, { userId: seeker.id }))!)!;
      const leads = [];
      for (const row of await listLeads(handle.db, { userId: seeker.id })) {
        const { lead, touches } = (await getLeadDetail(handle.db, { userId: seeker.id, leadId: row.id }))!;
        const days = touches.map((t) => t.localDate).sort();
        leads.push({ firstContactOn: days[0] ?? null, plannedFirstContact: lead.plannedFirstContact, closed: lead.closedAt !== null });
      }
      const seekers = campaignFigures({ settings, leads, today: todayIn(NOW, zone) });
      const [facts] = await listClientFacts(handle.db, { coachId: coach.id, seekerId: seeker.id, now: NOW });
      expect(clientMetrics(facts!).campaign).toEqual(seekers);
    }
  });

  it("shows a client with no leads and no campaign", async () => {
    const coach = await person("Carla Coach");
    const seeker = await person("Nell New");
    await connect(coach, seeker);
    const [facts] = await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
    expect(clientMetrics(facts!)).toMatchObject({
      onPace: { share: null },
      campaign: null,
      leadsTotal: 0,
      leadsContacted: 0,
      streak: 0,
      quiet: 0,
      overdue: 0,
      cold: 0,
      phoneShare: 0,
      daysSinceLastTouch: null,
      weeklyTouches: null,
    });
  });

  it("lists the client's leads in list order and the touches newest first, with no contact details", async () => {
    const coach = await person("Carla Coach");
    const seeker = await clientIn(coach, "Una Utc", "UTC");
    const query = { state: "all", search: "", sort: "order", dir: "asc", after: null, before: null } as const;
    const { rows } = await listLeadsPage(handle.db, { userId: seeker.id, coachId: coach.id, now: NOW, timeZone: "UTC", query });
    expect(rows).toHaveLength(8);
    expect(rows[0]!.company).toBe("Una Utc A");
    expect(rows[0]!.lastTouch).toMatchObject({ at: new Date("2025-03-09T11:30:00Z"), channel: "phone" });
    // No contact details leave the seeker's own pages.
    expect(Object.keys(rows[0]!)).not.toContain("email");
    expect(Object.keys(rows[0]!)).not.toContain("phone");
    expect(Object.keys(rows[0]!)).not.toContain("personalNotes");

    const timeline = await listClientTouchesPage(handle.db, { coachId: coach.id, seekerId: seeker.id, olderThan: null, pageSize: 3 });
    expect(timeline.total).toBe(9);
    expect(timeline.touches.map((t) => new Date(t.at).toISOString())).toEqual([
      "2025-03-09T11:30:00.000Z",
      "2025-03-08T10:00:00.000Z",
      "2025-03-07T10:00:00.000Z",
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

describe("the coach's SQL agrees with lib/domain", () => {
  const ZONES = ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kathmandu", "Europe/Paris"];
  const dayOffset = fc.integer({ min: -25, max: 10 });
  /** Minutes before the instant the figures are read at. */
  const instantBefore = (maxHoursBack: number) => fc.integer({ min: 0, max: maxHoursBack * 60 });
  const before = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const touchArb = fc.record({
    minutesBack: instantBefore(40 * 24),
    direction: fc.constantFrom("outbound", "outbound", "inbound") as fc.Arbitrary<Direction>,
    channel: fc.constantFrom("phone", "email", "linkedin") as fc.Arbitrary<Channel>,
    outcome: fc.option(fc.constantFrom(...OUTCOMES), { freq: 2 }),
  });
  const leadArb = fc.record({
    cadenceDays: fc.integer({ min: 3, max: 30 }),
    planned: fc.option(dayOffset),
    override: fc.option(fc.record({ offset: dayOffset, setAt: fc.option(instantBefore(40 * 24)) })),
    paused: fc.option(fc.integer({ min: -5, max: 5 })),
    closed: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    touches: fc.array(touchArb, { maxLength: 6 }),
  });
  const clientArb = fc.record({
    timeZone: fc.constantFrom(...ZONES),
    campaignStart: fc.option(fc.integer({ min: -40, max: 3 })),
    contactDays: fc.constantFrom<number[]>([1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5, 6], [2, 4]),
    leads: fc.array(leadArb, { maxLength: 6 }),
  });

  // At a fixed instant long ago, the page computes every client (client_facts_at); at the current
  // one, it reads the rows the triggers kept in each write (client-facts.test.ts holds them equal to
  // client_facts_at after any sequence of writes): both agree with lib/domain.
  it.each([
    ["computed on the read", () => NOW],
    ["read from the rows kept in each write", () => new Date()],
  ])("on generated clients (%s): on pace, overdue, cold, quiet, too soon, the campaign, the daily call, phone share, last touch and the chart", async (_, nowOf) => {
    const coach = await person("Carla Coach");
    await fc.assert(
      fc.asyncProperty(fc.array(clientArb, { minLength: 1, maxLength: 4 }), async (specs) => {
        await handle.db.delete(users).where(sql`${users.id} <> ${coach.id}`);
        const NOW = nowOf();
        const expected = new Map<string, object>();
        for (const [index, spec] of specs.entries()) {
          const { timeZone, contactDays } = spec;
          const today = todayIn(NOW, timeZone);
          const campaignStartDate = spec.campaignStart === null ? null : addDays(today, spec.campaignStart);
          const seeker = await person(`Seeker ${index}`, timeZone, { campaignStartDate, contactDays });
          await connect(coach, seeker);
          const paces = [];
          const campaignLeads = [];
          const allTouches = [];
          let quiet = 0;
          let tooSoon = 0;
          for (const leadSpec of spec.leads) {
            const facts = {
              cadenceDays: leadSpec.cadenceDays,
              plannedFirstContact: leadSpec.planned === null ? null : addDays(today, leadSpec.planned),
              nextDueOverride: leadSpec.override === null ? null : addDays(today, leadSpec.override.offset),
              nextDueOverrideSetAt: leadSpec.override?.setAt == null ? null : before(NOW, leadSpec.override.setAt),
              pausedUntil: leadSpec.paused === null ? null : addDays(today, leadSpec.paused),
              closedAt: leadSpec.closed ? new Date("2025-02-01T00:00:00Z") : null,
            };
            const leadId = await lead(seeker.id, facts);
            const dated = leadSpec.touches.map(({ minutesBack, ...t }) => {
              const at = before(NOW, minutesBack);
              return { ...t, at, localDate: dateOf(at, timeZone) };
            });
            // The stored flags as every write leaves them (reflagTooSoon).
            const flags = tooSoonFlags(dated);
            for (const [i, t] of dated.entries()) {
              await touch(seeker.id, leadId, t.at.toISOString(), t.channel, t.direction, { outcome: t.outcome, tooSoon: flags[i] });
            }
            tooSoon += flags.filter(Boolean).length;
            allTouches.push(...dated.map((t) => ({ ...t, leadId })));
            const pace = leadPace({ ...facts, touches: dated }, { now: NOW, timeZone, contactDays });
            paces.push(pace);
            if (pace.state !== "paused" && pace.state !== "closed" && quietState(dated).quiet) quiet += 1;
            const firstContactOn = dated.length === 0 ? null : dated.map((t) => t.localDate).reduce((a, b) => (a < b ? a : b));
            campaignLeads.push({ firstContactOn, plannedFirstContact: facts.plannedFirstContact, closed: facts.closedAt !== null });
          }
          const call = dailyCall({ touches: allTouches, contactDays, now: NOW, timeZone });
          const campaign =
            campaignStartDate === null ? null : campaignFigures({ settings: { startDate: campaignStartDate, firstContactsPerWeek: 5, contactDays }, leads: campaignLeads, today });
          // The chart from every outbound touch's own day (the SQL sends week totals).
          const perDay = new Map<number, number>();
          for (const t of allTouches.filter((t) => t.direction === "outbound")) perDay.set(dayNumberOf(t.localDate), (perDay.get(dayNumberOf(t.localDate)) ?? 0) + 1);
          const lastAt = allTouches.length === 0 ? null : new Date(Math.max(...allTouches.map((t) => t.at.getTime())));
          const lastDay = allTouches.length === 0 ? null : allTouches.map((t) => t.localDate).reduce((a, b) => (a > b ? a : b));
          expected.set(seeker.id, {
            onPace: onPaceShare(paces),
            campaign,
            overdue: paces.filter((pace) => pace.state === "overdue").length,
            cold: paces.filter((pace) => pace.state === "cold").length,
            quiet,
            tooSoon,
            streak: call.streak,
            calledToday: call.madeToday,
            phoneShare: phoneShare(allTouches),
            lastTouchAt: lastAt,
            daysSinceLastTouch: lastDay === null ? null : dayNumberOf(today) - dayNumberOf(lastDay),
            weeklyTouches:
              campaign === null || campaignStartDate === null
                ? null
                : touchesPerCampaignWeek(perDay, { start: dayNumberOf(campaignStartDate), weeks: campaign.weeks, today: dayNumberOf(today) }),
          });
        }
        const facts = await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
        expect(facts).toHaveLength(specs.length);
        for (const fact of facts) {
          const { onPace, campaign, overdue, cold, quiet, tooSoon, streak, calledToday, phoneShare, lastTouchAt, daysSinceLastTouch, weeklyTouches } =
            clientMetrics(fact);
          expect({ onPace, campaign, overdue, cold, quiet, tooSoon, streak, calledToday, phoneShare, lastTouchAt, daysSinceLastTouch, weeklyTouches }).toEqual(
            expected.get(fact.seekerId),
          );
        }
      }),
      { numRuns: 25 },
    );
  });
});
