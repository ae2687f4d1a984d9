import { computePace, type LeadFacts, type Pace, type TouchFact } from "@/lib/domain";

type ListedLead = Omit<LeadFacts, "touches"> & { lastTouch: TouchFact | null };

/** Each lead with its pace at `now`; the latest touch is all pace needs from the history. */
export function withPace<T extends ListedLead>(leads: readonly T[], now: Date, timeZone: string): (T & { pace: Pace })[] {
  return leads.map((lead) => ({
    ...lead,
    pace: computePace({ ...lead, touches: lead.lastTouch ? [lead.lastTouch] : [] }, now, timeZone),
  }));
}
