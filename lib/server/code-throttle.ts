import type { Db } from "@/db/client";
import { listSignInFailures, recordSignInFailure } from "@/db/queries/sign-in-failures";
import { codeRetryAfterSeconds, codeThrottleKeys } from "@/lib/coach/invitations";

export type Throttled<T> = { throttled: true; retryAfterSeconds: number } | { throttled: false; result: T };

/**
 * Runs a look-up by typed code under the guessing limit: refused while the person (or their
 * address) must wait; a code that finds nothing counts as a failed guess. A code that works
 * does not wipe earlier misses (unlike a right password): anyone can make a valid code of their
 * own, so wiping would let a guesser reset the count at will. Misses are forgotten after an hour.
 */
export async function withCodeThrottle<T>(
  db: Db,
  { userId, address, now }: { userId: string; address: string; now: Date },
  lookUp: () => Promise<T>,
  found: (result: T) => boolean,
): Promise<Throttled<T>> {
  const keys = codeThrottleKeys(userId, address);
  const records = await listSignInFailures(db, { keys: [keys.pair, keys.address] });
  const wait = codeRetryAfterSeconds(records, keys, now);
  if (wait > 0) return { throttled: true, retryAfterSeconds: wait };
  const result = await lookUp();
  if (!found(result)) await recordSignInFailure(db, { keys: [keys.pair, keys.address], now });
  return { throttled: false, result };
}
