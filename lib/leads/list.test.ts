import { describe, expect, it } from "vitest";
import { computePace } from "@/lib/domain";
import { withPace } from "./list";

const base = {
  cadenceDays: 7,
  plannedFirstContact: "2025-03-03",
  nextDueOverride: null,
  nextDueOverrideSetAt: null,
  pausedUntil: null,
  closedAt: null,
};
const now = new Date("2025-03-12T12:00:00Z");

describe("pace on the list", () => {
  it("matches the pace computed from the whole history, using only the latest touch", () => {
    const history = [
      { at: new Date("2025-03-01T10:00:00Z"), channel: "email" as const, direction: "outbound" as const },
      { at: new Date("2025-03-04T10:00:00Z"), channel: "phone" as const, direction: "inbound" as const },
    ];
    const [listed] = withPace([{ ...base, lastTouch: history[1]! }], now, "UTC");
    expect(listed!.pace).toEqual(computePace({ ...base, touches: history }, now, "UTC"));
    expect(listed!.pace).toMatchObject({ state: "overdue", nextDue: "2025-03-11", daysOverdue: 1 });
  });

  it("uses the planned first contact for a lead never touched", () => {
    const [listed] = withPace([{ ...base, lastTouch: null }], now, "UTC");
    expect(listed!.pace).toMatchObject({ state: "cold", nextDue: "2025-03-03", firstContact: true });
  });
});
