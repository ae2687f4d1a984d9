import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { COLD_AFTER_DAYS } from "@/lib/domain";
import { rowsOf, type Db } from "../client";
import { paceRuns } from "../schema";
import { inTransaction } from "../transaction";
import { daysLateSql, isColdSql, lastTouchInputs, lastTouchSql, nextDueSql, pacedSql } from "./pace-sql";

/** Any constant works; it only has to be the same for every instance sharing the database. */
const PACE_JOB_LOCK = 730_210_001;

export type PaceRun = {
  runId: string;
  status: "ran" | "skipped" | "failed";
  startedAt: Date;
  finishedAt: Date;
  leadsScanned: number;
  flaggedCold: number;
  unflaggedCold: number;
  unpaused: number;
  error?: string;
};

/**
 * The scheduled pace job for every user at once, in set-based SQL: flag as cold (with the moment
 * they went cold) the open leads whose next due passed more than 7 days ago in their owner's time
 * zone, and unflag those that are no longer cold. A pause that ended is kept as the lead's return
 * day (it is due that day, never overdue or cold from its old dates); `unpaused` counts the leads
 * back today. The rules are leadPace's (lib/domain/lead-pace.ts), in SQL by pace-sql.ts (a
 * property test checks both agree). One transaction
 * under an advisory lock: a run that finds the lock taken skips. Only changed rows are written,
 * so a second run changes nothing.
 */
export async function runPaceJob(
  db: Db,
  { now, trigger, skipIfRanWithinMs }: { now: Date; trigger: string; skipIfRanWithinMs?: number },
): Promise<PaceRun> {
  const startedAt = new Date();
  try {
    const outcome = await inTransaction(db, async (tx) => {
      const lock = await tx.execute(sql`select pg_try_advisory_xact_lock(${PACE_JOB_LOCK}) as locked`);
      if (!rowsOf<{ locked: boolean }>(lock)[0]?.locked) return null;
      // Several servers each scheduling the job hourly run it once an hour between them: under the
      // lock, a run that finds one done within the window skips.
      if (skipIfRanWithinMs !== undefined) {
        const since = new Date(now.getTime() - skipIfRanWithinMs).toISOString();
        const recent = await tx.execute(
          sql`select 1 from pace_runs where status = 'ran' and started_at > ${since}::timestamptz limit 1`,
        );
        if (rowsOf(recent).length > 0) return null;
      }
      // The seekers' rows before their leads (the lock order of db/transaction.ts): the figures of
      // the new day first (they lock those seekers' rows; they do not read the cold flags), then the
      // cold flags (whose writes lock no seeker's row).
      await tx.execute(clientFactsOfNewDay(now));
      const unpaused = rowsOf<{ count: number }>(await tx.execute(returnedLeads(now)))[0]?.count ?? 0;
      const cold = rowsOf<ColdCounts>(await tx.execute(flagColdLeads(now)))[0];
      return {
        unpaused: Number(unpaused),
        leadsScanned: Number(cold?.scanned ?? 0),
        flaggedCold: Number(cold?.flagged ?? 0),
        unflaggedCold: Number(cold?.unflagged ?? 0),
      };
    });
    const counts = outcome ?? { unpaused: 0, leadsScanned: 0, flaggedCold: 0, unflaggedCold: 0 };
    return await recordRun(db, { status: outcome ? "ran" : "skipped", trigger, startedAt, ...counts });
  } catch (error) {
    // Drizzle wraps the driver's error (which says what went wrong) in one that quotes the query.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const message = cause instanceof Error ? cause.message : String(cause);
    return recordRun(db, {
      status: "failed",
      trigger,
      startedAt,
      unpaused: 0,
      leadsScanned: 0,
      flaggedCold: 0,
      unflaggedCold: 0,
      error: message,
    });
  }
}

type ColdCounts = { scanned: number; flagged: number; unflagged: number };

function returnedLeads(now: Date) {
  // An ISO string, not a Date: the postgres.js driver as Drizzle sets it up only takes strings for timestamps.
  const at = now.toISOString();
  // A pause that ended is kept: its end is the return day, on which the lead is due (leadPace), so
  // nothing is written; the run records how many leads came back today.
  return sql`
    select count(*)::int as count
    from leads l join users u on u.id = l.user_id
    where l.closed_at is null
      and l.paused_until = (${at}::timestamptz at time zone u.time_zone)::date`;
}

function flagColdLeads(now: Date) {
  const at = now.toISOString();
  const pace = lastTouchInputs("last", {
    today: sql`(${at}::timestamptz at time zone u.time_zone)::date`,
    contactDays: sql`u.contact_days`,
  });
  return sql`
    with facts as (
      select l.id, l.cold_since, u.time_zone,
        ${nextDueSql(pace)} as next_due,
        ${daysLateSql(pace)} as days_late
      from leads l
      join users u on u.id = l.user_id
      left join lateral ${lastTouchSql("last")} on true
      where ${pacedSql(pace)}
    ),
    judged as (
      select id, cold_since,
        case when ${isColdSql(sql`days_late`)}
          -- It went cold at the start of the day after the 7 days of grace, in the owner's zone.
          then coalesce(cold_since, ((next_due + ${COLD_AFTER_DAYS + 1}::int)::timestamp at time zone time_zone))
        end as new_cold_since
      from facts
    ),
    changed as (
      update leads l set cold_since = j.new_cold_since
      from judged j
      where l.id = j.id and l.cold_since is distinct from j.new_cold_since
      returning j.new_cold_since is not null as flagged
    ),
    -- Closed or paused leads are never cold.
    cleared as (
      update leads l set cold_since = null
      where l.cold_since is not null and l.id not in (select id from facts)
      returning 1
    )
    select
      (select count(*) from facts)::int as scanned,
      (select count(*) from changed where flagged)::int as flagged,
      ((select count(*) from changed where not flagged) + (select count(*) from cleared))::int as unflagged`;
}

/**
 * The coach's figures kept per client (client_facts, migration 0012) hold for one day of the
 * client's: each one whose day has ended since it was written is computed for the new day, so the
 * Clients page reads it rather than computing it (which it does meanwhile).
 */
function clientFactsOfNewDay(now: Date) {
  const at = now.toISOString();
  return sql`
    select refresh_client_facts(array(
      select f.seeker_id from client_facts f join users u on u.id = f.seeker_id
      where f.today <> (${at}::timestamptz at time zone u.time_zone)::date
    ), ${at}::timestamptz)`;
}

async function recordRun(
  db: Db,
  run: Omit<PaceRun, "runId" | "finishedAt"> & { trigger: string },
): Promise<PaceRun> {
  const finishedAt = new Date();
  const rows = await db
    .insert(paceRuns)
    .values({ ...run, finishedAt, error: run.error ?? null })
    .returning({ runId: paceRuns.id });
  return { ...run, runId: rows[0]!.runId, finishedAt };
}

/** When the job last checked every lead (the newest run that did its work). */
export async function getLastPaceCheck(db: Db): Promise<Date | null> {
  const rows = await db
    .select({ finishedAt: paceRuns.finishedAt })
    .from(paceRuns)
    .where(eq(paceRuns.status, "ran"))
    .orderBy(desc(paceRuns.startedAt))
    .limit(1);
  return rows[0]?.finishedAt ?? null;
}
