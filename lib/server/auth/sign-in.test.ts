import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createUser } from "@/db/queries/users";
import { setUpTestDb } from "@/test/db";
import { hashPassword } from "./password";
import { solveChallenge } from "@/lib/auth/proof-of-work";
import { attemptSignIn } from "./sign-in";

process.env.AUTH_SECRET ??= "sign-in-tests-secret-that-is-long-enough-0123";
const handle = setUpTestDb();
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword("correct horse battery");
});
beforeEach(async () => {
  await createUser(handle.db, { name: "Sam", email: "sam@example.com", passwordHash, timeZone: "UTC" });
});

const t0 = new Date("2026-03-02T09:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const attempt = (password: string, when: Date, address = "10.0.0.1", email = "sam@example.com") =>
  attemptSignIn(handle.db, { email, password, address, now: when });

describe("attemptSignIn", () => {
  it("accepts the right password whatever the e-mail's case", async () => {
    expect(await attempt("correct horse battery", t0, "10.0.0.1", "SAM@example.com ")).toMatchObject({ ok: true });
  });

  it("answers the same for a wrong password and an unknown e-mail", async () => {
    expect(await attempt("wrong", t0)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("wrong", t0, "10.0.0.1", "nobody@example.com")).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows down after five failures from one address, even for the right password, then lets it through", async () => {
    for (let i = 0; i < 5; i++) expect(await attempt("wrong", at(i))).toMatchObject({ reason: "invalid" });
    const throttled = await attempt("correct horse battery", at(5));
    expect(throttled).toMatchObject({ ok: false, reason: "throttled" });
    expect(throttled.ok === false && throttled.reason === "throttled" && throttled.retryAfterSeconds).toBeGreaterThan(20);
    expect(await attempt("correct horse battery", at(4 + 31))).toMatchObject({ ok: true });
  });

  it("lets the real user in from another address while one address is throttled", async () => {
    for (let i = 0; i < 6; i++) await attempt("wrong", at(i), "10.0.0.66");
    expect(await attempt("correct horse battery", at(7), "10.0.0.66")).toMatchObject({ reason: "throttled" });
    expect(await attempt("correct horse battery", at(7), "192.0.2.7")).toMatchObject({ ok: true });
  });

  it("never refuses the right password outright over the account-wide limit: it asks for a proof of work instead", async () => {
    for (let i = 0; i < 40; i++) await attempt("wrong", at(i), `10.1.0.${i}`);
    const outcome = await attempt("correct horse battery", at(40), "192.0.2.7");
    expect(outcome).toMatchObject({ ok: false, reason: "challenge" });
  });

  it("lets the right password in past the account-wide limit with a solved challenge, spent once; a wrong one still counts", async () => {
    for (let i = 0; i < 12; i++) await attempt("wrong", at(i), `10.1.0.${i}`);
    const withProof = async (password: string, when: Date, address: string) => {
      const asked = await attemptSignIn(handle.db, { email: "sam@example.com", password, address, now: when });
      if (asked.ok || asked.reason !== "challenge") throw new Error(`no challenge: ${JSON.stringify(asked)}`);
      const proof = await solveChallenge(asked.challenge);
      return { proof, outcome: await attemptSignIn(handle.db, { email: "sam@example.com", password, address, now: when, proof }) };
    };
    // An attacker who pays still only gets a guess, which counts.
    const guess = await withProof("still wrong", at(13), "10.2.0.1");
    expect(guess.outcome).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptSignIn(handle.db, { email: "sam@example.com", password: "correct horse battery", address: "10.2.0.1", now: at(13), proof: guess.proof })).toMatchObject({ reason: "challenge" });
    // The real user pays once and is in.
    expect((await withProof("correct horse battery", at(14), "192.0.2.7")).outcome).toMatchObject({ ok: true });
  });

  it("keeps the pair limit whatever is paid: one address guessing one account waits", async () => {
    for (let i = 0; i < 11; i++) await attempt("wrong", at(i), i < 6 ? "10.0.0.66" : `10.1.0.${i}`);
    expect(await attempt("correct horse battery", at(12), "10.0.0.66")).toMatchObject({ reason: "throttled" });
  });
});
