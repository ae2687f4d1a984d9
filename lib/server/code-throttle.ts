import "server-only";
import type { Db } from "@/db/client";
import { listSignInFailures, recordSignInFailure } from "@/db/queries/sign-in-failures";
import { codeRetryAfterSeconds, codeThrottleKeys } from "@/lib/coach/invitations";
import { issueChallenge, spendProof } from "@/lib/server/proof-of-work";

export type Throttled<T> =
  | { throttled: true; retryAfterSeconds: number; challenge?: undefined }
  /** The person's own limit: one more try needs a proof of work for this challenge. */
  | { throttled: true; challenge: string; retryAfterSeconds?: undefined }
  | { throttled: false; result: T };

/**
 * Runs a look-up by typed code under the guessing limit: refused while the address must wait; while
 * the person must wait, each try needs a proof of work (a second of the browser's time) instead of
 * a flat refusal. A code that finds nothing counts as a failed guess. A code that works does not
 * wipe earlier misses (unlike a right password): anyone can make a valid code of their own, so
 * wiping would let a guesser reset the count at will. Misses are forgotten after an hour.
 */
export async function withCodeThrottle<T>(
  db: Db,
  { userId, address, now, proof }: { userId: string; address: string; now: Date; proof?: string },
  lookUp: () => Promise<T>,
  found: (result: T) => boolean,
): Promise<Throttled<T>> {
  const keys = codeThrottleKeys(userId, address);
  const records = await listSignInFailures(db, { keys: [keys.pair, keys.address] });
  const addressWait = codeRetryAfterSeconds(records.filter((record) => record.key === keys.address), keys, now);
  if (addressWait > 0) return { throttled: true, retryAfterSeconds: addressWait };
  if (codeRetryAfterSeconds(records.filter((record) => record.key === keys.pair), keys, now) > 0) {
    const subject = `code:${userId}`;
    if (!(await spendProof(db, { proof, subject, now }))) return { throttled: true, challenge: issueChallenge(subject, now) };
  }
  const result = await lookUp();
  if (!found(result)) await recordSignInFailure(db, { keys: [keys.pair, keys.address], now });
  return { throttled: false, result };
}
