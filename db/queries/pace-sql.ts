import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { COLD_AFTER_DAYS } from "@/lib/domain";
import { leads } from "../schema";

/*
 * The pace rule of lib/domain/lead-pace.ts (leadPace) as SQL fragments, for the set-based queries
 * that cannot afford it per lead in JS: the scheduled job (pace-job.ts). pace-job.test.ts holds the
 * SQL equal to leadPace on generated histories. The coach's figures state the same rule in the
 * database function client_facts_at (migration 0012), which the triggers that keep client_facts call;
 * coach-clients.test.ts holds that one equal to lib/domain.
 */

/** The lead columns leadPace reads (its PaceLead but the touches): every pace-aware select takes them. */
export const paceColumns = {
  cadenceDays: leads.cadenceDays,
  plannedFirstContact: leads.plannedFirstContact,
  nextDueOverride: leads.nextDueOverride,
  nextDueOverrideSetAt: leads.nextDueOverrideSetAt,
  pausedUntil: leads.pausedUntil,
  closedAt: leads.closedAt,
};

/** The lead's columns as `l`: a query using these fragments reads the lead as `from ${leads} l`. */
const paceLead = alias(leads, "l");

/**
 * What the rule needs besides the lead's own columns. The "last touch" is the latest by local date,
 * then instant (`lastTouchSql` gives its columns); `latestTouchAt` is the latest instant of any
 * touch (whether a hand-set date came after every touch).
 */
export type PaceInputs = {
  /** The owner's calendar day now (a date). */
  today: SQL;
  /** The owner's contact days (a smallint[]; 0 = Sunday). */
  contactDays: SQL;
  /** The last touch's local date (a date; null without a touch). */
  lastTouchDay: SQL;
  /** The last touch's direction and outcome (text). */
  lastTouchDirection: SQL;
  lastTouchOutcome: SQL;
  /** The latest `at` of the lead's touches (a timestamptz; null without one). */
  latestTouchAt: SQL;
};

/**
 * A lateral subquery giving the last touch of lead `l` as `<name>.local_date`, `<name>.direction`,
 * `<name>.outcome`, and the latest instant as `<name>.latest_at`: join it with
 * `left join lateral ${lastTouchSql("last")} on true`.
 */
export function lastTouchSql(name: string): SQL {
  const as = sql.raw(`"${name.replaceAll('"', "")}"`);
  return sql`(
    select t.local_date, t.direction, t.outcome,
           (select max(t2.at) from touches t2 where t2.lead_id = l.id) as latest_at
    from touches t where t.lead_id = l.id
    order by t.local_date desc, t.at desc
    limit 1
  ) ${as}`;
}

/** The inputs for a `lastTouchSql(name)` join, given today and the contact days. */
export function lastTouchInputs(name: string, { today, contactDays }: Pick<PaceInputs, "today" | "contactDays">): PaceInputs {
  const as = sql.raw(`"${name.replaceAll('"', "")}"`);
  return {
    today,
    contactDays,
    lastTouchDay: sql`${as}.local_date`,
    lastTouchDirection: sql`${as}.direction`,
    lastTouchOutcome: sql`${as}.outcome`,
    latestTouchAt: sql`${as}.latest_at`,
  };
}

/** The first of the contact days strictly after `day` (within a week; null without contact days). */
export function nextContactDayAfterSql(day: SQL, contactDays: SQL): SQL {
  return sql`(select min(${day} + k) from generate_series(1, 7) k where extract(dow from ${day} + k)::int = any(${contactDays}))`;
}

/** A hand-set date holds while there is no touch, or every touch came before it was set. */
function overrideInForceSql({ latestTouchAt }: Pick<PaceInputs, "latestTouchAt">): SQL {
  const l = paceLead;
  return sql`(${l.nextDueOverride} is not null
    and (${latestTouchAt} is null or (${l.nextDueOverrideSetAt} is not null and ${latestTouchAt} < ${l.nextDueOverrideSetAt})))`;
}

/**
 * Next due, in leadPace's order: a hand-set date; the return day of a pause with no touch on or
 * after it; the planned first contact; a thank-you on the next contact day after a conversation
 * or a meeting set; a reply owed the day it came; last touch + cadence. Null: unplanned.
 */
export function nextDueSql(inputs: Omit<PaceInputs, "today">): SQL {
  const l = paceLead;
  const { lastTouchDay, lastTouchDirection, lastTouchOutcome, contactDays } = inputs;
  return sql`case
    when ${overrideInForceSql(inputs)} then ${l.nextDueOverride}
    when ${l.pausedUntil} is not null and (${lastTouchDay} is null or ${lastTouchDay} < ${l.pausedUntil}) then ${l.pausedUntil}
    when ${lastTouchDay} is null then ${l.plannedFirstContact}
    when ${lastTouchOutcome} in ('conversation', 'meeting_set') then ${nextContactDayAfterSql(lastTouchDay, contactDays)}
    when ${lastTouchDirection} = 'inbound' then ${lastTouchDay}
    else ${lastTouchDay} + ${l.cadenceDays}::int
  end`;
}

/** Open and not paused on `today` (a pause ending today is over: the lead is back): only such a lead has a pace. */
export function pacedSql({ today }: Pick<PaceInputs, "today">): SQL {
  const l = paceLead;
  return sql`(${l.closedAt} is null and (${l.pausedUntil} is null or ${l.pausedUntil} <= ${today}))`;
}

/** Days since next due (negative: not yet due); null when closed, paused or unplanned. */
export function daysLateSql(inputs: PaceInputs): SQL {
  return sql`case when ${pacedSql(inputs)} then ${inputs.today} - ${nextDueSql(inputs)} end`;
}

/** Overdue: next due passed 1 to 7 days ago. */
export function isOverdueSql(daysLate: SQL): SQL {
  return sql`(${daysLate} between 1 and ${COLD_AFTER_DAYS}::int)`;
}

/** Cold: next due passed more than 7 days ago. */
export function isColdSql(daysLate: SQL): SQL {
  return sql`(${daysLate} > ${COLD_AFTER_DAYS}::int)`;
}

/** On pace (onPaceShare): contacted, paced, and neither overdue nor cold. Null-safe on `daysLate`. */
export function isOnPaceSql(daysLate: SQL, { contacted }: { contacted: SQL }): SQL {
  return sql`(${contacted} and ${daysLate} is not null and ${daysLate} <= 0)`;
}
