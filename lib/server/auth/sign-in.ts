import type { Db } from "@/db/client";
import { clearSignInFailures, listSignInFailures, recordSignInFailure } from "@/db/queries/sign-in-failures";
import { findUserCredentials } from "@/db/queries/users";
import { decoyPasswordHash, verifyPassword } from "./password";
import { retryAfterSeconds, throttleKeys, type ThrottleKind } from "@/lib/auth/throttle";


export type SignInOutcome =
  | { ok: true; userId: string; sessionEpoch: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Checks credentials with the per-account and per-address slowdown; records the outcome. */
export async function attemptSignIn(
  db: Db,
  { email, password, address, now }: { email: string; password: string; address: string; now: Date },
): Promise<SignInOutcome> {
  const normalized = email.trim().toLowerCase();
  const keys = throttleKeys(normalized, address);
  const kindByKey = new Map(Object.entries(keys).map(([kind, key]) => [key, kind as ThrottleKind]));
  const records = await listSignInFailures(db, { keys: Object.values(keys) });
  const wait = retryAfterSeconds(
    records.map((record) => ({ ...record, kind: kindByKey.get(record.key)! })),
    now,
  );
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await findUserCredentials(db, { email: normalized });
  // Verify against a decoy when there is no such user, so timing does not tell which it was.
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !valid) {
    await recordSignInFailure(db, { keys: Object.values(keys), now });
    return { ok: false, reason: "invalid" };
  }
  // The address key stays: one address failing across many accounts is still suspect.
  await clearSignInFailures(db, { keys: [keys.pair, keys.account] });
  return { ok: true, userId: user.id, sessionEpoch: user.sessionEpoch };
}
