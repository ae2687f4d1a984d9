import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setUpTestDb } from "@/test/db";
import { leadingZeroBits, PROOF_OF_WORK_BITS, proofOf, solveChallenge } from "@/lib/auth/proof-of-work";
import { CHALLENGE_TTL_SECONDS, checkProof, issueChallenge, spendProof } from "./proof-of-work";

process.env.AUTH_SECRET ??= "proof-of-work-tests-secret-long-enough-0123456789";
const handle = setUpTestDb();
const KEY = Buffer.from("a key for the tests only, 32 bytes long!");
const NOW = new Date("2026-03-02T09:00:00Z");
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

/** A nonce whose hash has fewer zero bits than asked: the first that fails. */
function badNonce(challenge: string): number {
  for (let nonce = 0; ; nonce++) {
    const hash = createHash("sha256").update(proofOf(challenge, nonce)).digest();
    if (leadingZeroBits(hash) < PROOF_OF_WORK_BITS) return nonce;
  }
}

describe("leadingZeroBits", () => {
  it("counts the zero bits before the first one", () => {
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0x01]))).toBe(7);
    expect(leadingZeroBits(new Uint8Array([0x00, 0x00, 0x10]))).toBe(19);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });
});

describe("proof of work", () => {
  it("accepts a solved challenge for its own subject, before it expires", async () => {
    const challenge = issueChallenge("sign-in:sam@example.com", NOW, KEY);
    const proof = await solveChallenge(challenge);
    expect(leadingZeroBits(createHash("sha256").update(proof).digest())).toBeGreaterThanOrEqual(PROOF_OF_WORK_BITS);
    expect(checkProof(proof, "sign-in:sam@example.com", later(CHALLENGE_TTL_SECONDS - 1), KEY)).toMatchObject({ ok: true });
  });

  it("refuses it for another subject, once expired, with another key, unsolved, or tampered with", async () => {
    const challenge = issueChallenge("sign-in:sam@example.com", NOW, KEY);
    const proof = await solveChallenge(challenge);
    expect(checkProof(proof, "sign-in:olga@example.com", NOW, KEY)).toEqual({ ok: false });
    expect(checkProof(proof, "sign-in:sam@example.com", later(CHALLENGE_TTL_SECONDS), KEY)).toEqual({ ok: false });
    expect(checkProof(proof, "sign-in:sam@example.com", NOW, Buffer.from("another key entirely, 32 bytes long!!"))).toEqual({ ok: false });
    expect(checkProof(proofOf(challenge, badNonce(challenge)), "sign-in:sam@example.com", NOW, KEY)).toEqual({ ok: false });
    // Fewer bits asked for, or a later expiry: the signature no longer matches.
    const [id, expires, bits, mac] = challenge.split(".");
    const easier = `${id}.${expires}.1.${mac}`;
    expect(checkProof(await solveChallenge(easier), "sign-in:sam@example.com", NOW, KEY)).toEqual({ ok: false });
    const longer = `${id}.${Number(expires) + 3600}.${bits}.${mac}`;
    expect(checkProof(await solveChallenge(longer), "sign-in:sam@example.com", NOW, KEY)).toEqual({ ok: false });
    // A challenge this server signed for fewer bits is refused too.
    const weak = issueChallenge("sign-in:sam@example.com", NOW, KEY, 1);
    expect(checkProof(await solveChallenge(weak), "sign-in:sam@example.com", NOW, KEY)).toEqual({ ok: false });
    for (const junk of ["", "x", `${challenge}:`, `${challenge}:-1`, `${challenge}:1:2`, `${challenge}\n:1`]) {
      expect(checkProof(junk, "sign-in:sam@example.com", NOW, KEY)).toEqual({ ok: false });
    }
  });

  it("spends a proof once: a second attempt with it is refused", async () => {
    const challenge = issueChallenge("code:someone", NOW);
    const proof = await solveChallenge(challenge);
    expect(await spendProof(handle.db, { proof, subject: "code:someone", now: NOW })).toBe(true);
    expect(await spendProof(handle.db, { proof, subject: "code:someone", now: later(1) })).toBe(false);
    expect(await spendProof(handle.db, { proof: undefined, subject: "code:someone", now: NOW })).toBe(false);
  });
});
