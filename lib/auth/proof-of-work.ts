/**
 * Proof of work: what a limit asks for instead of a flat refusal when refusing would lock the real
 * person out too (the account-wide sign-in limit, the per-person limit on typed invitation codes).
 * The server issues a signed, expiring challenge (lib/server/proof-of-work.ts); the browser finds a
 * nonce such that SHA-256 of `challenge:nonce` starts with `bits` zero bits (about a second); the
 * proof is spent on one attempt. Pure: the browser and the server both use it.
 */

/** What a form says when the attempt needs the check (the browser then does it and sends again). */
export const CHALLENGE_MESSAGE = "There have been many failed attempts here. Your browser has to do a short check first: try again.";

/** Zero bits asked for: 2^16 hashes on average, about a second of Web Crypto in a browser. */
export const PROOF_OF_WORK_BITS = 16;

/** The leading zero bits of a hash. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The bits a challenge asks for (its third part); 0 when it is not a challenge at all. */
export function challengeBits(challenge: string): number {
  const bits = Number(challenge.split(".")[2]);
  return Number.isInteger(bits) && bits >= 0 && bits <= 32 ? bits : 0;
}

/** The proof as the form sends it: the challenge and the nonce found for it. */
export function proofOf(challenge: string, nonce: number): string {
  return `${challenge}:${nonce}`;
}

/** Finds the nonce, with Web Crypto (the browser's, or Node's); hashes in batches, as each digest is asynchronous. */
export async function solveChallenge(challenge: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const bits = challengeBits(challenge);
  const encoder = new TextEncoder();
  const BATCH = 256;
  for (let start = 0; ; start += BATCH) {
    const nonces = Array.from({ length: BATCH }, (_, i) => start + i);
    const digests = await Promise.all(nonces.map((nonce) => subtle.digest("SHA-256", encoder.encode(proofOf(challenge, nonce)))));
    const found = digests.findIndex((digest) => leadingZeroBits(new Uint8Array(digest)) >= bits);
    if (found >= 0) return proofOf(challenge, nonces[found]!);
  }
}
