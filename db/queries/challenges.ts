import "server-only";
import { lt } from "drizzle-orm";
import type { Db } from "../client";
import { spentChallenges } from "../schema";

/**
 * Marks a proof-of-work challenge spent; false when it already was. Expired ones are forgotten on
 * the way (a spent challenge needs remembering only until it would have expired anyway).
 */
export async function spendChallenge(db: Db, { id, expiresAt, now }: { id: string; expiresAt: Date; now: Date }): Promise<boolean> {
  await db.delete(spentChallenges).where(lt(spentChallenges.expiresAt, now));
  const rows = await db
    .insert(spentChallenges)
    .values({ id, expiresAt })
    .onConflictDoNothing({ target: spentChallenges.id })
    .returning({ id: spentChallenges.id });
  return rows.length === 1;
}
