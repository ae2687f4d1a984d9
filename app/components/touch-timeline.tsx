import type { TimelineTouch } from "@/db/queries/leads";
import { requestHourCycle } from "@/lib/server/hour-cycle";
import { formatInstant } from "@/lib/format";
import { CHANNEL_LABELS, DIRECTION_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";

/** A touch as a timeline shows it; `company` when the list spans leads, `material` when one was sent. */
export type TimelineEntry = Omit<TimelineTouch, "material"> & { company?: string; material?: { title: string } | null };

/**
 * Touches, newest first, with their dates in the seeker's zone: a lead's history, or a coach's
 * client's (read only). `actions` adds controls under each touch (the seeker's edit and delete).
 */
export async function TouchTimeline<T extends TimelineEntry>({
  touches,
  timeZone,
  actions,
}: {
  touches: readonly T[];
  timeZone: string;
  actions?: (touch: T) => React.ReactNode;
}) {
  const hourCycle = await requestHourCycle();
  return (
    <ol className="space-y-3">
      {touches.map((touch) => (
        <li key={touch.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
          <p className="font-medium">
            <time dateTime={touch.at.toISOString()}>{formatInstant(touch.at, timeZone, hourCycle)}</time>
            {touch.company ? <> · <span className="font-semibold">{touch.company}</span></> : null}
            {" · "}
            {CHANNEL_LABELS[touch.channel]}
            {" · "}
            {DIRECTION_LABELS[touch.direction]}
            {touch.outcome ? ` · ${OUTCOME_LABELS[touch.outcome]}` : ""}
            {touch.tooSoon ? " · too soon" : ""}
          </p>
          {touch.note ? <p className="mt-1 whitespace-pre-line break-words text-stone-700">{touch.note}</p> : null}
          {touch.material ? <p className="mt-1 break-words text-stone-700">Sent: {touch.material.title}</p> : null}
          {actions?.(touch)}
        </li>
      ))}
    </ol>
  );
}
