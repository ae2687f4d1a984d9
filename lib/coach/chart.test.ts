import { describe, expect, it } from "vitest";
import { barsPath, chartFigure, describeWeeks, weeklyChart } from "./chart";

describe("weekly chart", () => {
  const weeks = [
    { week: 1, touches: 5, upcoming: false },
    { week: 2, touches: 10, upcoming: false },
    { week: 3, touches: 0, upcoming: false },
    { week: 4, touches: 0, upcoming: true },
  ];

  it("scales bars from 0 to the busiest week", () => {
    const chart = weeklyChart(weeks);
    expect(chart.scaleMax).toBe(10);
    expect(chart.bars.map((bar) => bar.height)).toEqual([14, 28, 1, 0]);
    expect(chart.bars.map((bar) => bar.x)).toEqual([0, 7, 14, 21]);
    expect(chart.width).toBe(26);
    expect(weeklyChart([{ week: 1, touches: 0, upcoming: false }]).scaleMax).toBe(1);
  });

  it("draws the bars as rectangles of one path, an upcoming week as a sliver on the baseline", () => {
    const chart = weeklyChart(weeks);
    expect(barsPath(chart.bars.slice(0, 2), chart.height)).toBe("M0 14h5v14h-5zM7 0h5v28h-5z");
    expect(barsPath(chart.bars.slice(3), chart.height)).toBe("M21 27h5v1h-5z");
    expect(barsPath([], chart.height)).toBe("");
  });

  it("says every number in words, and how many weeks are to come", () => {
    expect(describeWeeks(weeks)).toBe("Outbound touches per campaign week, Monday to Sunday: week 1: 5, week 2: 10, week 3: 0; 1 more to come.");
    expect(describeWeeks([{ week: 1, touches: 0, upcoming: true }])).toMatch(/has not started yet/);
  });

  it("draws a figure's three colours: the weeks done, the current week (the last one begun), those to come", () => {
    expect(chartFigure(weeks)).toEqual({
      width: 26,
      height: 28,
      scaleMax: 10,
      paths: { done: "M0 14h5v14h-5zM7 0h5v28h-5z", current: "M14 27h5v1h-5z", upcoming: "M21 27h5v1h-5z" },
      description: describeWeeks(weeks),
    });
    expect(chartFigure(null)).toBeNull();
  });
});
