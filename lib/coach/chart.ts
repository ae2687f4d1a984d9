import type { WeekTouches } from "./metrics";

export type Bar = { week: number; touches: number; upcoming: boolean; x: number; y: number; width: number; height: number };

export type WeeklyChart = {
  width: number;
  height: number;
  bars: Bar[];
  /** Height of the weekly-goal line, when the goal fits the scale. */
  goalY: number | null;
  /** Everything the chart shows, in words, for screen readers and as a tooltip. */
  description: string;
};

const BAR_WIDTH = 6;
const GAP = 2;
const HEIGHT = 28;
/** A zero week still shows a sliver, so "nothing" reads differently from "not yet". */
const ZERO_HEIGHT = 1;

/** Geometry of the small bar chart of touches per campaign week, with the weekly goal as a line. */
export function weeklyChart(weeks: readonly WeekTouches[], weeklyGoal: number): WeeklyChart {
  const scale = Math.max(weeklyGoal, ...weeks.map((week) => week.touches), 1);
  const bars = weeks.map((week, index) => {
    const height = week.upcoming ? 0 : Math.max(ZERO_HEIGHT, Math.round((week.touches / scale) * HEIGHT));
    return { ...week, x: index * (BAR_WIDTH + GAP), y: HEIGHT - height, width: BAR_WIDTH, height };
  });
  const width = Math.max(weeks.length * (BAR_WIDTH + GAP) - GAP, BAR_WIDTH);
  const goalY = weeklyGoal > 0 ? HEIGHT - Math.round((weeklyGoal / scale) * HEIGHT) : null;
  return { width, height: HEIGHT, bars, goalY, description: describeWeeks(weeks, weeklyGoal) };
}

export function describeWeeks(weeks: readonly WeekTouches[], weeklyGoal: number): string {
  const done = weeks.filter((week) => !week.upcoming);
  if (done.length === 0) return `Touches per campaign week: the campaign has not started yet (goal ${weeklyGoal} a week).`;
  const list = done.map((week) => `week ${week.week}: ${week.touches}`).join(", ");
  return `Outbound touches per campaign week (goal ${weeklyGoal} a week): ${list}.`;
}
