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

/** The article's plan: 5 first contacts a week, one a day, Monday to Friday. */
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

/** A lead as the planner sees it, given in the seeker's list order. */
export type CampaignLead = {
  id: string;
  contacted: boolean;
  /**
   * Day of the lead's first touch in the seeker's zone, if contacted. Optional; when given, a
   * re-plan never adds a second first contact on a day that already had one, and counts it
   * toward its week's cap.
   */
  firstContactOn?: CalendarDate | null;
};

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
 * Planned first-contact day for each lead not yet contacted, keyed by lead id: one a day, only on
 * contact days, at most `firstContactsPerWeek` in a Monday-to-Sunday week, in list order.
 * Planning starts at the later of the start date and today, so a re-plan (after adding, removing
 * or reordering leads, or after a missed day) never puts a plan in the past: what was missed moves
 * forward. Contacted leads get no plan; their history stands. Asking for more per week than there
 * are contact days still gives one a day, so the contact days become the weekly limit.
 */
export function planFirstContacts({
  settings,
  leads,
  today,
}: {
  settings: CampaignSettings;
  leads: readonly CampaignLead[];
  today: CalendarDate;
}): Map<string, CalendarDate> {
  const contactDays = validContactDays(settings);
  const perWeek = validFirstContactsPerWeek(settings);

  const takenDays = new Set<CalendarDate>();
  const perWeekCount = new Map<CalendarDate, number>();
  const take = (day: CalendarDate) => {
    takenDays.add(day);
    const week = startOfWeek(day);
    perWeekCount.set(week, (perWeekCount.get(week) ?? 0) + 1);
  };
  for (const lead of leads) {
    if (lead.contacted && lead.firstContactOn) take(lead.firstContactOn);
  }
  const isOpen = (day: CalendarDate) =>
    contactDays.has(weekdayOf(day)) &&
    !takenDays.has(day) &&
    (perWeekCount.get(startOfWeek(day)) ?? 0) < perWeek;

  const plan = new Map<string, CalendarDate>();
  let day = laterOf(settings.startDate, today);
  for (const lead of leads) {
    if (lead.contacted) continue;
    // Ends: every week has a contact day, and earlier first contacts fill only finitely many weeks.
    while (!isOpen(day)) day = addDays(day, 1);
    plan.set(lead.id, day);
    take(day);
  }
  return plan;
}

export type CampaignProgress = {
  /** Campaign week today falls in: 0 before the start, then 1..weeks (held at `weeks` after). */
  week: number;
  /** Weeks the campaign takes at its weekly pace, at least 1. */
  weeks: number;
  /** Leads that have had a first touch. */
  contacted: number;
  total: number;
};

/**
 * "Week k of n". Weeks count in 7-day steps from the start date, so a campaign starting on a
 * Wednesday has weeks Wednesday to Tuesday; that way each week holds a full week's first contacts
 * and n = ceil(total / weekly pace) is reached on time. The weekly pace is `firstContactsPerWeek`,
 * but never more than the number of contact days (one first contact a day).
 */
export function campaignProgress({
  settings,
  totalLeads,
  contactedLeads,
  today,
}: {
  settings: CampaignSettings;
  totalLeads: number;
  contactedLeads: number;
  today: CalendarDate;
}): CampaignProgress {
  const weeklyPace = Math.min(validFirstContactsPerWeek(settings), validContactDays(settings).size);
  const weeks = Math.max(1, Math.ceil(totalLeads / weeklyPace));
  const daysSinceStart = daysBetween(settings.startDate, today);
  const week = daysSinceStart < 0 ? 0 : Math.min(weeks, Math.floor(daysSinceStart / 7) + 1);
  return { week, weeks, contacted: contactedLeads, total: totalLeads };
}
