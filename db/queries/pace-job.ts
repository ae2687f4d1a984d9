import { desc, eq, sql } from "drizzle-orm";
import { COLD_AFTER_DAYS } from "@/lib/domain";
import { rowsOf, type Db } from "../client";
import { paceRuns } from "../schema";
import { inTransaction } from "../transaction";
import { daysLateSql, isColdSql, nextDueSql, pacedSql } from "./pace-sql";

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
 * The scheduled pace job for every user at once, in set-based SQL: unpause the leads whose pause
 * ended, then flag as cold (with the moment they went cold) the open leads whose next due passed
 * more than 7 days ago in their owner's time zone, and unflag those that are no longer cold.
 * The rules are those of lib/domain/pace.ts, in SQL by pace-sql.ts (a property test checks both agree). One transaction
 * under an advisory lock: a run that finds the lock taken skips. Only changed rows are written,
 * so a second run changes nothing.
 */
export async function runPaceJob(db: Db, { now, trigger }: { now: Date; trigger: string }): Promise<PaceRun> {
  const startedAt = new Date();
  try {
    const outcome = await inTransaction(db, async (tx) => {
      const lock = await tx.execute(sql`select pg_try_advisory_xact_lock(${PACE_JOB_LOCK}) as locked`);
      if (!rowsOf<{ locked: boolean }>(lock)[0]?.locked) return null;
      const unpaused = rowsOf<{ count: number }>(await tx.execute(unpauseEndedLeads(now)))[0]?.count ?? 0;
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

function unpauseEndedLeads(now: Date) {
  // An ISO string, not a Date: the postgres.js driver as Drizzle sets it up only takes strings for timestamps.
  const at = now.toISOString();
  return sql`
    with ended as (
      update leads l set paused_until = null, updated_at = ${at}::timestamptz
      from users u
      where u.id = l.user_id
        and l.paused_until is not null
        and l.paused_until <= (${at}::timestamptz at time zone u.time_zone)::date
      returning 1
    )
    select count(*)::int as count from ended`;
}

function flagColdLeads(now: Date) {
  const at = now.toISOString();
  const pace = {
    today: sql`(${at}::timestamptz at time zone u.time_zone)::date`,
    lastTouchAt: sql`last.at`,
    lastTouchDay: sql`(last.at at time zone u.time_zone)::date`,
  };
  return sql`
    with facts as (
      select l.id, l.cold_since, u.time_zone,
        ${nextDueSql(pace)} as next_due,
        ${daysLateSql(pace)} as days_late
      from leads l
      join users u on u.id = l.user_id
      left join lateral (
        select t.at from touches t where t.lead_id = l.id order by t.at desc limit 1
      ) last on true
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
