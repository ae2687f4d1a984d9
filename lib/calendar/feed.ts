import ical from "ical-generator";
import {
  addDays,
  daysBetween,
  leadPace,
  suggestChannelFor,
  todayIn,
  touchesByLead,
  type CalendarDate,
  type ContactDetails,
  type DatedTouch,
  type PaceLead,
  type SuggestibleChannel,
} from "@/lib/domain";
import { formatDay, plural } from "@/lib/format";
import { CHANNEL_LABELS } from "@/lib/today/labels";

/** The feed covers today and the 13 days after it, in the seeker's zone. */
export const FEED_DAYS = 14;

/** How often calendar apps are asked to fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL, max-age). */
export const FEED_REFRESH_SECONDS = 60 * 60;

/** What the feed needs of a lead: its pace facts, its contact details, and the company and person it names. */
export type FeedLead = Omit<PaceLead, "touches"> & ContactDetails & { id: string; company: string; contactName: string };

/** A touch of one of the leads; a lead's latest touch and its last three outbound ones suffice (as on Today). */
export type FeedTouch = DatedTouch & { leadId: string };

export type FeedEvent = {
  /** The same lead on the same day keeps its UID, so calendar apps update the event instead of adding one. */
  uid: string;
  /** The all-day event's day. */
  date: CalendarDate;
  leadId: string;
  kind: "first_contact" | "follow_up";
  /** The day it was due, when that is before today: late work sits on today until it is done. */
  dueBefore: CalendarDate | null;
  /** Null when the lead has no phone, e-mail or LinkedIn to suggest. */
  suggestedChannel: SuggestibleChannel | null;
  title: string;
  description: string;
};

/** An event's UID: stable per lead and day. */
export function feedEventUid(leadId: string, date: CalendarDate): string {
  return `${date}-${leadId}@cadence`;
}

/**
 * The feed's events: one all-day event per lead whose next touch (a follow-up, or a planned first
 * contact) falls in the next FEED_DAYS days in the seeker's zone, in date order and then list order.
 * The pace rules decide the day (leadPace, as on Today: thank-yous, replies owed, returns from a
 * pause); work already late (overdue or cold on Today) is put on today, where Today shows it too. Closed, paused and unplanned leads
 * have no next day, so no event. `leads` come in list order.
 */
export function feedEvents({
  leads,
  touches,
  contactDays,
  now,
  timeZone,
  todayUrl,
}: {
  leads: readonly FeedLead[];
  touches: readonly FeedTouch[];
  /** The seeker's contact days (0 = Sunday … 6 = Saturday): a thank-you falls on the next one. */
  contactDays: readonly number[];
  now: Date;
  timeZone: string;
  /** The absolute address of the Today screen, for each event's description. */
  todayUrl: string;
}): FeedEvent[] {
  const today = todayIn(now, timeZone);
  const lastDay = addDays(today, FEED_DAYS - 1);
  const byLead = touchesByLead(touches);
  const events: FeedEvent[] = [];
  for (const lead of leads) {
    const leadTouches = byLead.get(lead.id) ?? [];
    const pace = leadPace({ ...lead, touches: leadTouches }, { now, timeZone, contactDays });
    if (pace.nextDue === null || daysBetween(pace.nextDue, lastDay) < 0) continue;
    const late = daysBetween(pace.nextDue, today) > 0;
    const date = late ? today : pace.nextDue;
    const kind = pace.firstContact ? "first_contact" : "follow_up";
    const suggestedChannel = suggestChannelFor(leadTouches, lead);
    events.push({
      uid: feedEventUid(lead.id, date),
      date,
      leadId: lead.id,
      kind,
      dueBefore: late ? pace.nextDue : null,
      suggestedChannel,
      title: eventTitle(lead, kind),
      description: eventDescription({ kind, dueBefore: late ? pace.nextDue : null, today, suggestedChannel, todayUrl }),
    });
  }
  // Array#sort is stable: within a day, the list order stays.
  return events.sort((a, b) => daysBetween(b.date, a.date));
}

function eventTitle(lead: FeedLead, kind: FeedEvent["kind"]): string {
  const what = kind === "first_contact" ? "First contact" : "Follow up";
  const person = lead.contactName.trim();
  return `${what}: ${lead.company}${person ? ` (${person})` : ""}`;
}

function eventDescription({
  kind,
  dueBefore,
  today,
  suggestedChannel,
  todayUrl,
}: {
  kind: FeedEvent["kind"];
  dueBefore: CalendarDate | null;
  today: CalendarDate;
  suggestedChannel: SuggestibleChannel | null;
  todayUrl: string;
}): string {
  const lines = suggestedChannel ? [`Suggested channel: ${CHANNEL_LABELS[suggestedChannel]}`] : [];
  if (dueBefore) {
    const what = kind === "first_contact" ? "First contact was planned for" : "Follow-up was due";
    lines.push(`${what} ${formatDay(dueBefore)} (${plural(daysBetween(dueBefore, today), "day")} ago).`);
  }
  lines.push(`Log it on Today: ${todayUrl}`);
  return lines.join("\n");
}

/**
 * The feed as iCalendar text. All-day events are plain dates (no time zone): the seeker's day is
 * already decided. DTSTAMP is the start of `today` (UTC), not the instant of the request, so the
 * same events give the same text all day and an unchanged feed can answer "304 Not Modified".
 */
export function feedCalendarText({
  events,
  today,
  todayUrl,
}: {
  events: readonly FeedEvent[];
  today: CalendarDate;
  todayUrl: string;
}): string {
  const calendar = ical({
    name: "Cadence: follow-ups",
    description: "Your follow-ups and planned first contacts of the next 14 days.",
    prodId: { company: "Cadence", product: "Cadence", language: "EN" },
    ttl: FEED_REFRESH_SECONDS,
  });
  const stamp = new Date(`${today}T00:00:00Z`);
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      allDay: true,
      // "YYYY-MM-DD" strings: with no calendar zone, ical-generator writes them as the same DATE.
      start: event.date,
      end: addDays(event.date, 1),
      stamp,
      summary: event.title,
      description: event.description,
      url: todayUrl,
    });
  }
  return calendar.toString();
}
