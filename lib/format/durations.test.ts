import { describe, expect, it } from "vitest";
import { formatWait } from "./durations";

describe("formatWait", () => {
  it("counts seconds under a minute and a half, then whole minutes rounded up", () => {
    expect(formatWait(1)).toBe("1 second");
    expect(formatWait(45)).toBe("45 seconds");
    expect(formatWait(90)).toBe("2 minutes");
    expect(formatWait(601)).toBe("11 minutes");
  });
});
