import { describe, expect, it } from "vitest";
import { clientMetricsFixture as client } from "@/test/fixtures/client-metrics";
import { clientRow } from "./client-row";

describe("clientRow", () => {
  it("writes every cell of a client's row", () => {
    const weeklyTouches = [
      { week: 1, touches: 4, upcoming: false },
      { week: 2, touches: 2, upcoming: false },
    ];
    expect(clientRow(client("Ada", { share: 0.5, firstContacts: 3, cold: 2, calledToday: false, daysSinceLastTouch: 3, weeklyTouches }))).toEqual({
      seekerId: "Ada",
      name: "Ada",
      onPace: { text: "50%", detail: "5 of 10 leads", low: true },
      campaign: "Week 2 of 10",
      contacted: "5 / 50",
      firstContacts: { text: "3 / 5", short: true },
      streak: 3,
      calledToday: false,
      overdue: 0,
      cold: 2,
      quiet: 0,
      tooSoon: 0,
      phoneShare: "50%",
      lastActivity: "3 days ago",
      chart: expect.objectContaining({ scaleMax: 4, paths: { done: "M0 0h5v28h-5z", current: "M7 14h5v14h-5z", upcoming: "" } }),
    });
  });

  it("shows a client on pace and on plan plainly, and one with no campaign without a chart", () => {
    const row = clientRow(client("Bo", { share: 0.8, campaign: null, weeklyTouches: null }));
    expect(row.onPace).toEqual({ text: "80%", detail: "8 of 10 leads", low: false });
    expect(row.firstContacts).toEqual({ text: "—", short: false });
    expect(row.campaign).toBe("No campaign");
    expect(row.chart).toBeNull();
    expect(clientRow(client("Cy", { share: null })).onPace).toEqual({ text: "—", detail: "no lead contacted and active", low: false });
  });
});
