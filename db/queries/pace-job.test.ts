import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { addDays, CADENCE_RANGE_DAYS, dateOf, leadPace, OUTCOMES, type Channel, type Direction, type Outcome } from "@/lib/domain";
import { rowsOf } from "../client";
import { coachLinks, leads, paceRuns, touches, users } from "../schema";
import { setUpTestDb, truncateAll } from "@/test/db";
import { createUser } from "./users";
import { getLastPaceCheck, runPaceJob } from "./pace-job";
import { localDateInOwnersZone } from "./touches";

const handle = setUpTestDb();

let userCount = 0;
async function seeker(timeZone: string) {
  const user = await createUser(handle.db, {
    name: "Seeker",
    email: `seeker${++userCount}@example.com`,
    passwordHash: "x",
    timeZone,
  });
  return user!.id;
}

type LeadInput = Partial<typeof leads.$inferInsert> & { touchesAt?: Date[] };

async function lead(userId: string, input: LeadInput = {}) {
  const { touchesAt = [], ...columns } = input;
  const [row] = await handle.db
    .insert(leads)
    .values({ userId, company: "Acme", position: 0, ...columns })
    .returning({ id: leads.id });
  for (const at of touchesAt) {
    await handle.db.insert(touches).values({ userId, leadId: row!.id, at, localDate: localDateInOwnersZone(userId, at), channel: "email", direction: "outbound" });
  }
  return row!.id;
}

async function coldSinceOf(leadId: string) {
  const [row] = await handle.db.select({ coldSince: leads.coldSince, pausedUntil: leads.pausedUntil }).from(leads).where(eq(leads.id, leadId));
  return row!;
}

const run = (now: Date) => runPaceJob(handle.db, { now, trigger: "test" });

describe("runPaceJob", () => {
  it("flags a lead 8 days past due as cold but not one 7 days past due", async () => {
    const userId = await seeker("UTC");
    const now = new Date("2026-03-20T12:00:00Z");
    const sevenLate = await lead(userId, { plannedFirstContact: "2026-03-13" });
    const eightLate = await lead(userId, { plannedFirstContact: "2026-03-12" });
    const result = await run(now);
    expect(result).toMatchObject({ status: "ran", leadsScanned: 2, flaggedCold: 1, unflaggedCold: 0 });
    expect((await coldSinceOf(sevenLate)).coldSince).toBeNull();
    // Cold from the start of the 8th day late.
    expect((await coldSinceOf(eightLate)).coldSince).toEqual(new Date("2026-03-20T00:00:00Z"));
  });

  it("takes each owner's own calendar day, on both sides of midnight UTC", async () => {
    // 2026-03-20 23:30 UTC is already the 21st in Auckland and still the 20th in Los Angeles.
    const now = new Date("2026-03-20T23:30:00Z");
    const auckland = await lead(await seeker("Pacific/Auckland"), { plannedFirstContact: "2026-03-13" });
    const losAngeles = await lead(await seeker("America/Los_Angeles"), { plannedFirstContact: "2026-03-12" });
    const kathmandu = await lead(await seeker("Asia/Kathmandu"), { touchesAt: [new Date("2026-03-06T18:30:00Z")] });
    await run(now);
    expect((await coldSinceOf(auckland)).coldSince).not.toBeNull();
    expect((await coldSinceOf(losAngeles)).coldSince).not.toBeNull();
    // The touch was on 7 March in Kathmandu (UTC+5:45): due the 14th, 7 days late on the 21st there: not cold.
    expect((await coldSinceOf(kathmandu)).coldSince).toBeNull();
  });

  it("never flags paused or closed leads; a lead back from a pause is due that day, not cold, and keeps its return day", async () => {
    const userId = await seeker("Europe/London");
    const now = new Date("2026-06-20T09:00:00Z");
    const paused = await lead(userId, { plannedFirstContact: "2026-05-01", pausedUntil: "2026-06-25" });
    const closed = await lead(userId, { plannedFirstContact: "2026-05-01", closedAt: new Date("2026-06-01T00:00:00Z"), closedAs: "dropped" });
    const backToday = await lead(userId, { plannedFirstContact: "2026-05-01", pausedUntil: "2026-06-20" });
    const backLongAgo = await lead(userId, { plannedFirstContact: "2026-05-01", pausedUntil: "2026-06-10" });
    const result = await run(now);
    expect(result).toMatchObject({ unpaused: 1, flaggedCold: 1 });
    expect(await coldSinceOf(paused)).toEqual({ coldSince: null, pausedUntil: "2026-06-25" });
    expect((await coldSinceOf(closed)).coldSince).toBeNull();
    expect(await coldSinceOf(backToday)).toEqual({ coldSince: null, pausedUntil: "2026-06-20" });
    // Back on the 10th with no touch since: 10 days past its return day.
    expect((await coldSinceOf(backLongAgo)).coldSince).toEqual(new Date("2026-06-17T23:00:00Z"));
  });

  it("unflags a cold lead revived by a touch, and a lead closed since", async () => {
    const userId = await seeker("UTC");
    const now = new Date("2026-03-20T12:00:00Z");
    const revived = await lead(userId, { plannedFirstContact: "2026-03-01" });
    const closedLater = await lead(userId, { plannedFirstContact: "2026-03-01" });
    await run(now);
    await handle.db.insert(touches).values({ userId, leadId: revived, at: now, localDate: localDateInOwnersZone(userId, now), channel: "phone", direction: "outbound" });
    await handle.db.update(leads).set({ closedAt: now, closedAs: "won" }).where(eq(leads.id, closedLater));
    const result = await run(new Date(now.getTime() + 60_000));
    expect(result).toMatchObject({ flaggedCold: 0, unflaggedCold: 2 });
    expect((await coldSinceOf(revived)).coldSince).toBeNull();
    expect((await coldSinceOf(closedLater)).coldSince).toBeNull();
  });

  it("changes nothing the second time", async () => {
    const userId = await seeker("UTC");
    const now = new Date("2026-03-20T12:00:00Z");
    await lead(userId, { plannedFirstContact: "2026-03-01" });
    await lead(userId, { plannedFirstContact: "2026-03-01", pausedUntil: "2026-03-20" });
    const first = await run(now);
    expect(first).toMatchObject({ flaggedCold: 1, unpaused: 1 });
    const before = await handle.db.select().from(leads);
    const second = await run(new Date(now.getTime() + 3_600_000));
    expect(second).toMatchObject({ status: "ran", flaggedCold: 0, unflaggedCold: 0, unpaused: 1, leadsScanned: 2 });
    expect(await handle.db.select().from(leads)).toEqual(before);
  });

  it("records every run and when the leads were last checked", async () => {
    expect(await getLastPaceCheck(handle.db)).toBeNull();
    const result = await run(new Date("2026-03-20T12:00:00Z"));
    const recorded = await handle.db.select().from(paceRuns);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ id: result.runId, status: "ran", trigger: "test", error: null });
    expect(await getLastPaceCheck(handle.db)).toEqual(result.finishedAt);
  });

  it("records a failed run with its error", async () => {
    const userId = await seeker("UTC");
    // A zone PostgreSQL does not know makes the statement fail.
    await handle.db.execute(sql`update users set time_zone = 'Not/AZone' where id = ${userId}`);
    await lead(userId, { plannedFirstContact: "2026-03-01" });
    const result = await run(new Date("2026-03-20T12:00:00Z"));
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/time zone/i);
    expect(await handle.db.select({ status: paceRuns.status }).from(paceRuns)).toEqual([{ status: "failed" }]);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("skips while another run holds the lock, and two runs at once flag once", async () => {
    const userId = await seeker("UTC");
    await lead(userId, { plannedFirstContact: "2026-03-01" });
    const now = new Date("2026-03-20T12:00:00Z");
    const database = rowsOf<{ name: string }>(await handle.db.execute(sql`select current_database() as name`))[0]!.name;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${database}`;
    const other = postgres(url.toString(), { max: 1 });
    try {
      await other.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(730210001)`;
        expect(await run(now)).toMatchObject({ status: "skipped", flaggedCold: 0 });
      });
      const both = await Promise.all([run(now), run(now)]);
      expect(both.reduce((sum, r) => sum + r.flaggedCold, 0)).toBe(1);
    } finally {
      await other.end();
    }
  });
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "takes a coached seeker's row before their leads, so a run and the seeker's own write never wait on each other",
    async () => {
      // A coached seeker (so client_facts holds their figures, of another day than the run's) with a
      // lead the run flags cold.
      const userId = await seeker("UTC");
      const coachId = await seeker("UTC");
      await handle.db.insert(coachLinks).values({ coachId, seekerId: userId });
      const leadId = await lead(userId, { plannedFirstContact: "2026-03-01" });
      const now = new Date("2026-03-20T12:00:00Z");
      const database = rowsOf<{ name: string }>(await handle.db.execute(sql`select current_database() as name`))[0]!.name;
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${database}`;
      const other = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        // The seeker's own write, as every one begins (lockSeeker): their row, then their lead.
        const seekerWrite = other.begin(async (tx) => {
          await tx`select 1 from users where id = ${userId} for update`;
          const running = run(now);
          // Until the run waits for the seeker's row (else this test would not be the race it is about)…
          let waited = false;
          for (let tries = 0; tries < 200 && !waited; tries++) {
            const [waiting] = await tx`select count(*)::int as n from pg_stat_activity where datname = ${database} and wait_event_type = 'Lock'`;
            waited = waiting!.n > 0;
            if (!waited) await new Promise((resolve) => setTimeout(resolve, 25));
          }
          expect(waited, "the run waits for the seeker's row").toBe(true);
          // …which it must ask for before it holds any of their leads: else this waits for the run as the
          // run waits for this, and PostgreSQL cancels one of the two.
          await tx`update leads set cold_since = null, updated_at = now() where id = ${leadId}`;
          // Not awaited here: the run goes on once this commits.
          return { running };
        });
        const { running } = await seekerWrite;
        expect(await running).toMatchObject({ status: "ran", flaggedCold: 1 });
        expect((await coldSinceOf(leadId)).coldSince).not.toBeNull();
      } finally {
        await other.end();
      }
    },
  );
});

const zones = ["UTC", "Pacific/Auckland", "America/St_Johns", "Asia/Kathmandu", "Europe/London", "America/Los_Angeles"];
const dayMs = 86_400_000;

describe("the SQL job and lib/domain agree", () => {
  it("flags exactly the leads leadPace calls cold, on generated histories", async () => {
    const base = new Date("2026-03-01T00:00:00Z").getTime();
    const isoDay = (offset: number) => new Date(base + offset * dayMs).toISOString().slice(0, 10);
    const touchArb = fc.record({
      hour: fc.integer({ min: 0, max: 60 * 24 }),
      channel: fc.constantFrom<Channel>("phone", "email", "linkedin"),
      direction: fc.constantFrom<Direction>("outbound", "outbound", "inbound"),
      outcome: fc.option(fc.constantFrom<Outcome>(...OUTCOMES), { nil: null }),
    });
    const leadArb = fc.record({
      cadenceDays: fc.integer({ min: CADENCE_RANGE_DAYS.min, max: CADENCE_RANGE_DAYS.max }),
      planned: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      override: fc.option(fc.record({ day: fc.integer({ min: 0, max: 60 }), setAt: fc.option(fc.integer({ min: 0, max: 60 * 24 }), { nil: null }) }), { nil: null }),
      paused: fc.option(fc.integer({ min: 10, max: 70 }), { nil: null }),
      closed: fc.boolean(),
      touches: fc.array(touchArb, { maxLength: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...zones),
        fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
        fc.integer({ min: 30 * 24, max: 75 * 24 }),
        fc.array(leadArb, { minLength: 1, maxLength: 6 }),
        async (timeZone, contactDays, nowHour, specs) => {
          await truncateAll(handle.db);
          const userId = await seeker(timeZone);
          await handle.db.update(users).set({ contactDays }).where(eq(users.id, userId));
          const now = new Date(base + nowHour * 3_600_000);
          const paceLeads = specs.map((spec) => ({
            cadenceDays: spec.cadenceDays,
            plannedFirstContact: spec.planned === null ? null : isoDay(spec.planned),
            nextDueOverride: spec.override ? isoDay(spec.override.day) : null,
            nextDueOverrideSetAt: spec.override?.setAt != null ? new Date(base + spec.override.setAt * 3_600_000) : null,
            pausedUntil: spec.paused === null ? null : isoDay(spec.paused),
            closedAt: spec.closed ? new Date(base) : null,
            touches: spec.touches.map((touch) => {
              const at = new Date(base + touch.hour * 3_600_000);
              return { at, localDate: dateOf(at, timeZone), channel: touch.channel, direction: touch.direction, outcome: touch.outcome };
            }),
          }));
          const ids: string[] = [];
          for (const { touches: history, ...columns } of paceLeads) {
            const [row] = await handle.db.insert(leads).values({ userId, company: "Acme", position: ids.length, ...columns }).returning({ id: leads.id });
            ids.push(row!.id);
            if (history.length > 0) await handle.db.insert(touches).values(history.map((touch) => ({ ...touch, userId, leadId: row!.id })));
          }
          await run(now);
          for (const [index, paceLead] of paceLeads.entries()) {
            const expected = leadPace(paceLead, { now, timeZone, contactDays });
            const stored = await coldSinceOf(ids[index]!);
            expect(stored.coldSince !== null, `lead ${index} (${expected.state}, ${expected.reason}) in ${timeZone}`).toBe(expected.state === "cold");
            if (expected.state === "cold") {
              // Cold from the start of the 8th day past next due, in the owner's zone.
              expect(dateOf(stored.coldSince!, timeZone)).toBe(addDays(expected.nextDue!, 8));
            }
            // A pause is kept, ended or not.
            expect(stored.pausedUntil).toBe(paceLead.pausedUntil);
          }
        },
      ),
      { numRuns: 60 },
    );
    // 60 generated histories, each written and paced on a real database: minutes on a busy machine.
  }, 180_000);
});
