import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  codeRetryAfterSeconds,
  codeThrottleKeys,
  formatCode,
  invitationExpiry,
  invitationState,
  isWellFormedCode,
  normalizeCode,
} from "./invitations";

const NOW = new Date("2025-03-12T10:00:00Z");

describe("invitation secrets", () => {
  it("makes codes from letters and digits nobody confuses", () => {
    for (const ambiguous of ["0", "O", "1", "I"]) expect(CODE_ALPHABET).not.toContain(ambiguous);
    expect(formatCode("ABCD2345")).toBe("ABCD-2345");
  });

  it("reads a typed code whatever its case, spaces or dash", () => {
    expect(normalizeCode(" abcd-2345 ")).toBe("ABCD2345");
    expect(normalizeCode("abcd 2345")).toBe("ABCD2345");
    expect(isWellFormedCode(normalizeCode("abcd-2345"))).toBe(true);
    expect(isWellFormedCode(normalizeCode("abcd-234"))).toBe(false);
    expect(isWellFormedCode(normalizeCode("abcd-2340"))).toBe(false);
  });
});

describe("invitation state", () => {
  const open = { expiresAt: invitationExpiry(NOW), usedAt: null, declinedAt: null };

  it("expires after 14 days", () => {
    expect(open.expiresAt.toISOString()).toBe("2025-03-26T10:00:00.000Z");
    expect(invitationState(open, NOW)).toBe("open");
    expect(invitationState(open, new Date("2025-03-26T09:59:59Z"))).toBe("open");
    expect(invitationState(open, new Date("2025-03-26T10:00:00Z"))).toBe("expired");
  });

  it("is used or declined once answered, even after it expired", () => {
    expect(invitationState({ ...open, usedAt: NOW }, new Date("2025-05-01"))).toBe("used");
    expect(invitationState({ ...open, declinedAt: NOW }, new Date("2025-05-01"))).toBe("declined");
  });
});

describe("code guessing limit", () => {
  const keys = codeThrottleKeys("user-1", "10.0.0.1");

  it("allows five misses, then makes the person wait, doubling", () => {
    const record = (failures: number, secondsAgo: number) => ({
      key: keys.pair,
      failures,
      lastFailureAt: new Date(NOW.getTime() - secondsAgo * 1000),
    });
    expect(codeRetryAfterSeconds([record(4, 0)], keys, NOW)).toBe(0);
    expect(codeRetryAfterSeconds([record(5, 0)], keys, NOW)).toBe(30);
    expect(codeRetryAfterSeconds([record(6, 10)], keys, NOW)).toBe(50);
    expect(codeRetryAfterSeconds([record(6, 3600)], keys, NOW)).toBe(0);
  });

  it("ignores keys that are not its own (sign-in failures)", () => {
    expect(codeRetryAfterSeconds([{ key: "pair:x|y", failures: 99, lastFailureAt: NOW }], keys, NOW)).toBe(0);
    expect(codeRetryAfterSeconds([{ key: keys.address, failures: 50, lastFailureAt: NOW }], keys, NOW)).toBe(30);
  });
});
