import { addDays, dateOf, daysBetween, todayIn, type CalendarDate } from "./dates";

export const CHANNELS = ["phone", "email", "linkedin", "in_person", "letter", "other"] as const;
export type Channel = (typeof CHANNELS)[number];

/** outbound: the seeker reached out; inbound: the contact reached the seeker or replied. */
export const DIRECTIONS = ["outbound", "inbound"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const OUTCOMES = [
  "no_answer",
  "left_message",
  "conversation",
  "replied",
  "meeting_set",
  "referral",
  "rejected",
  "offer",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** How a closed lead ended. */
export const CLOSED_AS = ["won", "dropped"] as const;
export type ClosedAs = (typeof CLOSED_AS)[number];

/** The part of a logged touch that pace, channel and goal rules look at. */
export type TouchFact = { at: Date; channel: Channel; direction: Direction };

/** A new lead's follow-up interval (the column default in db/schema.ts). */
export const DEFAULT_CADENCE_DAYS = 7;

/** Next due passed by more than this many days: the follow-up was missed for over a week. */
export const COLD_AFTER_DAYS = 7;

/** An outbound touch fewer than this many calendar days after the previous outbound one is too soon. */
export const TOO_SOON_DAYS = 3;

export type LeadFacts = {
  /** Follow-up interval in days, a whole number ≥ 1. */
  cadenceDays: number;
  plannedFirstContact: CalendarDate | null;
  /** Next due set by hand ("call back on 3 March"); holds until the next touch. */
  nextDueOverride: CalendarDate | null;
  /**
   * When the override was set. A touch at or after this instant cancels the override.
   * Unknown (null/absent) is read as "set before every touch": the override then holds only
   * while the lead has no touch at all, so a stale override can never keep a touched lead
   * overdue or cold. Record it whenever an override is set on a contacted lead.
   */
  nextDueOverrideSetAt?: Date | null;
  /** Snoozed until this date; from that date on the lead is back. */
  pausedUntil: CalendarDate | null;
  closedAt: Date | null;
  /** In any order, both directions. */
  touches: TouchFact[];
};

/**
 * Exactly one per lead, decided in this order:
 * - closed: closed leads are never due, overdue or cold;
 * - paused: snoozed until a date after today;
 * - unplanned: never touched, no planned first-contact day and no hand-set date, so no next due;
 * - due_today / upcoming: next due is today / later;
 * - overdue: next due passed 1 to 7 days ago; cold: more than 7 days ago.
 * A never-contacted lead with a planned day is not a state of its own: it is due_today, upcoming,
 * overdue or cold like any other, and `firstContact` tells the two kinds apart.
 */
export const PACE_STATES = [
  "closed",
  "paused",
  "unplanned",
  "due_today",
  "upcoming",
  "overdue",
  "cold",
] as const;
export type PaceState = (typeof PACE_STATES)[number];

export type Pace = {
  state: PaceState;
  /** Null when closed, paused or unplanned: such a lead is not due on any day. */
  nextDue: CalendarDate | null;
  /** Days since next due for overdue and cold leads, 0 otherwise. */
  daysOverdue: number;
  /** Latest touch in either direction, null if none. */
  lastTouchAt: Date | null;
  /** True while the lead has no touch: the next touch will be the first contact. */
  firstContact: boolean;
};

function latestTouch<T extends { at: Date }>(touches: readonly T[]): T | null {
  let latest: T | null = null;
  for (const touch of touches) {
    if (latest === null || touch.at.getTime() > latest.at.getTime()) latest = touch;
  }
  return latest;
}

function overrideInForce(lead: LeadFacts, lastTouchAt: Date | null): boolean {
  if (lead.nextDueOverride === null) return false;
  if (lastTouchAt === null) return true;
  const setAt = lead.nextDueOverrideSetAt ?? null;
  return setAt !== null && lastTouchAt.getTime() < setAt.getTime();
}

function nextDueOf(lead: LeadFacts, lastTouchAt: Date | null, timeZone: string): CalendarDate | null {
  if (overrideInForce(lead, lastTouchAt)) return lead.nextDueOverride;
  if (lastTouchAt === null) return lead.plannedFirstContact;
  return addDays(dateOf(lastTouchAt, timeZone), lead.cadenceDays);
}

/**
 * The pace of one lead at `now`, with every date taken in the seeker's `timeZone` (IANA).
 * @deprecated Use `leadPace(lead, { now, timeZone, contactDays })` (lead-pace.ts): touches carry
 * their stored local date, a pause's return day makes the lead due, a reply owed and a thank-you
 * make it due, and it says why (`reason`).
 */
export function computePace(lead: LeadFacts, now: Date, timeZone: string): Pace {
  if (!Number.isInteger(lead.cadenceDays) || lead.cadenceDays < 1) {
    throw new RangeError(`cadenceDays must be a whole number ≥ 1, got ${lead.cadenceDays}`);
  }
  const lastTouchAt = latestTouch(lead.touches)?.at ?? null;
  const facts = { lastTouchAt, firstContact: lastTouchAt === null };
  const today = todayIn(now, timeZone);

  if (lead.closedAt !== null) return { state: "closed", nextDue: null, daysOverdue: 0, ...facts };
  // A pause ending today or earlier is over; the lead is then paced as if it had never paused.
  if (lead.pausedUntil !== null && daysBetween(today, lead.pausedUntil) > 0) {
    return { state: "paused", nextDue: null, daysOverdue: 0, ...facts };
  }

  const nextDue = nextDueOf(lead, lastTouchAt, timeZone);
  if (nextDue === null) return { state: "unplanned", nextDue: null, daysOverdue: 0, ...facts };

  const late = daysBetween(nextDue, today);
  if (late < 0) return { state: "upcoming", nextDue, daysOverdue: 0, ...facts };
  if (late === 0) return { state: "due_today", nextDue, daysOverdue: 0, ...facts };
  return { state: late > COLD_AFTER_DAYS ? "cold" : "overdue", nextDue, daysOverdue: late, ...facts };
}

/**
 * Whether saving `candidate` would be too soon: it is outbound and falls fewer than 3 calendar
 * days (in the seeker's zone) after the previous outbound touch, with no inbound touch between.
 * Calendar days, like every other pace rule: Monday then Thursday is fine at any hours,
 * Monday then Wednesday is too soon. `history` holds the touches already logged (any order,
 * without the candidate); those at the candidate's instant count as before it.
 * @deprecated Use `isTooSoonAfter(history, candidate)` (touch.ts): local dates, and an answered
 * outbound touch (a conversation, a reply…) resets it like an inbound one.
 */
export function isTooSoon(history: readonly TouchFact[], candidate: TouchFact, timeZone: string): boolean {
  if (candidate.direction !== "outbound") return false;
  const earlier = history.filter((touch) => touch.at.getTime() <= candidate.at.getTime());
  const previousOutbound = latestTouch(earlier.filter((touch) => touch.direction === "outbound"));
  if (previousOutbound === null) return false;
  const inboundBetween = earlier.some(
    (touch) => touch.direction === "inbound" && touch.at.getTime() > previousOutbound.at.getTime(),
  );
  if (inboundBetween) return false;
  return daysBetween(dateOf(previousOutbound.at, timeZone), dateOf(candidate.at, timeZone)) < TOO_SOON_DAYS;
}

/**
 * How many of one lead's touches (any order) were too soon when they were logged.
 * @deprecated Use `tooSoonFlags(touches)` (touch.ts), which judges the whole history by local dates.
 */
export function countTooSoon(touches: readonly TouchFact[], timeZone: string): number {
  const chronological = [...touches].sort((a, b) => a.at.getTime() - b.at.getTime());
  const tooSoon = chronological.filter((touch, index) =>
    isTooSoon(chronological.slice(0, index), touch, timeZone),
  );
  return tooSoon.length;
}
