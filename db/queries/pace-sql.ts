import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { COLD_AFTER_DAYS } from "@/lib/domain";
import { leads } from "../schema";

/*
 * The pace rule of lib/domain/pace.ts (computePace) as SQL fragments, for the set-based queries
 * that cannot afford it per lead in JS: the coach's figures (coach-clients.ts) and the scheduled
 * job (pace-job.ts). One statement of the rule for both; the property tests in coach-clients.test.ts
 * and pace-job.test.ts hold each query equal to computePace on generated leads.
 */

/** The lead columns computePace reads (its LeadFacts but the touches): every pace-aware select takes them. */
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

/** What the rule needs besides the lead's own columns, each in the owner's time zone. */
export type PaceInputs = {
  /** The owner's calendar day now (a date). */
  today: SQL;
  /** The lead's latest touch, either direction (a timestamptz, null without one). */
  lastTouchAt: SQL;
  /** That touch's calendar day (a date). */
  lastTouchDay: SQL;
};

/** Next due: a date set by hand holds until the next touch after it was set; then the plan, then the cadence. */
export function nextDueSql({ lastTouchAt, lastTouchDay }: Omit<PaceInputs, "today">): SQL {
  const l = paceLead;
  return sql`case
    when ${l.nextDueOverride} is not null
         and (${lastTouchAt} is null or (${l.nextDueOverrideSetAt} is not null and ${lastTouchAt} < ${l.nextDueOverrideSetAt}))
      then ${l.nextDueOverride}
    when ${lastTouchAt} is null then ${l.plannedFirstContact}
    else ${lastTouchDay} + ${l.cadenceDays}
  end`;
}

/** Open and not paused on `today` (a pause ending today is over): only such a lead has a pace. */
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
