import type { CalendarDate, SuggestibleChannel } from "@/lib/domain";
import { describeWhen, formatDay, plural, telHref, type HourCycle } from "@/lib/format";
import { CHANNEL_LABELS, OUTCOME_LABELS } from "./labels";
import type { ViewLead, ViewRow, ViewTouch } from "./today-view";

/**
 * One row of Today as data, every text already written: the browser draws the card from it
 * (app/today/lead-card.tsx). A row sent as data is a few hundred bytes; sent as a drawn tree it
 * was ten times that, once in the page's payload and again read back to draw its HTML.
 */
export type LeadCardData = {
  id: string;
  company: string;
  /** "Contact, title", or null when the lead names neither. */
  person: string | null;
  /** What is due, e.g. "Follow-up due" or "Done · Follow-up due" (the card's description). */
  status: string;
  done: boolean;
  lastTouch: string;
  quiet: { message: string; steps: QuietStepCard[] } | null;
  followUp: FollowUpCard | null;
  phone: { text: string; href: string } | null;
  email: string | null;
  suggestedChannel: SuggestibleChannel | null;
  /** The seeker's materials this lead already got (their list comes once: SeekerMaterials). */
  sentMaterialIds: string[];
};

export type QuietStepCard =
  | { kind: "switch_channel" | "send_material"; text: string }
  | { kind: "pause"; until: CalendarDate }
  | { kind: "close" };

export type FollowUpCard =
  | { kind: "thank_you"; text: string }
  | { kind: "add_referred_lead"; href: string }
  | { kind: "close_or_pause"; pauseUntil: CalendarDate }
  | { kind: "close_won" };

type Lead = ViewLead & { title: string };

/** "Last touch Sat 21 Nov, 13:53: LinkedIn (they reached you), no answer — “note”", or the first-contact line. */
function lastTouchText(lastTouch: ViewTouch | null, now: Date, timeZone: string, hourCycle: HourCycle): string {
  if (!lastTouch) return "No touch yet: this will be your first contact.";
  return (
    `Last touch ${describeWhen(lastTouch.at, now, timeZone, hourCycle)}: ${CHANNEL_LABELS[lastTouch.channel]}` +
    (lastTouch.direction === "inbound" ? " (they reached you)" : "") +
    (lastTouch.outcome ? `, ${OUTCOME_LABELS[lastTouch.outcome].toLowerCase()}` : "") +
    (lastTouch.note ? ` — “${lastTouch.note}”` : "")
  );
}

/** A Today row as the card shows it; `materials` are the seeker's, with the leads each went to. */
export function leadCard<L extends Lead>({
  row,
  status,
  done = false,
  materials,
  now,
  timeZone,
  hourCycle,
}: {
  row: ViewRow<L>;
  status: string;
  done?: boolean;
  materials: readonly { id: string; title: string; sentToLeadIds: readonly string[] }[];
  now: Date;
  timeZone: string;
  hourCycle: HourCycle;
}): LeadCardData {
  const { lead, quiet, followUp } = row;
  const person = [lead.contactName, lead.title].filter(Boolean).join(", ");
  const materialTitle = (id: string) => materials.find((material) => material.id === id)?.title ?? "a material";
  return {
    id: lead.id,
    company: lead.company,
    person: person || null,
    status,
    done,
    lastTouch: lastTouchText(row.lastTouch, now, timeZone, hourCycle),
    quiet: quiet.quiet
      ? {
          message: `Quiet: ${plural(quiet.unanswered, "touch", "touches")} in a row with no answer. They may be busy, or tired of hearing from you.`,
          steps: quiet.steps.map((step): QuietStepCard => {
            switch (step.kind) {
              case "switch_channel":
                return { kind: step.kind, text: `Switch channel: try ${CHANNEL_LABELS[step.channel]} (the button below).` };
              case "send_material":
                return { kind: step.kind, text: `Send something valuable they have not had: “${materialTitle(step.materialId)}” (More details › Material).` };
              case "pause":
                return { kind: step.kind, until: step.until };
              case "close":
                return { kind: step.kind };
            }
          }),
        }
      : null,
    followUp: followUp ? followUpCard(followUp) : null,
    phone: lead.phone ? { text: lead.phone, href: telHref(lead.phone) } : null,
    email: lead.email || null,
    suggestedChannel: row.suggestedChannel,
    sentMaterialIds: materials.flatMap((material) => (material.sentToLeadIds.includes(lead.id) ? [material.id] : [])),
  };
}

function followUpCard(followUp: NonNullable<ViewRow<Lead>["followUp"]>): FollowUpCard {
  switch (followUp.kind) {
    case "thank_you":
      return { kind: followUp.kind, text: `A short thank-you is due on ${formatDay(followUp.due)}.` };
    case "add_referred_lead":
      return { kind: followUp.kind, href: `/leads/new?notes=${encodeURIComponent(followUp.prefill.notes)}` };
    case "close_or_pause":
      return { kind: followUp.kind, pauseUntil: followUp.pauseUntil };
    case "close_won":
      return { kind: followUp.kind };
  }
}
