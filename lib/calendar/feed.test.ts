import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { addDays, dateOf, daysBetween, leadPace, OUTCOMES, todayIn, type CalendarDate, type Channel, type Direction, type Outcome } from "@/lib/domain";
import { FEED_DAYS, feedCalendarText, feedEvents, feedEventUid, type FeedLead, type FeedTouch } from "./feed";

const TODAY_URL = "https://cadence.test/today";
/** Monday to Friday: the default contact days. */
const contactDays = [1, 2, 3, 4, 5];
const ZONES = ["Europe/Paris", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "UTC"];

function lead(id: string, facts: Partial<FeedLead> = {}): FeedLead {
  return {
    id,
    company: `Company ${id}`,
    contactName: `Person ${id}`,
    phone: "+1 202 555 0100",
    email: `person-${id}@example.com`,
    linkedinUrl: null,
    cadenceDays: 7,
    plannedFirstContact: null,
    nextDueOverride: null,
    nextDueOverrideSetAt: null,
    pausedUntil: null,
    closedAt: null,
    ...facts,
  };
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** An instant anywhere in 2024–2026, and a zone: "today" differs from UTC's near midnight. */
const instant = fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2026-12-31T23:59:59Z"), noInvalidDate: true });
const zone = fc.constantFrom(...ZONES);

/** Leads around today: planned days and overrides from 20 days back to 20 ahead, some touched, paused or closed. */
function leadsAround(today: CalendarDate, now: Date, timeZone: string) {
  const offset = fc.integer({ min: -20, max: 20 });
  const oneLead = fc.record({
    planned: fc.option(offset),
    override: fc.option(offset),
    touchedDaysAgo: fc.option(fc.integer({ min: 0, max: 30 })),
    channel: fc.constantFrom<Channel>("phone", "email", "linkedin"),
    direction: fc.constantFrom<Direction>("outbound", "inbound"),
    outcome: fc.option(fc.constantFrom<Outcome>(...OUTCOMES)),
    cadenceDays: fc.integer({ min: 1, max: 21 }),
    pausedFor: fc.option(fc.integer({ min: -3, max: 10 }), { freq: 4 }),
    closed: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  });
  return fc.array(oneLead, { maxLength: 12 }).map((specs) => {
    const leads: FeedLead[] = [];
    const touches: FeedTouch[] = [];
    specs.forEach((spec, index) => {
      const id = uuid(index);
      leads.push(
        lead(id, {
          cadenceDays: spec.cadenceDays,
          plannedFirstContact: spec.planned === null ? null : addDays(today, spec.planned),
          nextDueOverride: spec.override === null ? null : addDays(today, spec.override),
          nextDueOverrideSetAt: spec.override === null ? null : now,
          pausedUntil: spec.pausedFor === null ? null : addDays(today, spec.pausedFor),
          closedAt: spec.closed ? now : null,
        }),
      );
      if (spec.touchedDaysAgo !== null) {
        const at = new Date(now.getTime() - spec.touchedDaysAgo * 86_400_000 - 1000);
        touches.push({ leadId: id, at, localDate: dateOf(at, timeZone), channel: spec.channel, direction: spec.direction, outcome: spec.outcome });
      }
    });
    return { leads, touches };
  });
}

const scenario = fc
  .tuple(instant, zone)
  .chain(([now, timeZone]) => leadsAround(todayIn(now, timeZone), now, timeZone).map((data) => ({ now, timeZone, ...data })));

describe("feedEvents", () => {
  it("puts each lead's next touch of the next 14 days (in the seeker's zone) on its day, late ones on today, nothing else", () => {
    fc.assert(
      fc.property(scenario, ({ now, timeZone, leads, touches }) => {
        const events = feedEvents({ contactDays, leads, touches, now, timeZone, todayUrl: TODAY_URL });
        const today = todayIn(now, timeZone);
        const byLead = new Map(events.map((event) => [event.leadId, event]));
        expect(byLead.size, "one event per lead at most").toBe(events.length);
        for (const one of leads) {
          const pace = leadPace({ ...one, touches: touches.filter((t) => t.leadId === one.id) }, { now, timeZone, contactDays });
          const event = byLead.get(one.id);
          const ahead = pace.nextDue === null ? null : daysBetween(today, pace.nextDue);
          if (ahead === null || ahead >= FEED_DAYS) {
            expect(event, `no event for ${one.id}`).toBeUndefined();
            continue;
          }
          expect(event, `an event for ${one.id}`).toBeDefined();
          expect(event!.date).toBe(ahead < 0 ? today : pace.nextDue);
          expect(event!.dueBefore).toBe(ahead < 0 ? pace.nextDue : null);
          expect(event!.kind).toBe(pace.firstContact ? "first_contact" : "follow_up");
          expect(event!.uid).toBe(feedEventUid(one.id, event!.date));
        }
        for (const event of events) {
          const offset = daysBetween(today, event.date);
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThan(FEED_DAYS);
        }
        expect(events.map((event) => event.date)).toEqual(events.map((event) => event.date).sort());
      }),
      { numRuns: 300 },
    );
  });

  it("keeps each event's UID while its lead's day stays the same, whatever the hour of the request", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 20 * 3600 }), ({ now, timeZone, leads, touches }, laterSeconds) => {
        const later = new Date(now.getTime() + laterSeconds * 1000);
        const first = feedEvents({ contactDays, leads, touches, now, timeZone, todayUrl: TODAY_URL });
        const second = feedEvents({ contactDays, leads, touches, now: later, timeZone, todayUrl: TODAY_URL });
        const uidOf = (events: typeof first) => new Map(events.map((event) => [`${event.leadId} ${event.date}`, event.uid]));
        const again = uidOf(second);
        for (const [key, uid] of uidOf(first)) if (again.has(key)) expect(again.get(key)).toBe(uid);
        // The same request twice: the same events.
        expect(feedEvents({ contactDays, leads, touches, now, timeZone, todayUrl: TODAY_URL })).toEqual(first);
        // Distinct within a feed.
        expect(new Set(first.map((event) => event.uid)).size).toBe(first.length);
      }),
      { numRuns: 200 },
    );
  });

  it("counts the 14 days in the seeker's zone: the 14th day is in, the 15th out, on both sides of midnight", () => {
    // 23:30 on Monday 3 March in Paris; already 12:30 on Tuesday 4 March in Kiritimati (UTC+14).
    const now = new Date("2025-03-03T22:30:00Z");
    const leads = [
      lead(uuid(1), { plannedFirstContact: "2025-03-16" }), // Paris: 13 days ahead, the last day in
      lead(uuid(2), { plannedFirstContact: "2025-03-17" }), // Paris: the 15th day, out
      lead(uuid(3), { plannedFirstContact: "2025-03-03" }), // Paris: today
    ];
    const inParis = feedEvents({ contactDays, leads, touches: [], now, timeZone: "Europe/Paris", todayUrl: TODAY_URL });
    expect(inParis.map((event) => [event.leadId, event.date])).toEqual([
      [uuid(3), "2025-03-03"],
      [uuid(1), "2025-03-16"],
    ]);
    // In Kiritimati (UTC+14) it is already 4 March: the 17th is the 14th day, and the 3rd is late, so on today.
    const inKiritimati = feedEvents({ contactDays, leads, touches: [], now, timeZone: "Pacific/Kiritimati", todayUrl: TODAY_URL });
    expect(inKiritimati.map((event) => [event.leadId, event.date, event.dueBefore])).toEqual([
      [uuid(3), "2025-03-04", "2025-03-03"],
      [uuid(1), "2025-03-16", null],
      [uuid(2), "2025-03-17", null],
    ]);
  });

  it("names the company and the person, and says the channel and where to log it", () => {
    const now = new Date("2025-03-05T09:00:00Z");
    const touches: FeedTouch[] = [
      { leadId: uuid(1), at: new Date("2025-03-01T09:00:00Z"), localDate: "2025-03-01", channel: "email", direction: "outbound" },
      { leadId: uuid(1), at: new Date("2025-02-26T09:00:00Z"), localDate: "2025-02-26", channel: "email", direction: "outbound" },
    ];
    const events = feedEvents({
      contactDays,
      leads: [
        lead(uuid(1), { company: "Acme", contactName: "Jane Doe", cadenceDays: 5 }),
        lead(uuid(2), { company: "Beta", contactName: " ", plannedFirstContact: "2025-03-01" }),
      ],
      touches,
      now,
      timeZone: "Europe/Paris",
      todayUrl: TODAY_URL,
    });
    expect(events).toMatchObject([
      {
        leadId: uuid(2),
        date: "2025-03-05",
        title: "First contact: Beta",
        description: `Suggested channel: Phone\nFirst contact was planned for Sat 1 Mar (4 days ago).\nLog it on Today: ${TODAY_URL}`,
      },
      {
        leadId: uuid(1),
        date: "2025-03-06",
        title: "Follow up: Acme (Jane Doe)",
        // Two e-mails in a row: the phone.
        description: `Suggested channel: Phone\nLog it on Today: ${TODAY_URL}`,
      },
    ]);
  });
});

describe("feedEvents and the rules of Today", () => {
  it("puts a thank-you on the next contact day, and on today once it is late (as Today lists it)", () => {
    // A meeting set on Monday 23 November: thanks due Tuesday 24; on Saturday 28 it is late.
    const touches: FeedTouch[] = [
      { leadId: uuid(1), at: new Date("2026-11-23T15:00:00Z"), localDate: "2026-11-23", channel: "phone", direction: "outbound", outcome: "meeting_set" },
    ];
    const on = (iso: string) => feedEvents({ contactDays, leads: [lead(uuid(1))], touches, now: new Date(iso), timeZone: "UTC", todayUrl: TODAY_URL });
    expect(on("2026-11-23T18:00:00Z").map((event) => [event.date, event.dueBefore])).toEqual([["2026-11-24", null]]);
    expect(on("2026-11-28T09:00:00Z").map((event) => [event.date, event.dueBefore])).toEqual([["2026-11-28", "2026-11-24"]]);
  });

  it("puts a lead back from a pause on its return day, and late from there (not from its old dates)", () => {
    const touches: FeedTouch[] = [{ leadId: uuid(1), at: new Date("2026-01-01T10:00:00Z"), localDate: "2026-01-01", channel: "email", direction: "outbound" }];
    const on = (iso: string) =>
      feedEvents({ contactDays, leads: [lead(uuid(1), { pausedUntil: "2026-02-01" })], touches, now: new Date(iso), timeZone: "UTC", todayUrl: TODAY_URL });
    expect(on("2026-01-25T10:00:00Z"), "still paused").toEqual([]);
    expect(on("2026-02-01T10:00:00Z").map((event) => [event.date, event.dueBefore])).toEqual([["2026-02-01", null]]);
    expect(on("2026-02-03T10:00:00Z").map((event) => [event.date, event.dueBefore])).toEqual([["2026-02-03", "2026-02-01"]]);
  });
});

describe("feedCalendarText", () => {
  it("writes events an independent parser (ical.js) reads back as the same all-day events", () => {
    fc.assert(
      fc.property(scenario, ({ now, timeZone, leads, touches }) => {
        const named = leads.map((one, index) => ({ ...one, company: `Acme, Inc; "${index}"\\ \n<b>` }));
        const events = feedEvents({ contactDays, leads: named, touches, now, timeZone, todayUrl: TODAY_URL });
        const text = feedCalendarText({ events, today: todayIn(now, timeZone), todayUrl: TODAY_URL });
        const calendar = new ICAL.Component(ICAL.parse(text));
        const parsed = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
        expect(parsed.map((event) => event.uid)).toEqual(events.map((event) => event.uid));
        parsed.forEach((event, index) => {
          const expected = events[index]!;
          expect(event.startDate.isDate).toBe(true);
          expect(event.startDate.toString()).toBe(expected.date);
          expect(event.endDate.toString()).toBe(addDays(expected.date, 1));
          expect(event.summary).toBe(expected.title);
          expect(event.description).toBe(expected.description);
        });
        expect(calendar.getFirstPropertyValue("refresh-interval")?.toString()).toBe("PT1H");
      }),
      { numRuns: 100 },
    );
  });

  it("gives the same text all day for the same events", () => {
    const events = feedEvents({ contactDays, leads: [lead(uuid(1), { plannedFirstContact: "2025-03-06" })], touches: [], now: new Date("2025-03-05T01:00:00Z"), timeZone: "UTC", todayUrl: TODAY_URL });
    const morning = feedCalendarText({ events, today: "2025-03-05", todayUrl: TODAY_URL });
    expect(feedCalendarText({ events, today: "2025-03-05", todayUrl: TODAY_URL })).toBe(morning);
    expect(morning).toContain("DTSTAMP:20250305T000000Z");
  });
});
