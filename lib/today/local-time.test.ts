import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromLocalDateTime, toLocalDateTime } from "./local-time";

describe("local date-times", () => {
  it("reads a datetime-local value in the seeker's zone", () => {
    expect(fromLocalDateTime("2025-03-03T10:00", "Europe/Paris")).toEqual(new Date("2025-03-03T09:00:00Z"));
    expect(fromLocalDateTime("2025-03-03T10:00:30", "Asia/Kathmandu")).toEqual(new Date("2025-03-03T04:15:30Z"));
    expect(toLocalDateTime(new Date("2025-03-03T09:00:00Z"), "America/St_Johns")).toBe("2025-03-03T05:30");
  });

  it("refuses what is not a real date and time", () => {
    for (const value of ["", "2025-02-30T10:00", "2025-13-01T10:00", "2025-03-03T24:00", "2025-03-03 10:00", "yesterday"]) {
      expect(fromLocalDateTime(value, "Europe/Paris")).toBeNull();
    }
  });

  it("moves a time skipped by daylight saving forward, as clocks do", () => {
    // Paris went from 02:00 to 03:00 on 30 March 2025.
    const skipped = fromLocalDateTime("2025-03-30T02:30", "Europe/Paris");
    expect(skipped).not.toBeNull();
    expect(toLocalDateTime(skipped!, "Europe/Paris")).toBe("2025-03-30T03:30");
  });

  it("property: an instant shown and read back in any zone is the same minute", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom("UTC", "Europe/Paris", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham"),
        (instant, zone) => {
          const minute = new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
          const back = fromLocalDateTime(toLocalDateTime(minute, zone), zone)!;
          // The repeated hour when clocks go back is read as one of its two instants.
          expect(toLocalDateTime(back, zone)).toBe(toLocalDateTime(minute, zone));
        },
      ),
    );
  });
});
