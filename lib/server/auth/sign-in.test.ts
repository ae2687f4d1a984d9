import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createUser } from "@/db/queries/users";
import { setUpTestDb } from "@/test/db";
import { hashPassword } from "./password";
import { clientAddress } from "@/lib/server/request";
import { attemptSignIn } from "./sign-in";

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

  it("keeps an attacker spread over many addresses from locking the account out for more than a minute", async () => {
    for (let i = 0; i < 40; i++) await attempt("wrong", at(i), `10.1.0.${i}`);
    expect(await attempt("correct horse battery", at(40), "192.0.2.7")).toMatchObject({ reason: "throttled" });
    expect(await attempt("correct horse battery", at(40 + 60), "192.0.2.7")).toMatchObject({ ok: true });
  });
});

describe("clientAddress", () => {
  it("takes the first forwarded address", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
