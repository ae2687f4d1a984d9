import { describe, expect, it } from "vitest";
import { describeWeeks, weeklyChart } from "./chart";

describe("weekly chart", () => {
  const weeks = [
    { week: 1, touches: 5, upcoming: false },
    { week: 2, touches: 10, upcoming: false },
    { week: 3, touches: 0, upcoming: false },
    { week: 4, touches: 0, upcoming: true },
  ];

  it("scales bars to the larger of the goal and the busiest week", () => {
    const chart = weeklyChart(weeks, 5);
    expect(chart.bars.map((bar) => bar.height)).toEqual([14, 28, 1, 0]);
    expect(chart.bars.map((bar) => bar.x)).toEqual([0, 8, 16, 24]);
    expect(chart.goalY).toBe(14);
    expect(chart.width).toBe(30);
  });

  it("says every number in words, leaving out the weeks to come", () => {
    expect(describeWeeks(weeks, 5)).toBe("Outbound touches per campaign week (goal 5 a week): week 1: 5, week 2: 10, week 3: 0.");
    expect(describeWeeks([{ week: 1, touches: 0, upcoming: true }], 5)).toMatch(/has not started yet/);
  });
});
