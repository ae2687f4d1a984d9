import fc from "fast-check";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { addDays, dailyCall, todayIn } from "@/lib/domain";
import { rowsOf } from "../client";
import { clientFacts, coachLinks, leads, touches, users } from "../schema";
import { setUpTestDb } from "@/test/db";
import { coachFixtures } from "@/test/fixtures/coach";
import { touchArb as touchArbOf, touchRowOf } from "@/test/fixtures/touch-writes";
import { listClientFacts } from "./coach-clients";
import { runPaceJob } from "./pace-job";

/*
 * The coach's figures kept per client (client_facts) are kept by triggers on leads, touches, the
 * seeker's settings and coach links (migration 0012). Whatever sequence of statements writes them
 * (several rows at once, corrections, pauses, closes, hand-set dates, deletions, a link ended or
 * made, a seeker's zone or contact days changed), each coached seeker has one row, and it equals
 * the full computation for its day (client_facts_at, which coach-clients.test.ts holds equal to
 * lib/domain); a seeker nobody coaches has none. The Clients page reads those rows.
 */
const handle = setUpTestDb();
const { person, lead } = coachFixtures(handle);

const ZONES = ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kathmandu"];

type Comparison = { seeker_id: string; kept: string; computed: string };

/** Each kept row beside the same figures computed afresh for the row's own day, in its client's zone. */
async function keptBesideComputed(): Promise<Comparison[]> {
  const result = await handle.db.execute(sql`
    select k.seeker_id, row_to_json(k)::text as kept, (
      select row_to_json(x)::text
      from client_facts_at(array[k.seeker_id], (k.today + time '12:00') at time zone u.time_zone) x
    ) as computed
    from ${clientFacts} k join ${users} u on u.id = k.seeker_id
    order by k.seeker_id`);
  return rowsOf<Comparison>(result);
}

async function coachedSeekers(): Promise<string[]> {
  const rows = await handle.db.selectDistinct({ id: coachLinks.seekerId }).from(coachLinks).where(isNull(coachLinks.endedAt));
  return rows.map((row) => row.id).sort();
}

const touchArb = touchArbOf(30);

/** A day this many days from today (UTC's: the rows are of each seeker's own today, a day either side). */
const dayFromToday = (offset: number) => addDays(todayIn(new Date(), "UTC"), offset);
/** A day from 20 days ago to 10 days ahead. */
const dayArb = fc.integer({ min: -20, max: 10 }).map(dayFromToday);

/** One statement on what the figures read, of any size. */
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant("insertTouches" as const), rows: fc.array(touchArb, { minLength: 1, maxLength: 6 }) }),
  fc.record({
    kind: fc.constant("updateTouches" as const),
    pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    change: fc.constantFrom("direction", "outcome", "tooSoon", "day"),
  }),
  fc.record({ kind: fc.constant("deleteTouches" as const), pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant("insertLead" as const), seeker: fc.nat(), planned: fc.option(dayArb) }),
  fc.record({
    kind: fc.constant("updateLeads" as const),
    pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    change: fc.oneof(
      fc.record({ column: fc.constant("pausedUntil" as const), day: fc.option(dayArb) }),
      fc.record({ column: fc.constant("plannedFirstContact" as const), day: fc.option(dayArb) }),
      fc.record({ column: fc.constant("nextDueOverride" as const), day: fc.option(dayArb) }),
      fc.record({ column: fc.constant("closedAt" as const), closed: fc.boolean() }),
      fc.record({ column: fc.constant("cadenceDays" as const), days: fc.integer({ min: 3, max: 30 }) }),
      // Not read by the figures: the row stays as it was, and still equal.
      fc.record({ column: fc.constant("notes" as const), text: fc.string({ maxLength: 5 }) }),
    ),
  }),
  fc.record({ kind: fc.constant("deleteLead" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("settings" as const),
    seeker: fc.nat(),
    timeZone: fc.constantFrom(...ZONES),
    contactDays: fc.constantFrom<number[]>([1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5, 6], [2, 4]),
    campaignStart: fc.option(fc.integer({ min: -40, max: 3 })),
  }),
  fc.record({ kind: fc.constant("endLink" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("link" as const), coach: fc.nat(), seeker: fc.nat() }),
  fc.record({ kind: fc.constant("deleteSeeker" as const), pick: fc.nat() }),
);

describe("the coach's kept figures", () => {
  it("equal the full computation for their day, for every coached seeker and only them, after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 10 }), async (steps) => {
        await handle.db.delete(users);
        const coaches = [await person("Carla Coach"), await person("Cody Coach")];
        const seekers: string[] = [];
        for (const [index, zone] of ZONES.entries()) {
          const seeker = await person(`Seeker ${index}`, zone, { campaignStartDate: dayFromToday(-10) });
          seekers.push(seeker.id);
          for (let i = 0; i < 2; i++) await lead(seeker.id, { plannedFirstContact: dayFromToday(-3 * i) });
          // Three of the four are coached, one by both coaches.
          if (index < 3) await handle.db.insert(coachLinks).values({ coachId: coaches[0]!.id, seekerId: seeker.id });
          if (index === 0) await handle.db.insert(coachLinks).values({ coachId: coaches[1]!.id, seekerId: seeker.id });
        }
        const pick = <T>(list: readonly T[], n: number) => list[n % list.length];
        for (const step of steps) {
          const liveLeads = await handle.db.select({ id: leads.id, userId: leads.userId }).from(leads);
          const existing = await handle.db.select({ id: touches.id }).from(touches);
          const liveSeekers = (await handle.db.select({ id: users.id }).from(users).where(inArray(users.id, seekers))).map((row) => row.id);
          if (step.kind === "insertTouches") {
            if (liveLeads.length === 0) continue;
            await handle.db.insert(touches).values(
              step.rows.map((row) => touchRowOf(liveLeads, row, new Date())),
            );
          } else if (step.kind === "updateTouches") {
            if (existing.length === 0) continue;
            const changes: Record<typeof step.change, PgUpdateSetSource<typeof touches>> = {
              direction: { direction: sql`case when ${touches.direction} = 'inbound' then 'outbound' else 'inbound' end` },
              outcome: { outcome: sql`case when ${touches.outcome} is null then 'conversation' else null end` },
              tooSoon: { tooSoon: sql`not ${touches.tooSoon}` },
              day: { localDate: sql`${touches.localDate} - 1`, at: sql`${touches.at} - interval '1 day'` },
            };
            await handle.db
              .update(touches)
              .set(changes[step.change])
              .where(inArray(touches.id, step.pick.map((n) => pick(existing, n)!.id)));
          } else if (step.kind === "deleteTouches") {
            if (existing.length === 0) continue;
            await handle.db.delete(touches).where(inArray(touches.id, step.pick.map((n) => pick(existing, n)!.id)));
          } else if (step.kind === "insertLead") {
            if (liveSeekers.length === 0) continue;
            await lead(pick(liveSeekers, step.seeker)!, { plannedFirstContact: step.planned });
          } else if (step.kind === "updateLeads") {
            if (liveLeads.length === 0) continue;
            const { change } = step;
            const set: PgUpdateSetSource<typeof leads> =
              change.column === "closedAt"
                ? { closedAt: change.closed ? sql`now() - interval '1 day'` : null, closedAs: change.closed ? "dropped" : null }
                : change.column === "cadenceDays"
                  ? { cadenceDays: change.days }
                  : change.column === "notes"
                    ? { notes: change.text }
                    : change.column === "nextDueOverride"
                      ? { nextDueOverride: change.day, nextDueOverrideSetAt: change.day === null ? null : sql`now()` }
                      : { [change.column]: change.day };
            await handle.db.update(leads).set(set).where(inArray(leads.id, step.pick.map((n) => pick(liveLeads, n)!.id)));
          } else if (step.kind === "deleteLead") {
            if (liveLeads.length === 0) continue;
            await handle.db.delete(leads).where(eq(leads.id, pick(liveLeads, step.pick)!.id));
          } else if (step.kind === "settings") {
            if (liveSeekers.length === 0) continue;
            await handle.db
              .update(users)
              .set({
                timeZone: step.timeZone,
                contactDays: step.contactDays,
                campaignStartDate: step.campaignStart === null ? null : dayFromToday(step.campaignStart),
              })
              .where(eq(users.id, pick(liveSeekers, step.seeker)!));
          } else if (step.kind === "endLink") {
            const links = await handle.db.select({ id: coachLinks.id }).from(coachLinks).where(isNull(coachLinks.endedAt));
            if (links.length === 0) continue;
            await handle.db.update(coachLinks).set({ endedAt: new Date() }).where(eq(coachLinks.id, pick(links, step.pick)!.id));
          } else if (step.kind === "link") {
            if (liveSeekers.length === 0) continue;
            const coachId = pick(coaches, step.coach)!.id;
            const seekerId = pick(liveSeekers, step.seeker)!;
            const live = await handle.db
              .select({ id: coachLinks.id })
              .from(coachLinks)
              .where(and(eq(coachLinks.coachId, coachId), eq(coachLinks.seekerId, seekerId), isNull(coachLinks.endedAt)));
            if (live.length === 0) await handle.db.insert(coachLinks).values({ coachId, seekerId });
          } else {
            if (liveSeekers.length === 0) continue;
            await handle.db.delete(users).where(eq(users.id, pick(liveSeekers, step.pick)!));
          }
          const compared = await keptBesideComputed();
          expect(compared.map((row) => row.seeker_id)).toEqual(await coachedSeekers());
          for (const row of compared) expect(JSON.parse(row.kept)).toEqual(JSON.parse(row.computed));
        }
      }),
      { numRuns: 30 },
    );
  });

  it("are what the Clients page reads: its figures equal those computed without them", async () => {
    const coach = await person("Carla Coach");
    for (const [index, zone] of ZONES.entries()) {
      const seeker = await person(`Seeker ${index}`, zone, { campaignStartDate: dayFromToday(-10) });
      await handle.db.insert(coachLinks).values({ coachId: coach.id, seekerId: seeker.id });
      const leadId = await lead(seeker.id, { plannedFirstContact: dayFromToday(-2) });
      await handle.db.insert(touches).values({
        userId: seeker.id,
        leadId,
        at: sql`now() - interval '1 day'`,
        localDate: sql`((now() - interval '1 day') at time zone ${zone})::date`,
        channel: "phone",
        direction: "outbound",
      });
    }
    const now = new Date();
    const read = await listClientFacts(handle.db, { coachId: coach.id, now });
    // Without the kept rows, the page computes every client itself.
    expect(await handle.db.$count(clientFacts)).toBe(ZONES.length);
    await handle.db.delete(clientFacts);
    const computed = await listClientFacts(handle.db, { coachId: coach.id, now });
    const bySeeker = (facts: typeof read) => [...facts].sort((a, b) => a.seekerId.localeCompare(b.seekerId));
    expect(read).toHaveLength(ZONES.length);
    expect(bySeeker(read)).toEqual(bySeeker(computed));
  });

  it("count the daily call as dailyCall does, over long histories with gaps", async () => {
    const NOW = new Date("2025-03-12T09:30:00Z");
    const coach = await person("Carla Coach");
    const dayArb = fc.integer({ min: -60, max: 0 }).map((offset) => addDays("2025-03-12", offset));
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(dayArb, { maxLength: 40 }),
        fc.constantFrom<number[]>([1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5, 6], [2, 4], []),
        async (days, contactDays) => {
          await handle.db.delete(users).where(sql`${users.id} <> ${coach.id}`);
          const seeker = await person("Sam Seeker", "UTC", { contactDays });
          await handle.db.insert(coachLinks).values({ coachId: coach.id, seekerId: seeker.id });
          const calls = days.map((day) => ({ leadId: day, at: new Date(`${day}T08:00:00Z`), localDate: day, channel: "phone" as const, direction: "outbound" as const }));
          if (calls.length > 0) {
            // A lead each: none too soon, as dailyCall judges them.
            const leadIds = await Promise.all(calls.map(() => lead(seeker.id)));
            await handle.db.insert(touches).values(
              calls.map((call, index) => ({ userId: seeker.id, leadId: leadIds[index]!, at: call.at, localDate: call.localDate, channel: call.channel, direction: call.direction })),
            );
          }
          const expected = dailyCall({ touches: calls, contactDays, now: NOW, timeZone: "UTC" });
          const [facts] = await listClientFacts(handle.db, { coachId: coach.id, now: NOW });
          expect(facts!.dailyCall).toEqual({ streak: expected.streak, madeToday: expected.madeToday });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("are brought to the new day by the pace job once their day has gone by", async () => {
    const coach = await person("Carla Coach");
    const seeker = await person("Sam Seeker", "Pacific/Auckland", { campaignStartDate: dayFromToday(-10) });
    await handle.db.insert(coachLinks).values({ coachId: coach.id, seekerId: seeker.id });
    await lead(seeker.id, { plannedFirstContact: dayFromToday(-3) });
    const later = new Date(Date.now() + 2 * 86_400_000);
    const [before] = await handle.db.select({ today: clientFacts.today }).from(clientFacts);
    expect(before!.today).not.toBe(todayIn(later, "Pacific/Auckland"));
    expect((await runPaceJob(handle.db, { now: later, trigger: "test" })).status).toBe("ran");
    const [after] = await handle.db.select({ today: clientFacts.today }).from(clientFacts);
    expect(after!.today).toBe(todayIn(later, "Pacific/Auckland"));
    const [compared] = await keptBesideComputed();
    expect(JSON.parse(compared!.kept)).toEqual(JSON.parse(compared!.computed));
  });
});
