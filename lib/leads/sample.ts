import { TZDate } from "@date-fns/tz";
import { addDays, todayIn, weekdayOf, type CalendarDate, type Channel, type Direction, type Outcome } from "@/lib/domain";
import type { LeadImportValues } from "./schemas";

/**
 * Sample contacts all have an e-mail at this domain: reserved for examples (RFC 2606), so no real
 * contact has it, and it says "sample" to the seeker. It is how sample leads are recognised.
 */
export const SAMPLE_EMAIL_DOMAIN = "sample.example.com";
/** Sample materials link to this site, for the same reason. */
export const SAMPLE_URL_PREFIX = `https://${SAMPLE_EMAIL_DOMAIN}/`;

export const SAMPLE_LEAD_COUNT = 50;

export function isSampleEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${SAMPLE_EMAIL_DOMAIN}`);
}

const COMPANIES = [
  "Northwind Logistics", "Bluefin Analytics", "Harbor & Pine Architects", "Quill Health", "Tallgrass Energy",
  "Copperleaf Software", "Meridian Bank", "Orchard Robotics", "Saltmarsh Media", "Kestrel Aerospace",
  "Lumen Learning Co.", "Greystone Insurance", "Fernhill Foods", "Atlas Freight", "Brightwater Labs",
  "Cobalt Security", "Driftwood Studios", "Evergreen Retail", "Foxglove Pharma", "Granite Consulting",
  "Helix Biotech", "Ironbridge Capital", "Juniper Telecom", "Keystone Civil", "Larkspur Travel",
  "Mosaic Design Group", "Nimbus Cloud Services", "Oakridge Hospital", "Pinnacle Sports", "Quarry Lane Press",
  "Redwood Mobility", "Silverline Rail", "Thistle & Co. Legal", "Umbra Games", "Vantage Water",
  "Willow Care Homes", "Xylem Gardens", "Yardley Hotels", "Zephyr Wind Power", "Alder Street Bakery",
  "Beacon Nonprofit Trust", "Cedar Point Schools", "Delta Marine", "Elm & Ivy Publishing", "Fathom Research",
  "Glasshouse Ventures", "Hearth Home Goods", "Indigo Fashion", "Jetstream Airlines", "Kiln Ceramics",
];

const FIRST_NAMES = [
  "Maria", "James", "Aisha", "Tomás", "Mei", "Oliver", "Priya", "Lukas", "Fatima", "Noah",
  "Sofia", "Kwame", "Hannah", "Ravi", "Chloé", "Daniel", "Yuki", "Omar", "Grace", "Mateo",
  "Ingrid", "Samuel", "Leila", "Ethan", "Zainab",
];
const LAST_NAMES = [
  "Lopez", "Okafor", "Chen", "Novak", "Haddad", "Schmidt", "Patel", "Brennan", "Tanaka", "Moreau",
  "Kowalski", "Mensah", "Andersson", "Rossi", "Nguyen", "Fischer", "Ibrahim", "Walsh", "Costa", "Dubois",
  "Singh", "Larsen", "Murphy", "Kim", "Alvarez",
];
const TITLES = [
  "Head of Operations", "Engineering Manager", "Talent Acquisition Lead", "Director of Marketing", "VP Product",
  "HR Business Partner", "Chief Technology Officer", "Data Science Lead", "Operations Director", "Hiring Manager",
];

const NOTES = [
  "Met at the spring industry meetup.",
  "Referred by a former colleague.",
  "Posted a role close to what I want.",
  "Expanding their team this year.",
  "",
];
const PERSONAL_NOTES = ["Runs marathons.", "Two kids; mentioned a school play.", "Loves sailing.", "", ""];

export const SAMPLE_MATERIALS = [
  { title: "Industry salary report 2025", url: `${SAMPLE_URL_PREFIX}reports/salaries-2025`, topic: "Industry news" },
  { title: "Article: five trends in logistics", url: `${SAMPLE_URL_PREFIX}articles/logistics-trends`, topic: "Industry news" },
  { title: "My portfolio", url: `${SAMPLE_URL_PREFIX}portfolio`, topic: "About me" },
  { title: "Case study: cutting delivery costs", url: `${SAMPLE_URL_PREFIX}case-studies/delivery`, topic: "Case studies" },
] as const;

export type SampleTouch = {
  /** Index into the sample leads. */
  lead: number;
  at: Date;
  channel: Channel;
  direction: Direction;
  outcome: Outcome;
  note: string;
  /** Index into SAMPLE_MATERIALS, or null. */
  material: number | null;
};

function slug(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".");
}

/** The 50 sample leads, in campaign order: every one with an e-mail at the sample domain, about half with a phone. */
export function sampleLeads(): LeadImportValues[] {
  return COMPANIES.slice(0, SAMPLE_LEAD_COUNT).map((company, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
    // Shifted each round of first names, so no two contacts share a name.
    const last = LAST_NAMES[(index * 7 + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length]!;
    return {
      company,
      contactName: `${first} ${last}`,
      title: TITLES[index % TITLES.length]!,
      email: `${slug(first)}.${slug(last)}@${SAMPLE_EMAIL_DOMAIN}`,
      // 555-0100 to 555-0199 are set aside for fiction: no one is called by mistake.
      phone: index % 2 === 0 ? `+1 202 555 01${String(index).padStart(2, "0")}` : "",
      linkedinUrl: index % 3 === 0 ? `https://www.linkedin.com/in/${slug(first)}-${slug(last)}-sample` : "",
      notes: NOTES[index % NOTES.length]!,
      personalNotes: PERSONAL_NOTES[index % PERSONAL_NOTES.length]!,
      cadenceDays: 7,
    };
  });
}

/** An instant at a wall-clock time on a calendar day in the seeker's zone. */
function at(day: CalendarDate, hour: number, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, hour, 0, timeZone).getTime());
}

/** The latest contact day on or before `today` (contact days are never empty: at least one a week). */
function lastContactDayUpTo(today: CalendarDate, contactDays: readonly number[]): CalendarDate {
  for (let back = 0; back < 7; back += 1) {
    const day = addDays(today, -back);
    if (contactDays.includes(weekdayOf(day))) return day;
  }
  return today;
}

/** What a sample lead is besides its details: paused until a day, or closed. */
export type SampleLeadState = { lead: number; pausedUntil?: CalendarDate; closed?: { at: Date; as: "won" | "dropped"; reason: string } };

export type SampleHistory = { touches: SampleTouch[]; states: SampleLeadState[] };

/**
 * The sample's history, written backwards from today (in the seeker's zone, with their contact
 * days) so that the real rules (lib/domain leadPace, quietState) find every state on the day it is
 * loaded: a follow-up due today, a reply owed, a thank-you due, one overdue, one cold, one paused,
 * one quiet (three unanswered touches, still on pace), one closed as won, one coming up; the others
 * wait for the campaign's first contacts. Touches are outbound at least 3 days apart (never too
 * soon), on days before today (never in the future).
 */
export function sampleHistory({ now, timeZone, contactDays }: { now: Date; timeZone: string; contactDays: readonly number[] }): SampleHistory {
  const today = todayIn(now, timeZone);
  const day = (back: number) => addDays(today, -back);
  // A conversation the day before the last contact day so far: its thank-you is due on that day.
  const conversationDay = addDays(lastContactDayUpTo(today, contactDays), -1);
  const touch = (lead: number, on: CalendarDate, hour: number, rest: Omit<SampleTouch, "lead" | "at" | "material"> & { material?: number }): SampleTouch => ({
    lead,
    at: at(on, hour, timeZone),
    material: rest.material ?? null,
    channel: rest.channel,
    direction: rest.direction,
    outcome: rest.outcome,
    note: rest.note,
  });
  const touches: SampleTouch[] = [
    // 0: a follow-up due today, a week after the first e-mail.
    touch(0, day(7), 10, { channel: "email", direction: "outbound", outcome: "no_answer", note: "Short intro and the salary report.", material: 0 }),
    // 1: they replied yesterday: a reply is owed.
    touch(1, day(6), 11, { channel: "email", direction: "outbound", outcome: "no_answer", note: "Asked about their analytics team." }),
    touch(1, day(1), 15, { channel: "email", direction: "inbound", outcome: "replied", note: "Thanks! Could you send your portfolio?" }),
    // 2: a good conversation: a thank-you is due.
    touch(2, addDays(conversationDay, -7), 9, { channel: "email", direction: "outbound", outcome: "no_answer", note: "Sent the logistics article.", material: 1 }),
    touch(2, conversationDay, 14, { channel: "phone", direction: "outbound", outcome: "conversation", note: "Good chat about their new studio." }),
    // 3: the follow-up was three days ago: overdue.
    touch(3, day(10), 10, { channel: "linkedin", direction: "outbound", outcome: "no_answer", note: "Connected and said hello." }),
    // 4: nothing for almost three weeks: cold.
    touch(4, day(20), 16, { channel: "phone", direction: "outbound", outcome: "left_message", note: "Left a message about the role." }),
    // 5: busy until next month: paused.
    touch(5, day(12), 10, { channel: "email", direction: "outbound", outcome: "no_answer", note: "Intro and my portfolio.", material: 2 }),
    touch(5, day(4), 12, { channel: "email", direction: "inbound", outcome: "replied", note: "Busy until next month; write again then." }),
    // 6: three touches and no answer: quiet, though on pace.
    touch(6, day(13), 9, { channel: "email", direction: "outbound", outcome: "no_answer", note: "Intro and the salary report.", material: 0 }),
    touch(6, day(9), 11, { channel: "email", direction: "outbound", outcome: "no_answer", note: "Followed up with the case study.", material: 3 }),
    touch(6, day(5), 10, { channel: "linkedin", direction: "outbound", outcome: "no_answer", note: "A short note on LinkedIn." }),
    // 7: a meeting, then an offer: closed as won.
    touch(7, day(9), 13, { channel: "phone", direction: "outbound", outcome: "meeting_set", note: "Coffee next week." }),
    touch(7, day(2), 17, { channel: "email", direction: "inbound", outcome: "offer", note: "An offer for the operations role!" }),
    // 8: e-mailed three days ago: coming up within the week.
    touch(8, day(3), 10, { channel: "email", direction: "outbound", outcome: "no_answer", note: "Shared the salary report.", material: 0 }),
  ];
  const states: SampleLeadState[] = [
    { lead: 5, pausedUntil: addDays(today, 21) },
    { lead: 7, closed: { at: at(day(1), 12, timeZone), as: "won", reason: "" } },
  ];
  return { touches, states };
}
