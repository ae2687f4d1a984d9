import type { ChartFigure } from "@/lib/coach/chart";

/**
 * Outbound touches per campaign week (Monday to Sunday) as a small bar chart (lib/coach/chart.ts
 * draws it), with its scale written beside it (0 to the busiest week) and every number in words for
 * screen readers (the picture itself is hidden from them). Drawn on the server (a client's page) and
 * in the browser (the Clients table's rows).
 */
export function WeeklyChart({
  id,
  chart,
  scale = 1,
}: {
  id: string;
  chart: ChartFigure | null;
  /** 1 in the table; larger on the client's page. */
  scale?: number;
}) {
  if (!chart) return <span className="text-sm text-stone-600">No campaign</span>;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <span aria-hidden="true" className="chart-scale">
        <span>{chart.scaleMax}</span>
        <span>0</span>
      </span>
      <svg aria-hidden="true" width={chart.width * scale} height={chart.height * scale} viewBox={`0 0 ${chart.width} ${chart.height}`}>
        <path d={chart.paths.done} className="chart-done" />
        <path d={chart.paths.current} className="chart-current" />
        <path d={chart.paths.upcoming} className="chart-upcoming" />
      </svg>
      <figcaption id={`${id}-caption`} className="sr-only">
        {chart.description}
      </figcaption>
    </figure>
  );
}
