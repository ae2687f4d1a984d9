import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@/db/client";
import { spendChallenge } from "@/db/queries/challenges";
import { challengeBits, leadingZeroBits, PROOF_OF_WORK_BITS } from "@/lib/auth/proof-of-work";
import { resolveSecret } from "@/lib/server/env";

/** A challenge is good for ten minutes: time to solve it and send the form again. */
export const CHALLENGE_TTL_SECONDS = 10 * 60;

/** Its own key, derived from AUTH_SECRET, so a challenge's signature can never pass for anything else. */
function challengeKey(): Buffer {
  return createHmac("sha256", resolveSecret("AUTH_SECRET")).update("cadence proof-of-work challenge").digest();
}

function signature(key: Buffer, subject: string, body: string): string {
  return createHmac("sha256", key).update(`${subject}|${body}`).digest("base64url");
}

/**
 * A challenge for one subject ("sign-in:<e-mail>", "code:<user id>"): `id.expires.bits.signature`.
 * The subject is signed in but not written out, so a proof for one account is worth nothing for another.
 */
export function issueChallenge(subject: string, now: Date, key = challengeKey(), bits = PROOF_OF_WORK_BITS): string {
  const expires = Math.floor(now.getTime() / 1000) + CHALLENGE_TTL_SECONDS;
  const body = `${randomBytes(12).toString("base64url")}.${expires}.${bits}`;
  return `${body}.${signature(key, subject, body)}`;
}

export type CheckedProof = { ok: true; id: string; expiresAt: Date } | { ok: false };

/** Whether a proof answers a challenge this server issued for this subject, unexpired, with enough zero bits. */
export function checkProof(proof: string, subject: string, now: Date, key = challengeKey()): CheckedProof {
  const match = /^([A-Za-z0-9_-]{16})\.(\d{1,12})\.(\d{1,2})\.([A-Za-z0-9_-]{43}):(\d{1,15})$/.exec(proof);
  if (!match) return { ok: false };
  const [, id, expires, , mac] = match as unknown as [string, string, string, string, string];
  const challenge = proof.slice(0, proof.lastIndexOf(":"));
  const body = challenge.slice(0, challenge.lastIndexOf("."));
  // Both are 43 characters (an HMAC-SHA-256 in base64url; the pattern above checked the one sent).
  if (!timingSafeEqual(Buffer.from(signature(key, subject, body)), Buffer.from(mac))) return { ok: false };
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false };
  // The bits are signed with the rest: a client cannot lower them. A server asking for more refuses fewer.
  if (challengeBits(challenge) < PROOF_OF_WORK_BITS) return { ok: false };
  const digest = createHash("sha256").update(proof).digest();
  if (leadingZeroBits(digest) < challengeBits(challenge)) return { ok: false };
  return { ok: true, id, expiresAt };
}

/** Checks the proof and spends it: true once per challenge, so one solution buys one attempt. */
export async function spendProof(db: Db, { proof, subject, now }: { proof: string | undefined; subject: string; now: Date }): Promise<boolean> {
  if (!proof) return false;
  const checked = checkProof(proof, subject, now);
  if (!checked.ok) return false;
  return spendChallenge(db, { id: checked.id, expiresAt: checked.expiresAt, now });
}
