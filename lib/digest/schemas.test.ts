import { describe, expect, it } from "vitest";
import { digestSettingsSchema } from "./schemas";

describe("digestSettingsSchema", () => {
  it("takes a whole hour 0–23 written in digits, and nothing else (an empty or control-character hour is not midnight)", () => {
    expect(digestSettingsSchema.parse({ enabled: "on", hour: "7" })).toEqual({ enabled: true, hour: 7 });
    expect(digestSettingsSchema.parse({ enabled: "", hour: "0" })).toEqual({ enabled: false, hour: 0 });
    for (const hour of ["", "\u0000", " ", "24", "7.5", "-1", "1e1", "0x7"]) {
      expect(digestSettingsSchema.safeParse({ enabled: "", hour }).success, JSON.stringify(hour)).toBe(false);
    }
  });
});
