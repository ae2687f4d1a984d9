import "server-only";
import type { Db } from "@/db/client";
import { clearSignInFailures, listSignInFailures, recordSignInFailure } from "@/db/queries/sign-in-failures";
import { findUserCredentials } from "@/db/queries/users";
import { retryAfterSeconds, throttleKeys, type FailureRecord, type ThrottleKind } from "@/lib/auth/throttle";
import { issueChallenge, spendProof } from "@/lib/server/proof-of-work";
import { decoyPasswordHash, verifyPassword } from "./password";

export type SignInOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  /** The account-wide limit: the attempt needs a proof of work for this challenge. */
  | { ok: false; reason: "challenge"; challenge: string };

/**
 * Checks credentials with the per-account and per-address slowdown; records the outcome. Used by
 * the sign-in and by a password change (checking the current password counts the same).
 */
export async function attemptSignIn(
  db: Db,
  { email, password, address, now, proof }: { email: string; password: string; address: string; now: Date; proof?: string },
): Promise<SignInOutcome> {
  const normalized = email.trim().toLowerCase();
  const keys = throttleKeys(normalized, address);
  const kindByKey = new Map(Object.entries(keys).map(([kind, key]) => [key, kind as ThrottleKind]));
  const records: FailureRecord[] = (await listSignInFailures(db, { keys: Object.values(keys) })).map((record) => ({
    ...record,
    kind: kindByKey.get(record.key)!,
  }));
  // The pair and the address: one attacker, held back however they pay.
  const wait = retryAfterSeconds(records.filter((record) => record.kind !== "account"), now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  // The account alone: attempts from everywhere, the real user's among them. Each must pay instead.
  if (retryAfterSeconds(records.filter((record) => record.kind === "account"), now) > 0) {
    const subject = `sign-in:${normalized}`;
    if (!(await spendProof(db, { proof, subject, now }))) return { ok: false, reason: "challenge", challenge: issueChallenge(subject, now) };
  }

  const user = await findUserCredentials(db, { email: normalized });
  // Verify against a decoy when there is no such user, so timing does not tell which it was.
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !valid) {
    await recordSignInFailure(db, { keys: Object.values(keys), now });
    return { ok: false, reason: "invalid" };
  }
  // The address key stays: one address failing across many accounts is still suspect.
  await clearSignInFailures(db, { keys: [keys.pair, keys.account] });
  return { ok: true, userId: user.id };
}
