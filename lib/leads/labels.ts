import type { DueReason, PaceState } from "@/lib/domain";

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

/** Why the lead is due on its next-due date, after the date on the lead's page ("Tue 4 Mar (reply owed)"). */
export const DUE_REASON_NOTES: Record<DueReason, string> = {
  first_contact: " (first contact)",
  hand_set: " (set by hand)",
  returned: " (back from pause)",
  thank_you: " (thank-you)",
  reply_owed: " (reply owed)",
  follow_up: "",
};

export { CHANNEL_LABELS, DIRECTION_LABELS, OUTCOME_LABELS } from "@/lib/today/labels";
