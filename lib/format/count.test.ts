import { describe, expect, it } from "vitest";
import { byCount, countOfGoal, formatPercent, plural } from "./count";

describe("plural", () => {
  it("uses the singular for one only", () => {
    expect(plural(1, "lead")).toBe("1 lead");
    expect(plural(0, "lead")).toBe("0 leads");
    expect(plural(3, "day")).toBe("3 days");
  });

  it("takes an irregular plural", () => {
    expect(plural(1, "touch", "touches")).toBe("1 touch");
    expect(plural(5, "touch", "touches")).toBe("5 touches");
  });

  it("says progress with the noun agreeing with the count done", () => {
    expect(countOfGoal(2, 1, "touch", "touches")).toBe("2 touches of 1");
    expect(countOfGoal(1, 5, "touch", "touches")).toBe("1 touch of 5");
    expect(countOfGoal(0, 1, "touch", "touches")).toBe("0 touches of 1");
  });

  it("picks any wording by count", () => {
    expect(byCount(1, "it", "them")).toBe("it");
    expect(byCount(2, "it", "them")).toBe("them");
    expect(byCount(0, "it", "them")).toBe("them");
  });
});

describe("formatPercent", () => {
  it("rounds a share to a whole percent", () => {
    expect(formatPercent(0.254)).toBe("25%");
    expect(formatPercent(1)).toBe("100%");
  });
});
