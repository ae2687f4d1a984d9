import { daysBetween, type CalendarDate } from "./dates";
import { TOO_SOON_DAYS, type Channel, type Direction, type Outcome } from "./pace";

/**
 * A touch as every day-based rule sees it. `localDate` is the calendar day it was logged on, in
 * the zone it was logged in (or the day the seeker picked for a backdated touch); it is stored
 * with the touch and never re-derived from `at` with today's zone, so moving to another zone (or
 * a daylight-saving change) never moves a touch to another day. `at` only orders the touches of
 * one day and tells whether a touch came after a hand-set date was set.
 */
export type DatedTouch = {
  at: Date;
  localDate: CalendarDate;
  channel: Channel;
  direction: Direction;
  outcome?: Outcome | null;
};

/** Outcomes that mean the contact responded, even on an outbound touch ("I called, we talked"). */
export const ANSWERED_OUTCOMES = ["conversation", "replied", "meeting_set", "referral", "rejected", "offer"] as const;

/**
 * True when the contact answered in this touch: an inbound touch, or an outbound one whose outcome
 * shows a two-way exchange. An answered touch ends a quiet run and resets "too soon" (a thank-you
 * the day after a call that reached the contact is not a nuisance).
 */
export function isAnswered(touch: Pick<DatedTouch, "direction" | "outcome">): boolean {
  if (touch.direction === "inbound") return true;
  return touch.outcome != null && (ANSWERED_OUTCOMES as readonly string[]).includes(touch.outcome);
}

/** Day first, then instant: the order of a lead's history (a new array; the input is left alone). */
export function chronological<T extends DatedTouch>(touches: readonly T[]): T[] {
  return [...touches].sort(compareTouches);
}

export function compareTouches(a: DatedTouch, b: DatedTouch): number {
  return a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : a.at.getTime() - b.at.getTime();
}

/** The latest touch of a history (any order), or null. */
export function latestOf<T extends DatedTouch>(touches: readonly T[]): T | null {
  let latest: T | null = null;
  for (const touch of touches) if (latest === null || compareTouches(touch, latest) > 0) latest = touch;
  return latest;
}

/**
 * Too soon: an outbound touch fewer than 3 calendar days (by local dates) after the previous
 * outbound touch, with no answer in between (an inbound touch, or the previous outbound touch
 * itself having reached the contact). `history` is the touches already logged, in any order,
 * without the candidate; those ordered before it (day, then instant) are "previous".
 * This is the warning shown before saving.
 */
export function isTooSoonAfter(history: readonly DatedTouch[], candidate: DatedTouch): boolean {
  if (candidate.direction !== "outbound") return false;
  const before = history.filter((touch) => compareTouches(touch, candidate) <= 0);
  return tooSoonAt(chronological([...before, candidate]), before.length);
}

/** Whether touch `index` of a chronological history was too soon. */
function tooSoonAt(history: readonly DatedTouch[], index: number): boolean {
  const touch = history[index]!;
  if (touch.direction !== "outbound") return false;
  for (let i = index - 1; i >= 0; i--) {
    const earlier = history[i]!;
    if (earlier.direction === "inbound") return false;
    // The previous outbound touch: too soon unless it reached the contact.
    if (isAnswered(earlier)) return false;
    return daysBetween(earlier.localDate, touch.localDate) < TOO_SOON_DAYS;
  }
  return false;
}

/**
 * The too-soon flag of every touch of one lead, judged on the whole history as it stands: a
 * backdated or edited touch re-judges every later one. Returned in the order given; touches at the
 * same instant are judged in the order given (the database gives them in the order logged).
 */
export function tooSoonFlags(touches: readonly DatedTouch[]): boolean[] {
  const order = touches.map((_, index) => index).sort((a, b) => compareTouches(touches[a]!, touches[b]!));
  const sorted = order.map((index) => touches[index]!);
  const flags = new Array<boolean>(touches.length).fill(false);
  order.forEach((original, position) => {
    flags[original] = tooSoonAt(sorted, position);
  });
  return flags;
}

/** The touches that count for goals and the day's work: every touch that was not too soon. */
export function countedTouches<T extends DatedTouch>(touches: readonly T[]): T[] {
  const flags = tooSoonFlags(touches);
  return touches.filter((_, index) => !flags[index]);
}

/** Each lead's touches, in the order given: one pass, whatever the number of touches. */
export function touchesByLead<T extends { leadId: string }>(touches: readonly T[]): Map<string, T[]> {
  const byLead = new Map<string, T[]>();
  for (const touch of touches) {
    const list = byLead.get(touch.leadId);
    if (list) list.push(touch);
    else byLead.set(touch.leadId, [touch]);
  }
  return byLead;
}
