// Sign-up does the cheap things first (validation, the per-address allowance) and hashes the password
// (argon2id, slow on purpose) only then, one at a time.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { addUser } from "@/test/fuzz/database";
import { fuzzDatabase, submit } from "@/test/fuzz/run";
import { request } from "@/test/fuzz/session";
import { signUpAction } from "./actions";

// The fuzz tests' stand-ins for Auth.js's cookies, the request's headers and Next's cache (test/fuzz/session.ts).
vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "action-tests-secret-that-is-long-enough-0123456789";
});
vi.mock("next-auth", () => import("@/test/fuzz/session").then((m) => m.fakeNextAuthModule()));
vi.mock("next-auth/jwt", () => import("@/test/fuzz/session").then((m) => m.fakeJwtModule()));
vi.mock("next/headers", () => import("@/test/fuzz/session").then((m) => m.fakeHeadersModule()));
vi.mock("next/cache", () => import("@/test/fuzz/session").then((m) => m.fakeCacheModule()));

/** Every hash of a password, and how many ran at once at most. */
const hashing = vi.hoisted(() => ({ calls: 0, running: 0, mostAtOnce: 0 }));
vi.mock("@/lib/server/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/auth/password")>();
  return {
    ...real,
    hashPassword: async (password: string) => {
      hashing.calls++;
      hashing.running++;
      hashing.mostAtOnce = Math.max(hashing.mostAtOnce, hashing.running);
      try {
        return await real.hashPassword(password);
      } finally {
        hashing.running--;
      }
    },
  };
});

const test = fuzzDatabase();
const PASSWORD = "a calm and steady pace";
let counter = 0;

beforeEach(async () => {
  await test.fuzz.reset();
  Object.assign(hashing, { calls: 0, running: 0, mostAtOnce: 0 });
  from("203.0.113.7");
});

function from(address: string) {
  request.headers = { ...request.headers, "x-forwarded-for": address, "x-cadence-peer": address };
}

const signUp = (email = `new-${++counter}@example.com`) =>
  submit(signUpAction, [
    ["name", "New Person"],
    ["email", email],
    ["password", PASSWORD],
    ["timeZone", "UTC"],
    ["next", ""],
  ]);

describe("signUpAction", () => {
  it("answers a taken e-mail as a new one, after the same hash, so neither the answer nor its time tells", async () => {
    await addUser(test.db, "Sam");
    const outcome = await signUp("sam@example.com");
    expect(outcome).toMatchObject({ kind: "ok", result: { message: expect.stringMatching(/^Check your inbox/) } });
    expect(hashing.calls).toBe(1);
  });

  it("allows ten sign-ups an hour from one address, then asks it to wait; another address still signs up", async () => {
    for (let i = 0; i < 10; i++) expect(await signUp()).toMatchObject({ kind: "redirect" });
    const held = await signUp();
    expect(held).toMatchObject({ kind: "rejected", result: { message: expect.stringMatching(/^Too many sign-ups from your network\. Try again in \d+ (seconds|minutes)\.$/) } });
    expect(hashing.calls).toBe(10);
    from("198.51.100.1");
    expect(await signUp()).toMatchObject({ kind: "redirect" });
  });

  it("hashes one new password at a time; past a short queue, sign-ups are asked to come back", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 16 }, (_, i) => {
        from(`198.51.100.${i + 1}`);
        return signUp();
      }),
    );
    expect(hashing.mostAtOnce).toBe(1);
    const refused = outcomes.filter((outcome) => outcome.kind === "rejected");
    expect(refused.length).toBeGreaterThan(0);
    for (const outcome of refused) {
      expect(outcome).toMatchObject({ result: { message: "Many people are signing up right now. Try again in a minute." } });
    }
    expect(outcomes.filter((outcome) => outcome.kind === "redirect").length).toBeGreaterThan(0);
  });
});
