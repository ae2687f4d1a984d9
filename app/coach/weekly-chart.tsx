import { barsPath, weeklyChart } from "@/lib/coach/chart";
import type { WeekTouches } from "@/lib/coach/metrics";

/**
 * Outbound touches per campaign week (Monday to Sunday) as a small bar chart drawn on the server,
 * with its scale written beside it (0 to the busiest week) and every number in words for screen
 * readers (the picture itself is hidden from them).
 */
export function WeeklyChart({
  id,
  weeks,
  scale = 1,
}: {
  id: string;
  weeks: readonly WeekTouches[] | null;
  /** 1 in the table; larger on the client's page. */
  scale?: number;
}) {
  if (!weeks) return <span className="text-sm text-stone-600">No campaign</span>;
  const chart = weeklyChart(weeks);
  const current = [...weeks].reverse().find((week) => !week.upcoming);
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <span aria-hidden="true" className="chart-scale">
        <span>{chart.scaleMax}</span>
        <span>0</span>
      </span>
      <svg aria-hidden="true" width={chart.width * scale} height={chart.height * scale} viewBox={`0 0 ${chart.width} ${chart.height}`}>
        {/* One path per colour: the weeks done, the current one, those to come. */}
        <path d={barsPath(chart.bars.filter((bar) => !bar.upcoming && bar.week !== current?.week), chart.height)} className="chart-done" />
        <path d={barsPath(chart.bars.filter((bar) => !bar.upcoming && bar.week === current?.week), chart.height)} className="chart-current" />
        <path d={barsPath(chart.bars.filter((bar) => bar.upcoming), chart.height)} className="chart-upcoming" />
      </svg>
      <figcaption id={`${id}-caption`} className="sr-only">
        {chart.description}
      </figcaption>
    </figure>
  );
}
