import { z } from "zod";
import type { Db } from "@/db/client";
import { clearSignInFailures, listSignInFailures, recordSignInFailure } from "@/db/queries/sign-in-failures";
import { findUserCredentials } from "@/db/queries/users";
import { decoyPasswordHash, verifyPassword } from "./password";
import { retryAfterSeconds, throttleKeys, type ThrottleKind } from "./throttle";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your e-mail address.").max(254, "That e-mail address is too long.").pipe(z.email("Enter a valid e-mail address.")),
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});

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

/** The client's address as the server saw it (Next.js sets x-forwarded-for). */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
