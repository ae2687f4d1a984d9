import {
  addDays,
  daysBetween,
  laterOf,
  startOfWeek,
  weekdayOf,
  type CalendarDate,
  type Weekday,
} from "./dates";

export type CampaignSettings = {
  startDate: CalendarDate;
  /** First contacts planned per calendar week (Monday to Sunday), a whole number ≥ 1. */
  firstContactsPerWeek: number;
  /** Weekdays on which first contacts are planned: 0 = Sunday … 6 = Saturday. */
  contactDays: number[];
};

/** The default plan: 5 first contacts a week, one a day, Monday to Friday. */
export const DEFAULT_CAMPAIGN = {
  firstContactsPerWeek: 5,
  contactDays: [1, 2, 3, 4, 5],
} as const;

export function defaultCampaign(startDate: CalendarDate): CampaignSettings {
  return {
    startDate,
    firstContactsPerWeek: DEFAULT_CAMPAIGN.firstContactsPerWeek,
    contactDays: [...DEFAULT_CAMPAIGN.contactDays],
  };
}

function validContactDays(settings: CampaignSettings): ReadonlySet<Weekday> {
  const days = new Set(settings.contactDays);
  for (const day of days) {
    if (!Number.isInteger(day) || day < 0 || day > 6) {
      throw new RangeError(`contact days are weekdays 0 (Sunday) to 6 (Saturday), got ${day}`);
    }
  }
  if (days.size === 0) throw new RangeError("a campaign needs at least one contact day");
  return days as Set<Weekday>;
}

function validFirstContactsPerWeek(settings: CampaignSettings): number {
  const perWeek = settings.firstContactsPerWeek;
  if (!Number.isInteger(perWeek) || perWeek < 1) {
    throw new RangeError(`firstContactsPerWeek must be a whole number ≥ 1, got ${perWeek}`);
  }
  return perWeek;
}

/**
 * The planners' book of first-contact days: `take` marks a day used (one a day), `isOpen` says
 * whether a day is a contact day still free, in a Monday-to-Sunday week under the weekly cap.
 */
function firstContactBook(settings: CampaignSettings) {
  const contactDays = validContactDays(settings);
  const perWeek = validFirstContactsPerWeek(settings);
  const takenDays = new Set<CalendarDate>();
  const perWeekCount = new Map<CalendarDate, number>();
  return {
    take(day: CalendarDate) {
      takenDays.add(day);
      const week = startOfWeek(day);
      perWeekCount.set(week, (perWeekCount.get(week) ?? 0) + 1);
    },
    isOpen(day: CalendarDate) {
      return contactDays.has(weekdayOf(day)) && !takenDays.has(day) && (perWeekCount.get(startOfWeek(day)) ?? 0) < perWeek;
    },
  };
}

/** A lead as `replanFirstContacts` sees it, given in the seeker's list order (closed leads left out). */
export type PlannedLead = {
  id: string;
  /** Local date of its first touch; null while never contacted. */
  firstContactOn: CalendarDate | null;
  /** Its planned day as stored now, if any. */
  plannedFirstContact: CalendarDate | null;
  /**
   * For a lead never contacted: the day it is held to, either the end of its pause or a date set by
   * hand. Until that day it takes no campaign day; from that day on it keeps that day (it is due
   * then, like a missed plan). Null when neither applies.
   */
  heldUntil: CalendarDate | null;
};

/**
 * The planned first-contact day of every lead never contacted (null: it takes no day now). Days
 * that are past or today stand: a missed plan keeps its day, so the lead stays in the day's work as
 * overdue instead of moving silently, and today's work does not change under the seeker's feet.
 * Only days still to come (after today) are planned again, one a day, on contact days, at most
 * `firstContactsPerWeek` in a Monday-to-Sunday week (past first contacts, kept days and held
 * leads' days count toward their week), in list order, from the later of the start date and today.
 */
export function replanFirstContacts({
  settings,
  leads,
  today,
}: {
  settings: CampaignSettings;
  leads: readonly PlannedLead[];
  today: CalendarDate;
}): Map<string, CalendarDate | null> {
  const { take, isOpen } = firstContactBook(settings);
  const plan = new Map<string, CalendarDate | null>();
  const toPlan: PlannedLead[] = [];
  for (const lead of leads) {
    if (lead.firstContactOn !== null) {
      take(lead.firstContactOn);
    } else if (lead.heldUntil !== null) {
      // Held: no day before it returns; on and after its day, that day is its plan.
      const returned = lead.heldUntil <= today;
      plan.set(lead.id, returned ? lead.heldUntil : null);
      if (returned) take(lead.heldUntil);
    } else if (lead.plannedFirstContact !== null && lead.plannedFirstContact <= today) {
      plan.set(lead.id, lead.plannedFirstContact);
      take(lead.plannedFirstContact);
    } else {
      toPlan.push(lead);
    }
  }

  let day = laterOf(settings.startDate, today);
  for (const lead of toPlan) {
    // Ends: every week has a contact day, and the leads taken fill only finitely many weeks.
    while (!isOpen(day)) day = addDays(day, 1);
    plan.set(lead.id, day);
    take(day);
  }
  return plan;
}

/** A lead as the campaign figures see it. */
export type CampaignFiguresLead = {
  firstContactOn: CalendarDate | null;
  plannedFirstContact: CalendarDate | null;
  closed: boolean;
};

export type CampaignFigures = {
  /** Campaign week of today: 0 before the start's week, then 1, 2, … (Monday-to-Sunday weeks). */
  week: number;
  /** The week of the last first contact, made or planned (at least 1); `week` passes it when the campaign runs late. */
  weeks: number;
  /** First contacts made in this Monday-to-Sunday week. */
  firstContactsThisWeek: number;
  /**
   * The week's plan: first contacts per week (default 5), no more than the contact days of this
   * week from the start date on, nor than the first contacts left to make (plus those made).
   */
  weekPlan: number;
  /** Leads in the campaign contacted at least once, out of `total`. */
  contacted: number;
  /** Leads in the campaign: every open lead and every lead ever contacted (a closed lead never contacted took no place). */
  total: number;
};

/**
 * Week k of n, this week's first contacts against the week's plan, leads contacted out of all: one
 * definition for the seeker's Today and the coach. Week 1 is the Monday-to-Sunday week holding the
 * start date.
 */
export function campaignFigures({
  settings,
  leads,
  today,
}: {
  settings: CampaignSettings;
  leads: readonly CampaignFiguresLead[];
  today: CalendarDate;
}): CampaignFigures {
  return campaignFiguresOfTally({ settings, tally: campaignTally(leads, today), today });
}

/**
 * What campaignFigures reads of the leads, counted. The figures depend on the leads only through
 * these four numbers, so the coach's SQL counts them for many seekers at once (coach-clients.ts)
 * and hands them to campaignFiguresOfTally, the same rule.
 */
export type CampaignTally = {
  /** Leads in the campaign: every open lead and every lead ever contacted. */
  inCampaign: number;
  /** Of those, contacted at least once. */
  contacted: number;
  /** Of those, first contacted in today's Monday-to-Sunday week. */
  firstContactsThisWeek: number;
  /** The last first contact, made or planned, of a lead in the campaign; null with none. */
  lastDay: CalendarDate | null;
};

/** The leads counted as campaignFigures counts them. */
export function campaignTally(leads: readonly CampaignFiguresLead[], today: CalendarDate): CampaignTally {
  const monday = startOfWeek(today);
  const sunday = addDays(monday, 6);
  // A closed lead never contacted took no place in the campaign.
  const inCampaign = leads.filter((lead) => !lead.closed || lead.firstContactOn !== null);
  return {
    inCampaign: inCampaign.length,
    contacted: inCampaign.filter((lead) => lead.firstContactOn !== null).length,
    firstContactsThisWeek: inCampaign.filter(
      (lead) => lead.firstContactOn !== null && lead.firstContactOn >= monday && lead.firstContactOn <= sunday,
    ).length,
    lastDay: inCampaign
      .map((lead) => lead.firstContactOn ?? lead.plannedFirstContact)
      .reduce<CalendarDate | null>((last, day) => (day !== null && (last === null || day > last) ? day : last), null),
  };
}

/** campaignFigures from the leads' tally (for today). */
export function campaignFiguresOfTally({
  settings,
  tally,
  today,
}: {
  settings: CampaignSettings;
  tally: CampaignTally;
  today: CalendarDate;
}): CampaignFigures {
  const contactDays = validContactDays(settings);
  const perWeek = validFirstContactsPerWeek(settings);
  const firstMonday = startOfWeek(settings.startDate);
  const weekOf = (day: CalendarDate) => Math.floor(daysBetween(firstMonday, startOfWeek(day)) / 7) + 1;
  const { inCampaign, contacted, firstContactsThisWeek, lastDay } = tally;

  const monday = startOfWeek(today);
  const sunday = addDays(monday, 6);
  let contactDaysLeft = 0;
  for (let day = laterOf(monday, settings.startDate); day <= sunday; day = addDays(day, 1)) {
    if (contactDays.has(weekdayOf(day))) contactDaysLeft += 1;
  }
  const weekPlan = Math.min(perWeek, contactDaysLeft, firstContactsThisWeek + (inCampaign - contacted));

  return {
    week: today < settings.startDate ? 0 : weekOf(today),
    weeks: Math.max(1, lastDay === null ? 1 : weekOf(lastDay)),
    firstContactsThisWeek,
    weekPlan,
    contacted,
    total: inCampaign,
  };
}
