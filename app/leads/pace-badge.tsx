import type { CalendarDate, LeadPace, PaceState } from "@/lib/domain";
import { PACE_STATE_LABELS } from "@/lib/leads/labels";
import { formatDay, plural } from "@/lib/format";

const STYLES: Record<PaceState, string> = {
  due_today: "bg-brand-100 text-brand-800",
  overdue: "bg-amber-100 text-amber-900",
  cold: "bg-sky-100 text-sky-900",
  upcoming: "bg-stone-100 text-stone-800",
  unplanned: "bg-stone-100 text-stone-800",
  paused: "bg-violet-100 text-violet-900",
  closed: "bg-stone-200 text-stone-800",
};

/** The lead's pace state as a label, with how late it is when overdue or cold, and until when when paused. */
export function PaceBadge({ pace, pausedUntil }: { pace: Pick<LeadPace, "state" | "daysOverdue">; pausedUntil?: CalendarDate | null }) {
  const late = pace.state === "overdue" || pace.state === "cold" ? `, ${plural(pace.daysOverdue, "day")} late` : "";
  const until = pace.state === "paused" && pausedUntil ? ` until ${formatDay(pausedUntil)}` : "";
  return (
    <span className={`badge ${STYLES[pace.state]}`}>{PACE_STATE_LABELS[pace.state] + late + until}</span>
  );
}
