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
 */
export async function lockSeeker(tx: Db, userId: string): Promise<void> {
  await tx.execute(sql`select 1 from ${users} where ${users.id} = ${userId} for update`);
}
