import { weeklyChart } from "@/lib/coach/chart";
import type { WeekTouches } from "@/lib/coach/metrics";

/** Touches per campaign week as a small bar chart, drawn on the server; its title says it in words. */
export function WeeklyChart({
  id,
  weeks,
  weeklyGoal,
  scale = 1,
}: {
  id: string;
  weeks: readonly WeekTouches[] | null;
  weeklyGoal: number;
  /** 1 in the table; larger on the client's page. */
  scale?: number;
}) {
  if (!weeks) return <span className="text-sm text-stone-600">No campaign</span>;
  const chart = weeklyChart(weeks, weeklyGoal);
  const titleId = `${id}-title`;
  return (
    <svg
      role="img"
      aria-labelledby={titleId}
      width={chart.width * scale}
      height={chart.height * scale}
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      className="block overflow-visible"
    >
      <title id={titleId}>{chart.description}</title>
      {chart.bars.map((bar) =>
        bar.upcoming ? (
          <rect key={bar.week} x={bar.x} y={chart.height - 1} width={bar.width} height={1} className="fill-stone-200" />
        ) : (
          <rect
            key={bar.week}
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            className={bar.touches >= weeklyGoal ? "fill-brand-600" : "fill-amber-500"}
          />
        ),
      )}
      {chart.goalY === null ? null : (
        <line
          x1={0}
          x2={chart.width}
          y1={chart.goalY}
          y2={chart.goalY}
          className="stroke-stone-500"
          strokeWidth={0.5}
          strokeDasharray="2 1"
        />
      )}
    </svg>
  );
}
