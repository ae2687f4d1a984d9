import { describe, expect, it } from "vitest";
import { describeWhen, formatDate, formatDay, formatInstant, formatLongDate } from "./dates";

describe("dates", () => {
  it("names a calendar day", () => {
    expect(formatDay("2025-03-05")).toBe("Wed 5 Mar");
    expect(formatDay("2024-12-31")).toBe("Tue 31 Dec");
  });

  it("writes a date and an instant in the seeker's zone", () => {
    const instant = new Date("2025-03-05T23:30:00Z");
    expect(formatDate(instant, "Asia/Tokyo")).toBe("6 Mar 2025");
    expect(formatDate(instant, "America/New_York")).toBe("5 Mar 2025");
    expect(formatLongDate(instant, "Asia/Tokyo")).toBe("Thursday, 6 March 2025");
    expect(formatInstant(instant, "Asia/Tokyo")).toBe("Thu 6 Mar 2025, 08:30");
    expect(formatInstant(instant, "America/New_York")).toBe("Wed 5 Mar 2025, 18:30");
    expect(formatInstant(new Date("2024-12-31T23:05:00Z"), "UTC")).toBe("Tue 31 Dec 2024, 23:05");
  });

  it("says when a touch was, in the seeker's zone", () => {
    // Wednesday 5 March 2025, 10:00 in Paris.
    const now = new Date("2025-03-05T09:00:00Z");
    expect(describeWhen(new Date("2025-03-05T07:05:00Z"), now, "Europe/Paris")).toBe("today, 08:05");
    // 23:30 UTC on the 4th is already the 5th in Kathmandu.
    expect(describeWhen(new Date("2025-03-04T23:30:00Z"), now, "Asia/Kathmandu")).toBe("today, 05:15");
    expect(describeWhen(new Date("2025-03-04T17:00:00Z"), now, "Europe/Paris")).toBe("yesterday, 18:00");
    expect(describeWhen(new Date("2025-02-20T13:00:00Z"), now, "Europe/Paris")).toBe("Thu 20 Feb, 14:00");
    expect(describeWhen(new Date("2024-11-02T13:00:00Z"), now, "Europe/Paris")).toBe("2 Nov 2024");
  });
});
