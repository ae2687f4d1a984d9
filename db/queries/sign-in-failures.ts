import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { signInFailures } from "../schema";
import { FAILURE_MEMORY_SECONDS } from "@/lib/auth/throttle";

export async function listSignInFailures(db: Db, { keys }: { keys: string[] }) {
  return db
    .select({ key: signInFailures.key, failures: signInFailures.failures, lastFailureAt: signInFailures.lastFailureAt })
    .from(signInFailures)
    .where(inArray(signInFailures.key, keys));
}

/** Counts one more failure on each key; a count whose last failure is forgotten starts again at 1. */
export async function recordSignInFailure(db: Db, { keys, now }: { keys: string[]; now: Date }): Promise<void> {
  const forgottenBefore = new Date(now.getTime() - FAILURE_MEMORY_SECONDS * 1000);
  await db
    .insert(signInFailures)
    .values(keys.map((key) => ({ key, failures: 1, lastFailureAt: now })))
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        failures: sql`case when ${signInFailures.lastFailureAt} < ${forgottenBefore.toISOString()}::timestamptz then 1 else ${signInFailures.failures} + 1 end`,
        lastFailureAt: now,
      },
    });
}

export async function clearSignInFailures(db: Db, { keys }: { keys: string[] }): Promise<void> {
  await db.delete(signInFailures).where(inArray(signInFailures.key, keys));
}
