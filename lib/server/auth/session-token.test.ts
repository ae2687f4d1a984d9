import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";

const SECRET = "a-test-secret-of-enough-length-for-auth-js";
const SALT = "authjs.session-token";
const NOW = new Date("2026-11-28T12:00:00Z");

let readSessionToken: typeof import("./session-token").readSessionToken;
beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", SECRET);
  ({ readSessionToken } = await import("./session-token"));
});

async function tokenFor(claims: { sub: string; sid: string }, expiresAt: Date, secret = SECRET) {
  // Auth.js sets `exp` from maxAge, counted from the real clock: give the seconds that reach `expiresAt`.
  const maxAge = Math.round((expiresAt.getTime() - Date.now()) / 1000);
  return encode({ token: claims, secret, salt: SALT, maxAge });
}

const withCookie = (value: string) => new Headers({ cookie: `theme=dark; ${SALT}=${value}; other=1` });

describe("readSessionToken", () => {
  it("reads the claims of a valid token, the same the second time (from the cache)", async () => {
    const token = await tokenFor({ sub: "user-1", sid: "session-1" }, new Date(Date.now() + 3_600_000));
    const first = await readSessionToken(withCookie(token));
    const second = await readSessionToken(withCookie(token));
    expect(first).toMatchObject({ sub: "user-1", sid: "session-1" });
    expect(second).toEqual(first);
  });

  it("refuses a token past its expiry even after it was read (and cached) while valid", async () => {
    const expiresAt = new Date(Date.now() + 3_600_000);
    const token = await tokenFor({ sub: "user-2", sid: "session-2" }, expiresAt);
    const before = new Date(expiresAt.getTime() - 60_000);
    const read = await readSessionToken(withCookie(token), before);
    expect(read).toMatchObject({ sub: "user-2" });
    const expiry = read!.exp! * 1000;
    expect(await readSessionToken(withCookie(token), new Date(expiry - 1))).toMatchObject({ sub: "user-2" });
    expect(await readSessionToken(withCookie(token), new Date(expiry))).toBeNull();
    expect(await readSessionToken(withCookie(token), new Date(expiry + 86_400_000))).toBeNull();
  });

  it("refuses a token made with another secret, a tampered one, and none at all", async () => {
    const valid = await tokenFor({ sub: "user-3", sid: "session-3" }, new Date(Date.now() + 3_600_000));
    const foreign = await tokenFor({ sub: "user-3", sid: "session-3" }, new Date(Date.now() + 3_600_000), "another-secret-of-enough-length-xx");
    const tampered = valid.slice(0, -4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await readSessionToken(withCookie(foreign), NOW)).toBeNull();
    expect(await readSessionToken(withCookie(tampered), NOW)).toBeNull();
    expect(await readSessionToken(new Headers({ cookie: "theme=dark" }), NOW)).toBeNull();
    expect(await readSessionToken(new Headers(), NOW)).toBeNull();
  });
});
