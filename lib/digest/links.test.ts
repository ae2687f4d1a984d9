import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dateOf, todayIn } from "@/lib/domain/dates";
import { digestLinkState, doneLinkExpiry, endOfLocalDay, isWellFormedDigestToken, unsubscribeLinkExpiry, UNSUBSCRIBE_LINK_DAYS } from "./links";

const zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "Pacific/Chatham", "UTC", "America/Santiago"];

describe("a Done link's expiry", () => {
  it("is midnight at the end of that local day", () => {
    expect(endOfLocalDay("2026-03-02", "Europe/London").toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(endOfLocalDay("2026-03-02", "America/New_York").toISOString()).toBe("2026-03-03T05:00:00.000Z");
    expect(endOfLocalDay("2026-07-02", "Europe/Paris").toISOString()).toBe("2026-07-02T22:00:00.000Z");
    // The day London moves its clocks back (25 October 2026) has 25 hours: it ends at 00:00 GMT.
    expect(endOfLocalDay("2026-10-25", "Europe/London").toISOString()).toBe("2026-10-26T00:00:00.000Z");
  });

  it("lets the link work for the whole local day and not a moment after (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2001-01-01T00:00:00Z"), max: new Date("2099-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (sentAt, timeZone) => {
          const day = todayIn(sentAt, timeZone);
          const expiresAt = doneLinkExpiry(day, timeZone);
          const link = { userId: "u", expiresAt, usedAt: null };
          // The last millisecond of the day still belongs to it; the expiry is the next day.
          expect(dateOf(new Date(expiresAt.getTime() - 1), timeZone)).toBe(day);
          expect(dateOf(expiresAt, timeZone)).toBe(addDays(day, 1));
          expect(digestLinkState(link, { now: sentAt, signedInUserId: null })).toBe("open");
          expect(digestLinkState(link, { now: new Date(expiresAt.getTime() - 1), signedInUserId: null })).toBe("open");
          expect(digestLinkState(link, { now: expiresAt, signedInUserId: null })).toBe("expired");
        },
      ),
    );
  });

  it("gives an unsubscribe link weeks, not a day", () => {
    const now = new Date("2026-03-02T07:00:00Z");
    expect(dateOf(unsubscribeLinkExpiry(now, "Europe/London"), "Europe/London")).toBe(addDays("2026-03-02", UNSUBSCRIBE_LINK_DAYS + 1));
  });
});

describe("a digest link's state", () => {
  const now = new Date("2026-03-02T10:00:00Z");
  const open = { userId: "sam", expiresAt: new Date("2026-03-03T00:00:00Z"), usedAt: null };
  it("is open only for a known, unexpired, unused link, opened signed out or by its owner", () => {
    expect(digestLinkState(open, { now, signedInUserId: null })).toBe("open");
    expect(digestLinkState(open, { now, signedInUserId: "sam" })).toBe("open");
    expect(digestLinkState(open, { now, signedInUserId: "alex" })).toBe("other_account");
    expect(digestLinkState(null, { now, signedInUserId: null })).toBe("not_found");
    expect(digestLinkState({ ...open, usedAt: now }, { now, signedInUserId: null })).toBe("used");
    expect(digestLinkState({ ...open, usedAt: now }, { now, signedInUserId: null, reusable: true })).toBe("open");
    expect(digestLinkState({ ...open, expiresAt: now }, { now, signedInUserId: null })).toBe("expired");
  });

  it("needs 43 URL-safe characters before any look-up", () => {
    expect(isWellFormedDigestToken("A".repeat(43))).toBe(true);
    expect(isWellFormedDigestToken("A".repeat(42))).toBe(false);
    expect(isWellFormedDigestToken("A".repeat(42) + "/")).toBe(false);
  });
});
