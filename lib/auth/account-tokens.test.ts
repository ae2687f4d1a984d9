import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCOUNT_TOKEN_PURPOSES, ACCOUNT_TOKEN_TTL_MS, accountTokenExpiry, accountTokenState, isWellFormedAccountToken } from "./account-tokens";

const now = new Date("2026-03-05T10:00:00Z");
const open = { userId: "u1", expiresAt: new Date(now.getTime() + 1000), usedAt: null, email: "a@example.com", currentEmail: "a@example.com" };

describe("account link rules", () => {
  it("a reset link lasts one hour; every link expires", () => {
    expect(ACCOUNT_TOKEN_TTL_MS.reset_password).toBe(60 * 60 * 1000);
    for (const purpose of ACCOUNT_TOKEN_PURPOSES) expect(accountTokenExpiry(purpose, now).getTime()).toBeGreaterThan(now.getTime());
  });

  it("tells forged, expired, used, stale and other people's links apart", () => {
    const args = { now, signedInUserId: null, purpose: "verify_email" as const };
    expect(accountTokenState(null, args)).toBe("not_found");
    expect(accountTokenState(open, args)).toBe("open");
    expect(accountTokenState(open, { ...args, signedInUserId: "u1" })).toBe("open");
    expect(accountTokenState(open, { ...args, signedInUserId: "u2" })).toBe("other_account");
    expect(accountTokenState({ ...open, usedAt: now }, args)).toBe("used");
    expect(accountTokenState({ ...open, expiresAt: now }, args)).toBe("expired");
    expect(accountTokenState({ ...open, currentEmail: "b@example.com" }, args)).toBe("stale");
    expect(accountTokenState({ ...open, currentEmail: "b@example.com" }, { ...args, purpose: "change_email" })).toBe("open");
  });

  it("only an open link, of its own account or opened signed out, may change anything", () => {
    fc.assert(
      fc.property(
        fc.record({
          used: fc.boolean(),
          expiresInMs: fc.integer({ min: -5000, max: 5000 }),
          sameEmail: fc.boolean(),
          viewer: fc.constantFrom(null, "u1", "u2"),
          purpose: fc.constantFrom(...ACCOUNT_TOKEN_PURPOSES),
        }),
        ({ used, expiresInMs, sameEmail, viewer, purpose }) => {
          const state = accountTokenState(
            { ...open, usedAt: used ? now : null, expiresAt: new Date(now.getTime() + expiresInMs), currentEmail: sameEmail ? open.email : "x@example.com" },
            { now, signedInUserId: viewer, purpose },
          );
          const usable = !used && expiresInMs > 0 && viewer !== "u2" && (sameEmail || purpose === "change_email");
          expect(state === "open").toBe(usable);
        },
      ),
    );
  });

  it("recognises the shape of a token before any look-up", () => {
    expect(isWellFormedAccountToken("A".repeat(43))).toBe(true);
    expect(isWellFormedAccountToken("A".repeat(42))).toBe(false);
    expect(isWellFormedAccountToken(`${"A".repeat(42)}=`)).toBe(false);
  });
});
