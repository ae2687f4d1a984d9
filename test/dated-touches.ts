import fc from "fast-check";
import { TZDate } from "@date-fns/tz";
import {
  addDays,
  CHANNELS,
  dateOf,
  DIRECTIONS,
  OUTCOMES,
  type CalendarDate,
  type Channel,
  type DatedTouch,
  type Direction,
  type Outcome,
} from "@/lib/domain";

/** The instant of a wall-clock time on a calendar date in a zone. */
export function local(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, hour, minute, timeZone);
}

/** A touch logged on `localDate` at `hour` (in `timeZone`, UTC by default). */
export function dated(
  localDate: CalendarDate,
  facts: { channel?: Channel; direction?: Direction; outcome?: Outcome | null; hour?: number; timeZone?: string } = {},
): DatedTouch {
  return {
    at: local(localDate, facts.hour ?? 10, 0, facts.timeZone ?? "UTC"),
    localDate,
    channel: facts.channel ?? "email",
    direction: facts.direction ?? "outbound",
    outcome: facts.outcome ?? null,
  };
}

/** Zones and moments around their daylight-saving changes (and one without any). */
export const DST_MOMENTS = [
  { timeZone: "America/New_York", now: new Date("2026-03-08T07:30:00Z") },
  { timeZone: "America/New_York", now: new Date("2025-11-02T05:30:00Z") },
  { timeZone: "Europe/London", now: new Date("2026-03-29T00:30:00Z") },
  { timeZone: "Europe/London", now: new Date("2025-10-26T00:30:00Z") },
  { timeZone: "Pacific/Auckland", now: new Date("2026-04-04T13:30:00Z") },
  { timeZone: "Asia/Kolkata", now: new Date("2026-03-02T18:29:00Z") },
] as const;

/** A seeker's clock: one of the DST moments, moved by up to ±3 days and a few hours. */
export const arbitraryClock = fc
  .record({
    moment: fc.constantFrom(...DST_MOMENTS),
    shiftMinutes: fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
  })
  .map(({ moment, shiftMinutes }) => ({
    timeZone: moment.timeZone,
    now: new Date(moment.now.getTime() + shiftMinutes * 60_000),
  }));

/**
 * A touch within ±20 days of `now`, logged in the seeker's zone (or, now and then, another zone:
 * its local date is then that zone's, as stored).
 */
export function arbitraryTouch(now: Date, timeZone: string): fc.Arbitrary<DatedTouch> {
  return fc
    .record({
      minutes: fc.integer({ min: -20 * 24 * 60, max: 20 * 24 * 60 }),
      loggedIn: fc.constantFrom(timeZone, timeZone, timeZone, "Asia/Tokyo", "America/Los_Angeles"),
      channel: fc.constantFrom(...CHANNELS),
      direction: fc.constantFrom(...DIRECTIONS),
      outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: null }),
    })
    .map(({ minutes, loggedIn, channel, direction, outcome }) => {
      const at = new Date(now.getTime() + minutes * 60_000);
      return { at, localDate: dateOf(at, loggedIn), channel, direction, outcome };
    });
}

/** Past touches only (before `now`): what a seeker can have logged. */
export function arbitraryPastTouch(now: Date, timeZone: string): fc.Arbitrary<DatedTouch> {
  return arbitraryTouch(now, timeZone).filter(
    (touch) => touch.at.getTime() <= now.getTime() && touch.localDate <= dateOf(now, timeZone),
  );
}

/** A calendar date within ±20 days of `today`. */
export function arbitraryDateNear(today: CalendarDate, span = 20): fc.Arbitrary<CalendarDate> {
  return fc.integer({ min: -span, max: span }).map((days) => addDays(today, days));
}

/** Contact days: a non-empty set of weekdays. */
export const arbitraryContactDays = fc.oneof(
  fc.constant([1, 2, 3, 4, 5]),
  fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
);

/** A lead's pacing facts with nothing set: cadence 7, no plan, no hand-set date, not paused, open. */
export function leadFacts() {
  return {
    cadenceDays: 7,
    plannedFirstContact: null,
    nextDueOverride: null,
    nextDueOverrideSetAt: null,
    pausedUntil: null,
    closedAt: null,
  };
}
