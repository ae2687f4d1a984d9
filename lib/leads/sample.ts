import { TZDate } from "@date-fns/tz";
import { addDays, weekdayOf, type CalendarDate, type Channel, type Direction, type Outcome } from "@/lib/domain";
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

/** Working days strictly before `today`, going back up to 14 calendar days, oldest first. */
function pastWorkingDays(today: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let back = 14; back >= 1; back -= 1) {
    const day = addDays(today, -back);
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

const SCRIPT: Omit<SampleTouch, "lead" | "at">[] = [
  { channel: "email", direction: "outbound", outcome: "no_answer", note: "Short intro and the salary report.", material: 0 },
  { channel: "phone", direction: "outbound", outcome: "left_message", note: "Left a message about the role.", material: null },
  { channel: "email", direction: "inbound", outcome: "replied", note: "Thanked me; busy until the end of the month.", material: null },
  { channel: "phone", direction: "outbound", outcome: "conversation", note: "Good chat about their new warehouse.", material: null },
  { channel: "linkedin", direction: "outbound", outcome: "no_answer", note: "Shared the logistics article.", material: 1 },
  { channel: "phone", direction: "outbound", outcome: "meeting_set", note: "Coffee next Thursday.", material: null },
];

/**
 * A few touches in the last two weeks on the first leads, one a working day, so the sample has
 * history, a reply, a meeting and a lead gone quiet. Never today, never in the future.
 */
export function sampleTouches({ today, timeZone }: { today: CalendarDate; timeZone: string }): SampleTouch[] {
  return pastWorkingDays(today).map((day, index) => ({
    ...SCRIPT[index % SCRIPT.length]!,
    lead: index % 6,
    at: at(day, 10 + (index % 6), timeZone),
  }));
}
