import { addDays, daysBetween, nextContactDayAfter, todayIn, type CalendarDate } from "./dates";
import { COLD_AFTER_DAYS, type LeadFacts, type PaceState } from "./pace";
import { latestOf, type DatedTouch } from "./touch";

/**
 * What the pace of one lead depends on: the facts of `LeadFacts` (cadence, planned day, hand-set
 * date and when it was set, pause, closing), with touches that carry their stored local date.
 * `pausedUntil` is kept once the pause is over: it is then the return day, on which the lead is due
 * whatever its old dates say, until a touch is logged on or after it.
 */
export type PaceLead = LeadFacts & { touches: readonly DatedTouch[] };

/** The seeker's clock, zone and contact days (weekdays 0 = Sunday … 6 = Saturday). */
export type PaceClock = { now: Date; timeZone: string; contactDays: readonly number[] };

/**
 * Why a lead is due on its next-due date:
 * - first_contact: never contacted, on its planned day;
 * - hand_set: a date the seeker set;
 * - returned: the day its pause ended;
 * - thank_you: the last touch was a conversation or set a meeting: thanks on the next contact day;
 * - reply_owed: the last touch is inbound with no answer yet: due the day it came;
 * - follow_up: last touch + cadence.
 */
export const DUE_REASONS = ["first_contact", "hand_set", "returned", "thank_you", "reply_owed", "follow_up"] as const;
export type DueReason = (typeof DUE_REASONS)[number];

export type LeadPace = {
  /** Exactly one state per lead (see PACE_STATES). */
  state: PaceState;
  /** Null when closed, paused or unplanned. */
  nextDue: CalendarDate | null;
  /** Null exactly when nextDue is. */
  reason: DueReason | null;
  /** Days since next due when overdue or cold, 0 otherwise. */
  daysOverdue: number;
  /** The latest touch (day, then instant), either direction. */
  lastTouch: DatedTouch | null;
  /** True while the lead has no touch: the next touch is the first contact. */
  firstContact: boolean;
};

function overrideInForce(lead: LeadFacts, touches: readonly DatedTouch[], last: DatedTouch | null): boolean {
  if (lead.nextDueOverride === null) return false;
  if (last === null) return true;
  const setAt = lead.nextDueOverrideSetAt ?? null;
  return setAt !== null && touches.every((touch) => touch.at.getTime() < setAt.getTime());
}

function nextDueOf(
  lead: LeadFacts,
  touches: readonly DatedTouch[],
  last: DatedTouch | null,
  contactDays: readonly number[],
): { nextDue: CalendarDate; reason: DueReason } | null {
  if (overrideInForce(lead, touches, last)) return { nextDue: lead.nextDueOverride!, reason: "hand_set" };
  const returnDay = lead.pausedUntil;
  if (returnDay !== null && !touches.some((touch) => touch.localDate >= returnDay)) {
    return { nextDue: returnDay, reason: "returned" };
  }
  if (last === null) {
    return lead.plannedFirstContact === null ? null : { nextDue: lead.plannedFirstContact, reason: "first_contact" };
  }
  if (last.outcome === "conversation" || last.outcome === "meeting_set") {
    return { nextDue: nextContactDayAfter(last.localDate, contactDays), reason: "thank_you" };
  }
  if (last.direction === "inbound") return { nextDue: last.localDate, reason: "reply_owed" };
  return { nextDue: addDays(last.localDate, lead.cadenceDays), reason: "follow_up" };
}

/**
 * The pace of one lead today (in the seeker's zone), decided in this order: closed; paused (until
 * a day after today); a hand-set date; the return day of a pause with no touch since; the planned
 * first-contact day; a thank-you; a reply owed; last touch + cadence. Then due today, upcoming,
 * overdue (1 to 7 days late) or cold (more than 7).
 */
export function leadPace(lead: PaceLead, clock: PaceClock): LeadPace {
  return paceOf(lead, lead.touches, clock);
}

/**
 * leadPace with the touches apart from the lead's facts: a page pacing every lead (and the day's
 * work, every lead again as it stood at the start of the day) need not copy each lead to attach
 * its touches. Each result is written out whole, not spread: this runs for every lead of a page.
 */
export function paceOf(lead: LeadFacts, touches: readonly DatedTouch[], { now, timeZone, contactDays }: PaceClock): LeadPace {
  if (!Number.isInteger(lead.cadenceDays) || lead.cadenceDays < 1) {
    throw new RangeError(`cadenceDays must be a whole number ≥ 1, got ${lead.cadenceDays}`);
  }
  const today = todayIn(now, timeZone);
  const lastTouch = latestOf(touches);
  const firstContact = lastTouch === null;
  const none = (state: PaceState): LeadPace => ({ state, nextDue: null, reason: null, daysOverdue: 0, lastTouch, firstContact });

  if (lead.closedAt !== null) return none("closed");
  if (lead.pausedUntil !== null && lead.pausedUntil > today) return none("paused");

  const due = nextDueOf(lead, touches, lastTouch, contactDays);
  if (due === null) return none("unplanned");

  const late = daysBetween(due.nextDue, today);
  const state: PaceState = late < 0 ? "upcoming" : late === 0 ? "due_today" : late > COLD_AFTER_DAYS ? "cold" : "overdue";
  return { state, nextDue: due.nextDue, reason: due.reason, daysOverdue: late > 0 ? late : 0, lastTouch, firstContact };
}

/** Whether a pace asks for a touch today: due today or overdue (cold leads are listed apart). */
export function needsTouchToday(pace: Pick<LeadPace, "state">): boolean {
  return pace.state === "due_today" || pace.state === "overdue";
}

export type OnPace = { onPace: number; active: number; share: number | null };

/**
 * On pace: of the active contacted leads (touched at least once, not paused, not closed), those
 * neither overdue nor cold. `share` is null when there is no such lead.
 */
export function onPaceShare(paces: readonly Pick<LeadPace, "state" | "firstContact">[]): OnPace {
  const active = paces.filter(
    (pace) => !pace.firstContact && pace.state !== "paused" && pace.state !== "closed",
  );
  const onPace = active.filter((pace) => pace.state !== "overdue" && pace.state !== "cold").length;
  return { onPace, active: active.length, share: active.length === 0 ? null : onPace / active.length };
}
