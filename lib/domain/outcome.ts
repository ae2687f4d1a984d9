import { addDays, nextContactDayAfter, type CalendarDate } from "./dates";
import type { DatedTouch } from "./touch";

/** How long the pause offered after a rejection lasts. */
export const REJECTED_PAUSE_DAYS = 90;

/**
 * What an outcome asks for next:
 * - conversation or meeting set: a thank-you (a short outbound touch) due on the next contact day;
 * - referral: add the person referred as a new lead, prefilled with where it came from;
 * - rejected: close the lead (dropped) or pause it for 90 days;
 * - offer: close it as won.
 */
export type OutcomeFollowUp =
  | { kind: "thank_you"; due: CalendarDate }
  | { kind: "add_referred_lead"; prefill: { company: string; notes: string } }
  | { kind: "close_or_pause"; closedAs: "dropped"; pauseUntil: CalendarDate }
  | { kind: "close_won"; closedAs: "won" };

/**
 * The follow-up the last touch's outcome asks for, or null when it asks for nothing beyond the
 * usual cadence. `today` dates the offered pause (it starts when the seeker takes it).
 */
export function outcomeFollowUp({
  lastTouch,
  lead,
  contactDays,
  today,
}: {
  lastTouch: Pick<DatedTouch, "localDate" | "outcome"> | null;
  /** Where a referral came from. */
  lead: { company: string; contactName: string };
  /** Weekdays 0 = Sunday … 6 = Saturday. */
  contactDays: readonly number[];
  today: CalendarDate;
}): OutcomeFollowUp | null {
  switch (lastTouch?.outcome) {
    case "conversation":
    case "meeting_set":
      return { kind: "thank_you", due: nextContactDayAfter(lastTouch.localDate, contactDays) };
    case "referral": {
      const who = lead.contactName.trim() === "" ? lead.company : `${lead.contactName.trim()} (${lead.company})`;
      return {
        kind: "add_referred_lead",
        prefill: { company: "", notes: `Referred by ${who} on ${lastTouch.localDate}.` },
      };
    }
    case "rejected":
      return { kind: "close_or_pause", closedAs: "dropped", pauseUntil: addDays(today, REJECTED_PAUSE_DAYS) };
    case "offer":
      return { kind: "close_won", closedAs: "won" };
    default:
      return null;
  }
}
