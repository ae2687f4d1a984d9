import type { WeekTouches } from "./metrics";

export type Bar = { week: number; touches: number; upcoming: boolean; x: number; y: number; width: number; height: number };

export type WeeklyChart = {
  width: number;
  height: number;
  bars: Bar[];
  /** The value at the top of the scale (the busiest week, at least 1); the bottom is 0. */
  scaleMax: number;
  /** Everything the chart shows, in words, for screen readers. */
  description: string;
};

const BAR_WIDTH = 5;
const GAP = 2;
const HEIGHT = 28;
/** A zero week still shows a sliver, so "nothing" reads differently from "not yet". */
const ZERO_HEIGHT = 1;

/** Geometry of the small bar chart of outbound touches per campaign week (Monday to Sunday), scaled 0 to the busiest week. */
export function weeklyChart(weeks: readonly WeekTouches[]): WeeklyChart {
  const scaleMax = Math.max(...weeks.map((week) => week.touches), 1);
  // Each bar written out field by field: a page draws hundreds, and spreading the week into each was
  // a slow object copy (4% of the Clients page's server time in a profile).
  const bars = weeks.map(({ week, touches, upcoming }, index): Bar => {
    const height = upcoming ? 0 : Math.max(ZERO_HEIGHT, Math.round((touches / scaleMax) * HEIGHT));
    return { week, touches, upcoming, x: index * (BAR_WIDTH + GAP), y: HEIGHT - height, width: BAR_WIDTH, height };
  });
  const width = Math.max(weeks.length * (BAR_WIDTH + GAP) - GAP, BAR_WIDTH);
  return { width, height: HEIGHT, bars, scaleMax, description: describeWeeks(weeks) };
}

export function describeWeeks(weeks: readonly WeekTouches[]): string {
  const done = weeks.filter((week) => !week.upcoming);
  if (done.length === 0) return "Outbound touches per campaign week: the campaign has not started yet.";
  const list = done.map((week) => `week ${week.week}: ${week.touches}`).join(", ");
  const upcoming = weeks.length - done.length;
  return `Outbound touches per campaign week, Monday to Sunday: ${list}${upcoming > 0 ? `; ${upcoming} more to come` : ""}.`;
}

/**
 * Bars as the data of one SVG path (a rectangle each): one element per colour rather than one per
 * week keeps a page of charts small. An upcoming week is a 1-unit sliver on the baseline.
 */
export function barsPath(bars: readonly Bar[], height: number): string {
  let path = "";
  for (const bar of bars) {
    // An upcoming week is a 1-unit sliver on the baseline.
    const y = bar.upcoming ? height - 1 : bar.y;
    const barHeight = bar.upcoming ? 1 : bar.height;
    path += `M${bar.x} ${y}h${bar.width}v${barHeight}h-${bar.width}z`;
  }
  return path;
}

/** The chart as its figure draws it: three paths (the weeks done, the current one, those to come) and its words. */
export type ChartFigure = {
  width: number;
  height: number;
  scaleMax: number;
  paths: { done: string; current: string; upcoming: string };
  description: string;
};

/** A client's chart ready to draw; null without a campaign. One path per colour keeps a page of charts small. */
export function chartFigure(weeks: readonly WeekTouches[] | null): ChartFigure | null {
  if (!weeks) return null;
  const chart = weeklyChart(weeks);
  const current = weeks.findLast((week) => !week.upcoming)?.week;
  const path = (keep: (bar: Bar) => boolean) => barsPath(chart.bars.filter(keep), chart.height);
  return {
    width: chart.width,
    height: chart.height,
    scaleMax: chart.scaleMax,
    paths: {
      done: path((bar) => !bar.upcoming && bar.week !== current),
      current: path((bar) => !bar.upcoming && bar.week === current),
      upcoming: path((bar) => bar.upcoming),
    },
    description: chart.description,
  };
}
