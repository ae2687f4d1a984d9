import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { users } from "./schema";

/*
 * The one way a query file opens a transaction. A transaction is a Db itself, so the query
 * functions take it as their `db` (nested, a call opens a savepoint).
 */

/** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx));
}

/**
 * Serialises the changes to one seeker's list (positions, duplicate checks, the campaign plan,
 * touches that re-plan): every such transaction takes this row lock first.
 *
 * The lock order is the seeker's row, then their leads and touches: every write to a seeker's leads
 * or touches takes this lock before its first row, and client_facts' triggers (migration 0012),
 * which lock the seeker's row after a statement's rows, then find it held already. The pace job,
 * which writes many seekers' leads, refreshes their client_facts (their rows locked) before it
 * writes any lead. Against that order, two transactions could each hold what the other waits for.
 */
export async function lockSeeker(tx: Db, userId: string): Promise<void> {
  await tx.execute(sql`select 1 from ${users} where ${users.id} = ${userId} for update`);
}
