import {
  addDays,
  computePace,
  dateOf,
  startOfWeek,
  suggestChannel,
  todayIn,
  type CalendarDate,
  type Channel,
  type LeadFacts,
  type Outcome,
  type Pace,
  type TouchFact,
} from "@/lib/domain";

/** The Today screen's sections, in the order they are shown. */
export const TODAY_SECTIONS = ["first_contacts", "due_today", "overdue", "cold", "done_today", "this_week"] as const;
export type TodaySection = (typeof TODAY_SECTIONS)[number];

export const SECTION_TITLES: Record<TodaySection, string> = {
  first_contacts: "First contact today",
  due_today: "Follow-ups due today",
  overdue: "Overdue",
  cold: "Gone cold",
  done_today: "Done today",
  this_week: "Coming this week",
};

/** What pacing needs of a lead, plus anything the caller wants carried through to its row. */
export type TodayLeadInput = Omit<LeadFacts, "touches"> & { id: string };

/** A touch of one of the leads; a lead's latest touch and its last three outbound ones suffice. */
export type TodayTouchInput = TouchFact & { leadId: string; outcome: Outcome | null; note: string };

export type LastTouch = Omit<TodayTouchInput, "leadId">;

export type TodayRow<L extends TodayLeadInput> = {
  lead: L;
  section: TodaySection;
  pace: Pace;
  lastTouch: LastTouch | null;
  suggestedChannel: Channel;
};

/** Touches grouped by lead id, each list in the order given. */
export function touchesByLead<T extends { leadId: string }>(touches: readonly T[]): Map<string, T[]> {
  const byLead = new Map<string, T[]>();
  for (const touch of touches) {
    const list = byLead.get(touch.leadId) ?? [];
    list.push(touch);
    byLead.set(touch.leadId, list);
  }
  return byLead;
}

function latestOf<T extends { at: Date }>(touches: readonly T[]): T | null {
  return touches.reduce<T | null>((latest, touch) => (latest && latest.at >= touch.at ? latest : touch), null);
}

/**
 * Where a lead goes on Today, or null when it is not shown (closed, paused, never planned, or due
 * after this Monday-to-Sunday week). A lead touched today is done for today whatever else is true.
 */
function sectionOf(
  pace: Pace,
  lastTouchDay: CalendarDate | null,
  { today, endOfWeek }: { today: CalendarDate; endOfWeek: CalendarDate },
): TodaySection | null {
  if (pace.state === "closed" || pace.state === "paused" || pace.state === "unplanned") return null;
  if (lastTouchDay === today) return "done_today";
  switch (pace.state) {
    case "due_today":
      return pace.firstContact ? "first_contacts" : "due_today";
    case "overdue":
      return "overdue";
    case "cold":
      return "cold";
    case "upcoming":
      return pace.nextDue !== null && pace.nextDue <= endOfWeek ? "this_week" : null;
  }
}

/** Within a section: list order, but the longest-waiting first where lateness matters. */
function compareInSection<L extends TodayLeadInput>(a: TodayRow<L>, b: TodayRow<L>): number {
  switch (a.section) {
    case "overdue":
    case "cold":
    case "this_week":
      return (a.pace.nextDue ?? "").localeCompare(b.pace.nextDue ?? "");
    case "done_today":
      return (b.lastTouch?.at.getTime() ?? 0) - (a.lastTouch?.at.getTime() ?? 0);
    default:
      return 0;
  }
}

/**
 * The rows of the calendar feed's days (its test compares with these), in display order: section by section, and within one (stably) in the
 * leads' list order unless lateness or recency matters more. `leads` come in list order.
 */
export function groupToday<L extends TodayLeadInput>({
  leads,
  touches,
  now,
  timeZone,
}: {
  leads: readonly L[];
  touches: readonly TodayTouchInput[];
  now: Date;
  timeZone: string;
}): TodayRow<L>[] {
  const today = todayIn(now, timeZone);
  const days = { today, endOfWeek: addDays(startOfWeek(today), 6) };
  const byLead = touchesByLead(touches);
  const rows: TodayRow<L>[] = [];
  for (const lead of leads) {
    const leadTouches = byLead.get(lead.id) ?? [];
    const pace = computePace({ ...lead, touches: leadTouches }, now, timeZone);
    const latest = latestOf(leadTouches);
    const section = sectionOf(pace, latest ? dateOf(latest.at, timeZone) : null, days);
    if (section === null) continue;
    const lastTouch = latest ? { at: latest.at, channel: latest.channel, direction: latest.direction, outcome: latest.outcome, note: latest.note } : null;
    rows.push({ lead, section, pace, lastTouch, suggestedChannel: suggestChannel(leadTouches) });
  }
  const order = (section: TodaySection) => TODAY_SECTIONS.indexOf(section);
  // Array#sort is stable, so ties keep the list order.
  return rows.sort((a, b) => order(a.section) - order(b.section) || compareInSection(a, b));
}
