import { describe, expect, it } from "vitest";
import { formatInstant, telHref } from "./format";

describe("formatting", () => {
  it("writes an instant in the seeker's zone", () => {
    expect(formatInstant(new Date("2025-03-05T23:30:00Z"), "Asia/Tokyo")).toBe("Thu 6 Mar 2025, 08:30");
    expect(formatInstant(new Date("2025-03-05T23:30:00Z"), "America/New_York")).toBe("Wed 5 Mar 2025, 18:30");
  });

  it("keeps only what a phone dials", () => {
    expect(telHref("+1 (202) 555-0100")).toBe("tel:+12025550100");
    expect(telHref("020 7946 0000 ext. 12")).toBe("tel:02079460000;ext=12");
    expect(telHref("555.010.0199x7")).toBe("tel:5550100199;ext=7");
  });
});
