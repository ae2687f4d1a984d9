import {
  addDays,
  chronological,
  dateOf,
  needsTouchToday,
  paceOf,
  todayIn,
  tooSoonFlags,
  touchesByLead,
  type CalendarDate,
  type DatedTouch,
  type LeadPace,
  type PaceLead,
} from "@/lib/domain";
import { formatDay, plural } from "@/lib/format";

/** The day's work in the order Today shows it. */
export const WORK_KINDS = ["first_contact", "reply_owed", "follow_up", "thank_you", "overdue"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** A lead as the day's work needs it, plus whatever the caller carries through to its row. */
export type WorkLead = Omit<PaceLead, "touches"> & { id: string };
export type WorkTouch = DatedTouch & { leadId: string };

export type WorkItem<L extends WorkLead> = {
  lead: L;
  kind: WorkKind;
  /** The pace that put the lead in the day's work (as of the start of the day, or now if it came in today). */
  pace: LeadPace;
  /** Touched today with a touch that counts (outbound, not too soon) and nothing more needed today. */
  done: boolean;
};

export type PacedLead<L extends WorkLead> = { lead: L; pace: LeadPace };

export type DayWork<L extends WorkLead> = {
  today: CalendarDate;
  /** Every lead that needs a touch today, the ones already done included. */
  items: WorkItem<L>[];
  /** "k of n done". */
  done: number;
  total: number;
  /** Cold leads (not in the day's work: shown apart), oldest first. */
  cold: PacedLead<L>[];
  /** Due in the next 7 days (after today), soonest first. */
  coming: PacedLead<L>[];
  /** Every lead's pace now, in the order of `leads`. */
  paces: LeadPace[];
};

function kindOf(pace: LeadPace): WorkKind {
  if (pace.state === "overdue") return "overdue";
  switch (pace.reason) {
    case "first_contact":
    case "reply_owed":
    case "thank_you":
      return pace.reason;
    default:
      return "follow_up";
  }
}

/**
 * The day's work: every lead that needs a touch today (planned first contacts, replies owed,
 * follow-ups due, thank-yous, the overdue ones oldest first), with "k of n done". A lead is in it
 * when it needs a touch now, or needed one at the start of the day or after one of today's touches
 * (a reply arrived) and has had an outbound touch today; so touching a lead marks it done instead
 * of shrinking n. Done: an outbound touch today that was not too soon, and nothing more needed.
 * A lead paused, closed or re-dated today without an outbound touch leaves the list: that is not
 * work done. A missed first contact stays, overdue. A pause set today after a touch is not told
 * apart from an older one (the pause's start is not known): such a lead leaves the list too.
 * `leads` come in list order; `touches` are those of these leads (both directions, any order).
 */
export function dayWork<L extends WorkLead>({
  leads,
  touches,
  contactDays,
  now,
  timeZone,
}: {
  leads: readonly L[];
  touches: readonly WorkTouch[];
  contactDays: readonly number[];
  now: Date;
  timeZone: string;
}): DayWork<L> {
  const today = todayIn(now, timeZone);
  const clock = { now, timeZone, contactDays };
  const byLead = touchesByLead(touches);

  const paces: LeadPace[] = [];
  const items: WorkItem<L>[] = [];
  const cold: PacedLead<L>[] = [];
  const coming: PacedLead<L>[] = [];
  for (const lead of leads) {
    const history = byLead.get(lead.id) ?? [];
    const pace = paceOf(lead, history, clock);
    paces.push(pace);
    // The lead as it stood at the start of the day and after each of today's touches: closed
    // today means still open then. A lead that needed a touch at any of those moments is work of
    // the day, so touching it marks it done instead of taking it off the list.
    const closedToday = lead.closedAt !== null && dateOf(lead.closedAt, timeZone) === today;
    const todays = chronological(history.filter((touch) => touch.localDate === today));
    const asThen = closedToday ? { ...lead, closedAt: null } : lead;
    const earlier = history.filter((touch) => touch.localDate < today);
    let needed: LeadPace | null = null;
    for (let count = 0; count <= todays.length && needed === null; count++) {
      const then = paceOf(asThen, count === 0 ? earlier : [...earlier, ...todays.slice(0, count)], clock);
      if (needsTouchToday(then)) needed = then;
    }
    const flags = tooSoonFlags(history);
    const outboundToday = todays.some((touch) => touch.direction === "outbound");
    const countedToday = history.some(
      (touch, index) => touch.localDate === today && touch.direction === "outbound" && !flags[index],
    );

    const needsNow = needsTouchToday(pace);
    // Paused, closed or re-dated today without an outbound touch: not work done, so off the list.
    if (needsNow || (needed !== null && outboundToday)) {
      const shown = needed ?? pace;
      items.push({ lead, kind: kindOf(shown), pace: shown, done: !needsNow && countedToday });
    } else if (pace.state === "cold") {
      cold.push({ lead, pace });
    } else if (pace.state === "upcoming" && pace.nextDue! <= addDays(today, 7)) {
      coming.push({ lead, pace });
    }
  }

  const order = (kind: WorkKind) => WORK_KINDS.indexOf(kind);
  const byDue = (a: { pace: LeadPace }, b: { pace: LeadPace }) => (a.pace.nextDue! < b.pace.nextDue! ? -1 : a.pace.nextDue! > b.pace.nextDue! ? 1 : 0);
  // Array#sort is stable: ties keep the list order.
  items.sort((a, b) => order(a.kind) - order(b.kind) || (a.kind === "overdue" ? byDue(a, b) : 0));
  cold.sort(byDue);
  coming.sort(byDue);
  const done = items.filter((item) => item.done).length;
  return { today, items, done, total: items.length, cold, coming, paces };
}

/** Why a lead is in the day's work, in words: "Reply owed", "First contact missed since Mon 2 Mar". */
export function describeWork(item: Pick<WorkItem<WorkLead>, "kind" | "pace">): string {
  const { kind, pace } = item;
  if (kind !== "overdue") {
    const words: Record<Exclude<WorkKind, "overdue">, string> = {
      first_contact: "First contact",
      reply_owed: "Reply owed",
      follow_up: pace.reason === "returned" ? "Back from pause" : pace.reason === "hand_set" ? "Follow-up you set" : "Follow-up due",
      thank_you: "Thank-you due",
    };
    return words[kind];
  }
  const since = formatDay(pace.nextDue!);
  switch (pace.reason) {
    case "first_contact":
      return `First contact missed since ${since}`;
    case "reply_owed":
      return `Reply owed since ${since}`;
    case "thank_you":
      return `Thank-you due since ${since}`;
    default:
      return `Overdue by ${plural(pace.daysOverdue, "day")} (due ${since})`;
  }
}
