import { describe, expect, it } from "vitest";
import { CADENCE_RANGE_DAYS, clampCadence } from "./cadence";
import { cadenceDaysSchema } from "./cadence-schema";

describe("rule 5, cadence is 3 to 30 days", () => {
  it("accepts 3 to 30 whole days, coercing form text", () => {
    expect(CADENCE_RANGE_DAYS).toEqual({ min: 3, max: 30 });
    expect(cadenceDaysSchema.parse("3")).toBe(3);
    expect(cadenceDaysSchema.parse(30)).toBe(30);
  });

  it.each([2, 31, 7.5, "", "abc"])("refuses %j", (value) => {
    const result = cadenceDaysSchema.safeParse(value);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]!.message).toBe("Enter a whole number of days from 3 to 30.");
  });

  it("brings an old cadence inside the range", () => {
    expect([1, 7, 90].map(clampCadence)).toEqual([3, 7, 30]);
  });
});
