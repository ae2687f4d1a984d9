import fc from "fast-check";
import { eq, inArray, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { latestOf, quietState, type DatedTouch, type Outcome } from "@/lib/domain";
import { leads, leadTouchFacts, touchDays, touches, users } from "../schema";
import { setUpTestDb } from "@/test/db";
import { coachFixtures } from "@/test/fixtures/coach";
import { touchArb as touchArbOf, touchRowOf } from "@/test/fixtures/touch-writes";

/*
 * The summaries the Clients page reads (lead_touch_facts, touch_days) are kept by triggers on
 * touches (migration 0011). Whatever sequence of statements writes the touches (several rows at
 * once, inserts, corrections, reflags, deletions, a lead or a seeker deleted), they equal what the
 * pure functions of lib/domain compute from the touches as they stand.
 */
const handle = setUpTestDb();
const { person, lead } = coachFixtures(handle);

const NOW = new Date("2025-03-09T12:00:00Z");
const ZONES = ["UTC", "Pacific/Auckland", "America/Los_Angeles"];

type Row = DatedTouch & { id: string; userId: string; leadId: string; outcome: Outcome | null; tooSoon: boolean };

/** Every touch as it stands, read back. */
async function allTouches(): Promise<Row[]> {
  return handle.db
    .select({
      id: touches.id,
      userId: touches.userId,
      leadId: touches.leadId,
      at: touches.at,
      localDate: touches.localDate,
      channel: touches.channel,
      direction: touches.direction,
      outcome: touches.outcome,
      tooSoon: touches.tooSoon,
    })
    .from(touches);
}

/** The summaries as the full computation gives them: lib/domain over each lead's and each day's touches. */
function expectedSummaries(rows: readonly Row[]) {
  const byLead = new Map<string, Row[]>();
  for (const row of rows) byLead.set(row.leadId, [...(byLead.get(row.leadId) ?? []), row]);
  const facts = [...byLead].map(([leadId, history]) => {
    const last = latestOf(history)!;
    return {
      leadId,
      userId: last.userId,
      firstDay: history.map((t) => t.localDate).reduce((a, b) => (a < b ? a : b)),
      lastDay: last.localDate,
      lastDirection: last.direction,
      lastOutcome: last.outcome,
      latestAt: new Date(Math.max(...history.map((t) => t.at.getTime()))),
      unanswered: quietState(history).unanswered,
    };
  });
  const days = new Map<string, { userId: string; localDate: string; touches: number; outbound: number; phoneOutbound: number; calls: number; tooSoon: number }>();
  for (const row of rows) {
    const key = `${row.userId} ${row.localDate}`;
    const day = days.get(key) ?? { userId: row.userId, localDate: row.localDate, touches: 0, outbound: 0, phoneOutbound: 0, calls: 0, tooSoon: 0 };
    const outboundPhone = row.direction === "outbound" && row.channel === "phone";
    days.set(key, {
      ...day,
      touches: day.touches + 1,
      outbound: day.outbound + (row.direction === "outbound" ? 1 : 0),
      phoneOutbound: day.phoneOutbound + (outboundPhone ? 1 : 0),
      calls: day.calls + (outboundPhone && !row.tooSoon ? 1 : 0),
      tooSoon: day.tooSoon + (row.tooSoon ? 1 : 0),
    });
  }
  const byKey = <T extends object>(key: (t: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
  return {
    facts: facts.sort(byKey((f) => f.leadId)),
    days: [...days.values()].sort(byKey((d) => `${d.userId} ${d.localDate}`)),
  };
}

async function storedSummaries() {
  const facts = await handle.db.select().from(leadTouchFacts);
  const days = await handle.db.select().from(touchDays);
  const byKey = <T extends object>(key: (t: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
  return {
    facts: facts.sort(byKey((f) => f.leadId)),
    days: days.sort(byKey((d) => `${d.userId} ${d.localDate}`)),
  };
}

const touchArb = touchArbOf(20);

/** One statement on the touches, of any size. */
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), rows: fc.array(touchArb, { minLength: 1, maxLength: 8 }) }),
  fc.record({
    kind: fc.constant("update" as const),
    pick: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    change: fc.constantFrom("direction", "outcome", "tooSoon", "day", "lead"),
  }),
  fc.record({ kind: fc.constant("delete" as const), pick: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant("deleteLead" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("deleteSeeker" as const), pick: fc.nat() }),
);

describe("the touch summaries", () => {
  it("equal lib/domain over the touches after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 10 }), async (steps) => {
        await handle.db.delete(users);
        const seekers = [];
        const leadIds: string[] = [];
        for (const [index, zone] of ZONES.entries()) {
          const seeker = await person(`Seeker ${index}`, zone);
          seekers.push(seeker.id);
          for (let i = 0; i < 2; i++) leadIds.push(await lead(seeker.id));
        }
        for (const step of steps) {
          const existing = await allTouches();
          const pick = <T>(list: readonly T[], n: number) => list[n % list.length];
          if (step.kind === "insert") {
            const liveLeads = await handle.db.select({ id: leads.id, userId: leads.userId }).from(leads);
            if (liveLeads.length === 0) continue;
            await handle.db.insert(touches).values(
              step.rows.map((row) => touchRowOf(liveLeads, row, NOW)),
            );
          } else if (step.kind === "update") {
            if (existing.length === 0) continue;
            const ids = [...new Set(step.pick.map((n) => pick(existing, n)!.id))];
            const changes: Record<typeof step.change, PgUpdateSetSource<typeof touches>> = {
              direction: { direction: sql`case when ${touches.direction} = 'inbound' then 'outbound' else 'inbound' end` },
              outcome: { outcome: sql`case when ${touches.outcome} is null then 'conversation' else null end` },
              tooSoon: { tooSoon: sql`not ${touches.tooSoon}` },
              day: { localDate: sql`${touches.localDate} - 1`, at: sql`${touches.at} - interval '1 day'` },
              // To another lead of the same seeker.
              lead: { leadId: sql`(select l.id from leads l where l.user_id = ${touches.userId} and l.id <> ${touches.leadId} limit 1)` },
            };
            await handle.db
              .update(touches)
              .set(changes[step.change])
              .where(step.change === "lead" ? sql`${inArray(touches.id, ids)} and exists (select 1 from leads l where l.user_id = ${touches.userId} and l.id <> ${touches.leadId})` : inArray(touches.id, ids));
          } else if (step.kind === "delete") {
            if (existing.length === 0) continue;
            await handle.db.delete(touches).where(inArray(touches.id, step.pick.map((n) => pick(existing, n)!.id)));
          } else if (step.kind === "deleteLead") {
            await handle.db.delete(leads).where(eq(leads.id, pick(leadIds, step.pick)!));
          } else {
            await handle.db.delete(users).where(eq(users.id, pick(seekers, step.pick)!));
          }
          expect(await storedSummaries()).toEqual(expectedSummaries(await allTouches()));
        }
      }),
      { numRuns: 30 },
    );
  });
});
