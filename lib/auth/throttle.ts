/**
 * Sign-in slowdown. Failures are counted per account, per address and per account+address pair;
 * past a free allowance each key must wait, doubling up to a cap. The pair is throttled hard
 * (one attacker on one account). The account alone never refuses a right password outright: past
 * its allowance each attempt must bring a proof of work (lib/auth/proof-of-work.ts), which the
 * real user's browser pays in a second and an attacker pays for every guess.
 */
export type ThrottleKind = "pair" | "account" | "address";

export type Policy = { freeFailures: number; baseSeconds: number; capSeconds: number };

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

/** Seconds one counted key must wait under a policy (0: go ahead). */
export function waitSeconds(record: { failures: number; lastFailureAt: Date }, policy: Policy, now: Date): number {
  const elapsed = (now.getTime() - record.lastFailureAt.getTime()) / 1000;
  if (elapsed >= FAILURE_MEMORY_SECONDS) return 0;
  const over = record.failures - policy.freeFailures;
  if (over < 0) return 0;
  const delay = Math.min(policy.baseSeconds * 2 ** over, policy.capSeconds);
  return Math.max(Math.ceil(delay - elapsed), 0);
}

/** Seconds to wait before the next attempt is allowed (0: go ahead): the longest of all keys. */
export function retryAfterSeconds(records: FailureRecord[], now: Date): number {
  return Math.max(0, ...records.map((record) => waitSeconds(record, THROTTLE_POLICY[record.kind], now)));
}

/**
 * Sign-ups per address: each hashes a password (slow on purpose) and says whether an e-mail has an
 * account, so one address gets `perHour` (CADENCE_SIGN_UPS_PER_ADDRESS), then waits a minute, doubling.
 */
export function signUpPolicy(perHour: number): Policy {
  return { freeFailures: perHour, baseSeconds: 60, capSeconds: FAILURE_MEMORY_SECONDS };
}

export function signUpThrottleKey(address: string): string {
  return `sign-up:${address}`;
}
