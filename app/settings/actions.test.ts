// Changing the password checks the current one: those checks count with the failed sign-ins (same
// throttle, same keys), so a stolen session is no faster an oracle than the sign-in form.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { addUser } from "@/test/fuzz/database";
import { fuzzDatabase, submit } from "@/test/fuzz/run";
import { actAs, request } from "@/test/fuzz/session";
import { hashPassword } from "@/lib/server/auth/password";
import { attemptSignIn } from "@/lib/server/auth/sign-in";
import { changePasswordAction } from "./actions";

// The fuzz tests' stand-ins for Auth.js's cookies, the request's headers and Next's cache (test/fuzz/session.ts).
vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "action-tests-secret-that-is-long-enough-0123456789";
});
vi.mock("next-auth", () => import("@/test/fuzz/session").then((m) => m.fakeNextAuthModule()));
vi.mock("next-auth/jwt", () => import("@/test/fuzz/session").then((m) => m.fakeJwtModule()));
vi.mock("next/headers", () => import("@/test/fuzz/session").then((m) => m.fakeHeadersModule()));
vi.mock("next/cache", () => import("@/test/fuzz/session").then((m) => m.fakeCacheModule()));

const test = fuzzDatabase();
const PASSWORD = "a calm and steady pace";
const NEW_PASSWORD = "a new and steadier pace";
const ADDRESS = "203.0.113.7";

beforeEach(async () => {
  await test.fuzz.reset();
  const sam = await addUser(test.db, "Sam", { passwordHash: await hashPassword(PASSWORD) });
  actAs(sam);
  request.headers = { ...request.headers, "x-forwarded-for": ADDRESS, "x-cadence-peer": ADDRESS };
});

const change = (currentPassword: string) =>
  submit(changePasswordAction, [
    ["currentPassword", currentPassword],
    ["newPassword", NEW_PASSWORD],
  ]);

describe("changePasswordAction", () => {
  it("counts wrong current passwords as failed sign-ins: after five even the right one must wait, and so must the sign-in form", async () => {
    for (let guess = 0; guess < 5; guess++) {
      const outcome = await change(`wrong guess ${guess}`);
      expect(outcome).toMatchObject({ kind: "rejected", result: { fieldErrors: { currentPassword: ["That is not your current password."] } } });
    }
    const held = await change(PASSWORD);
    expect(held).toMatchObject({ kind: "rejected", result: { message: expect.stringMatching(/^Too many failed attempts\. Try again in \d+ seconds\.$/) } });
    const signIn = await attemptSignIn(test.db, { email: "sam@example.com", password: PASSWORD, address: ADDRESS, now: new Date() });
    expect(signIn).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("accepts the right current password, and it clears the account's failures", async () => {
    await change("one wrong guess");
    expect(await change(PASSWORD)).toMatchObject({ kind: "redirect", location: "/settings?password=changed" });
  });
});
