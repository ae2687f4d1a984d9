import type { PaceState } from "@/lib/domain";

/** Channel, direction and outcome names are shared with Today: see lib/today/labels. */
export const PACE_STATE_LABELS: Record<PaceState, string> = {
  due_today: "Due today",
  overdue: "Overdue",
  cold: "Cold",
  upcoming: "Upcoming",
  unplanned: "Not planned",
  paused: "Paused",
  closed: "Closed",
};

export { CHANNEL_LABELS, DIRECTION_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";
