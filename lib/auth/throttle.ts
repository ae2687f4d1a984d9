/**
 * Sign-in slowdown. Failures are counted per account, per address and per account+address pair;
 * past a free allowance each key must wait, doubling up to a cap. The pair is throttled hard
 * (one attacker on one account); the account alone only lightly, so an attacker spreading over
 * many addresses cannot lock the real user out for more than a minute at a time.
 */
export type ThrottleKind = "pair" | "account" | "address";

type Policy = { freeFailures: number; baseSeconds: number; capSeconds: number };

export const THROTTLE_POLICY: Record<ThrottleKind, Policy> = {
  pair: { freeFailures: 5, baseSeconds: 30, capSeconds: 15 * 60 },
  account: { freeFailures: 10, baseSeconds: 5, capSeconds: 60 },
  address: { freeFailures: 50, baseSeconds: 30, capSeconds: 15 * 60 },
};

/** Failures older than this are forgotten. */
export const FAILURE_MEMORY_SECONDS = 60 * 60;

export type FailureRecord = { kind: ThrottleKind; failures: number; lastFailureAt: Date };

export function throttleKeys(email: string, address: string): Record<ThrottleKind, string> {
  return { pair: `pair:${email}|${address}`, account: `account:${email}`, address: `address:${address}` };
}

/** Seconds to wait before the next attempt is allowed (0: go ahead). */
export function retryAfterSeconds(records: FailureRecord[], now: Date): number {
  let wait = 0;
  for (const record of records) {
    const elapsed = (now.getTime() - record.lastFailureAt.getTime()) / 1000;
    if (elapsed >= FAILURE_MEMORY_SECONDS) continue;
    const policy = THROTTLE_POLICY[record.kind];
    const over = record.failures - policy.freeFailures;
    if (over < 0) continue;
    const delay = Math.min(policy.baseSeconds * 2 ** over, policy.capSeconds);
    wait = Math.max(wait, Math.ceil(delay - elapsed));
  }
  return Math.max(wait, 0);
}
