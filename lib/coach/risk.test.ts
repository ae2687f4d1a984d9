import { describe, expect, it } from "vitest";
import type { ClientMetrics } from "./metrics";
import { compareRisk, parseSort, sortClients } from "./risk";

function client(name: string, overrides: Partial<ClientMetrics> = {}): ClientMetrics {
  return {
    seekerId: name,
    name,
    timeZone: "UTC",
    campaign: { week: 2, weeks: 10, contacted: 5, total: 50 },
    leadsTotal: 50,
    leadsContacted: 5,
    touchesThisWeek: 5,
    weeklyGoal: 5,
    streak: 3,
    overdue: 0,
    cold: 0,
    tooSoon: 0,
    phoneShare: 0.5,
    lastTouchAt: new Date("2025-03-11T10:00:00Z"),
    daysSinceLastTouch: 1,
    weeklyTouches: [],
    ...overrides,
  };
}

describe("risk order", () => {
  const onPace = client("Olga");
  const coldOne = client("Cora", { cold: 1, touchesThisWeek: 9 });
  const coldTwo = client("Carl", { cold: 2 });
  const behind = client("Bea", { touchesThisWeek: 1 });
  const slightlyBehind = client("Ben", { touchesThisWeek: 4, overdue: 6 });
  const overdue = client("Otto", { touchesThisWeek: 4, overdue: 7 });
  const silent = client("Sid", { touchesThisWeek: 4, overdue: 7, daysSinceLastTouch: 20 });
  const never = client("Nina", { touchesThisWeek: 4, overdue: 7, daysSinceLastTouch: null, lastTouchAt: null });

  it("puts cold leads first, then the weekly shortfall, then overdue leads, then silence", () => {
    const shuffled = [onPace, behind, never, coldOne, overdue, slightlyBehind, silent, coldTwo];
    expect([...shuffled].sort(compareRisk).map((c) => c.name)).toEqual([
      "Carl",
      "Cora",
      "Bea",
      "Nina",
      "Sid",
      "Otto",
      "Ben",
      "Olga",
    ]);
  });

  it("does not reward going over the goal: a surplus is no shortfall", () => {
    expect(compareRisk(client("A", { touchesThisWeek: 12 }), client("B", { touchesThisWeek: 5 }))).toBeLessThan(0);
  });

  it("sorts by a column either way, ties in risk order", () => {
    const list = [onPace, coldTwo, behind];
    expect(sortClients(list, { key: "phone", direction: "asc" }).map((c) => c.name)).toEqual(["Carl", "Bea", "Olga"]);
    expect(sortClients(list, { key: "name", direction: "asc" }).map((c) => c.name)).toEqual(["Bea", "Carl", "Olga"]);
    expect(sortClients(list, { key: "name", direction: "desc" }).map((c) => c.name)).toEqual(["Olga", "Carl", "Bea"]);
    expect(sortClients(list, { key: "risk", direction: "asc" }).map((c) => c.name)).toEqual(["Olga", "Bea", "Carl"]);
    expect(sortClients([onPace, never], { key: "last_activity", direction: "asc" }).map((c) => c.name)).toEqual(["Nina", "Olga"]);
    expect(sortClients([behind, onPace], { key: "this_week", direction: "desc" }).map((c) => c.name)).toEqual(["Olga", "Bea"]);
  });

  it("reads ?sort and ?dir, falling back to risk and each column's worst-first direction", () => {
    expect(parseSort(undefined, undefined)).toEqual({ key: "risk", direction: "desc" });
    expect(parseSort("cold", undefined)).toEqual({ key: "cold", direction: "desc" });
    expect(parseSort("phone", "desc")).toEqual({ key: "phone", direction: "desc" });
    expect(parseSort("drop table", "sideways")).toEqual({ key: "risk", direction: "desc" });
    expect(parseSort(["cold"], undefined)).toEqual({ key: "risk", direction: "desc" });
  });
});
