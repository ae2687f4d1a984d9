import { describe, expect, it } from "vitest";
import { FAILURE_MEMORY_SECONDS, retryAfterSeconds, THROTTLE_POLICY } from "./throttle";

const now = new Date("2026-05-01T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("retryAfterSeconds", () => {
  it("lets the free failures through", () => {
    expect(retryAfterSeconds([{ kind: "pair", failures: 4, lastFailureAt: now }], now)).toBe(0);
  });

  it("doubles the wait past the allowance, up to the cap", () => {
    const { baseSeconds, capSeconds, freeFailures } = THROTTLE_POLICY.pair;
    expect(retryAfterSeconds([{ kind: "pair", failures: freeFailures, lastFailureAt: now }], now)).toBe(baseSeconds);
    expect(retryAfterSeconds([{ kind: "pair", failures: freeFailures + 2, lastFailureAt: now }], now)).toBe(baseSeconds * 4);
    expect(retryAfterSeconds([{ kind: "pair", failures: 99, lastFailureAt: now }], now)).toBe(capSeconds);
  });

  it("counts down from the last failure and forgets old ones", () => {
    expect(retryAfterSeconds([{ kind: "pair", failures: 5, lastFailureAt: ago(10) }], now)).toBe(20);
    expect(retryAfterSeconds([{ kind: "pair", failures: 5, lastFailureAt: ago(30) }], now)).toBe(0);
    expect(retryAfterSeconds([{ kind: "address", failures: 500, lastFailureAt: ago(FAILURE_MEMORY_SECONDS) }], now)).toBe(0);
  });

  it("never makes the account-wide wait longer than a minute", () => {
    expect(retryAfterSeconds([{ kind: "account", failures: 10_000, lastFailureAt: now }], now)).toBe(60);
  });

  it("takes the longest wait of all keys", () => {
    expect(
      retryAfterSeconds(
        [
          { kind: "account", failures: 10, lastFailureAt: now },
          { kind: "pair", failures: 6, lastFailureAt: now },
        ],
        now,
      ),
    ).toBe(60);
  });
});
