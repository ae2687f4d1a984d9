import type { CalendarDate } from "./dates";

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

/** A lead's own facts that its pace reads (leadPace adds its touches: `PaceLead`). */
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
