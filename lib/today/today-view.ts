import {
  campaignFigures,
  dailyCall,
  latestOf,
  onPaceShare,
  outcomeFollowUp,
  quietPlaybook,
  suggestChannelFor,
  touchesByLead,
  type CalendarDate,
  type CampaignFigures,
  type CampaignSettings,
  type ContactDetails,
  type DailyCall,
  type DatedTouch,
  type LeadPace,
  type OnPace,
  type OutcomeFollowUp,
  type Quiet,
  type QuietStep,
  type SuggestibleChannel,
} from "@/lib/domain";
import { dayWork, type WorkKind, type WorkLead } from "./day-work";

/** A lead as Today reads it: what pacing needs, its contact details and its name. */
export type ViewLead = WorkLead & ContactDetails & { company: string; contactName: string };
export type ViewTouch = DatedTouch & { leadId: string; note: string };

/** What every row of Today shows besides the lead. */
export type RowFacts = {
  lastTouch: ViewTouch | null;
  /** Null when the lead has no phone, e-mail nor LinkedIn. */
  suggestedChannel: SuggestibleChannel | null;
  quiet: Quiet & { steps: QuietStep[] };
  followUp: OutcomeFollowUp | null;
};

export type ViewRow<L extends ViewLead> = RowFacts & { lead: L; pace: LeadPace };
export type WorkRow<L extends ViewLead> = ViewRow<L> & { kind: WorkKind; done: boolean };

export type TodayView<L extends ViewLead> = {
  today: CalendarDate;
  work: WorkRow<L>[];
  done: number;
  total: number;
  cold: ViewRow<L>[];
  coming: ViewRow<L>[];
  call: DailyCall;
  onPace: OnPace;
  /** Null without a campaign. */
  campaign: CampaignFigures | null;
};

/**
 * Everything Today shows, from the seeker's leads (list order), all their touches, materials and
 * settings: the day's work (dayWork), the cold ones, the next 7 days, the daily call, the share
 * on pace and the campaign figures, each row with its last touch, suggested channel, quiet
 * playbook and what its last outcome asks for.
 */
export function todayView<L extends ViewLead>({
  leads,
  touches,
  materials,
  campaign,
  contactDays,
  now,
  timeZone,
}: {
  leads: readonly L[];
  touches: readonly ViewTouch[];
  /** The seeker's materials in library order, with the leads each went to. */
  materials: readonly { id: string; sentToLeadIds: readonly string[] }[];
  campaign: CampaignSettings | null;
  contactDays: readonly number[];
  now: Date;
  timeZone: string;
}): TodayView<L> {
  const work = dayWork({ leads, touches, contactDays, now, timeZone });
  const byLead = touchesByLead(touches);
  const materialIds = materials.map((material) => material.id);

  // Each row written out whole (not spread from its facts): this runs for every row of the page.
  const rowOf = (lead: L, pace: LeadPace): ViewRow<L> => {
    const history = byLead.get(lead.id) ?? [];
    const lastTouch = latestOf(history);
    return {
      lead,
      pace,
      lastTouch,
      suggestedChannel: suggestChannelFor(history, lead),
      quiet: quietPlaybook({
        touches: history,
        details: lead,
        materialIds,
        sentMaterialIds: new Set(materials.filter((material) => material.sentToLeadIds.includes(lead.id)).map((material) => material.id)),
        today: work.today,
      }),
      followUp: outcomeFollowUp({ lastTouch, lead, contactDays, today: work.today }),
    };
  };

  const firstContactOn = (lead: L) => byLead.get(lead.id)?.reduce<CalendarDate | null>((first, touch) => (first === null || touch.localDate < first ? touch.localDate : first), null) ?? null;

  return {
    today: work.today,
    work: work.items.map((item) => Object.assign(rowOf(item.lead, item.pace), { kind: item.kind, done: item.done })),
    done: work.done,
    total: work.total,
    cold: work.cold.map(({ lead, pace }) => rowOf(lead, pace)),
    coming: work.coming.map(({ lead, pace }) => rowOf(lead, pace)),
    call: dailyCall({ touches, contactDays, now, timeZone }),
    onPace: onPaceShare(work.paces),
    campaign: campaign
      ? campaignFigures({
          settings: campaign,
          leads: leads.map((lead) => ({
            firstContactOn: firstContactOn(lead),
            plannedFirstContact: lead.plannedFirstContact,
            closed: lead.closedAt !== null,
          })),
          today: work.today,
        })
      : null,
  };
}
