import { addDays, type CalendarDate } from "./dates";
import { reachableChannels, type ContactDetails, type SuggestibleChannel } from "./channel";
import { chronological, isAnswered, type DatedTouch } from "./touch";

/** Unanswered outbound touches in a row that make a lead quiet. */
export const QUIET_AFTER_TOUCHES = 3;
/** Unanswered outbound touches in a row after which the playbook offers to pause or close. */
export const GIVE_UP_AFTER_TOUCHES = 5;
/** How long the playbook's pause lasts. */
export const QUIET_PAUSE_DAYS = 30;

export type Quiet = {
  /** Outbound touches since the contact last answered (an inbound touch or an answered call). */
  unanswered: number;
  /** Three or more unanswered in a row. Not the same as cold: a quiet lead can be on pace. */
  quiet: boolean;
  /** The channels of those unanswered touches, oldest first. */
  channelsTried: DatedTouch["channel"][];
};

/** The latest run of unanswered outbound touches of a lead (touches in any order). */
export function quietState(touches: readonly DatedTouch[]): Quiet {
  const history = chronological(touches);
  const run: DatedTouch[] = [];
  for (let i = history.length - 1; i >= 0 && !isAnswered(history[i]!); i--) run.unshift(history[i]!);
  return {
    unanswered: run.length,
    quiet: run.length >= QUIET_AFTER_TOUCHES,
    channelsTried: run.map((touch) => touch.channel),
  };
}

export type QuietStep =
  | { kind: "switch_channel"; channel: SuggestibleChannel }
  | { kind: "send_material"; materialId: string }
  | { kind: "pause"; until: CalendarDate }
  | { kind: "close"; closedAs: "dropped" };

/**
 * What Today offers for a quiet lead, in order: switch channel (the phone if the quiet run has not
 * tried it, else another channel the lead has details for and the run has tried least), send a
 * material the lead has not had (the first in library order), and after five unanswered touches
 * pause for 30 days or close. No steps when the lead is not quiet; a step with nothing to offer
 * (no other channel, every material sent) is left out.
 */
export function quietPlaybook({
  touches,
  details,
  materialIds,
  sentMaterialIds,
  today,
}: {
  touches: readonly DatedTouch[];
  details: ContactDetails;
  /** The seeker's materials, in library order. */
  materialIds: readonly string[];
  /** Materials this lead already got. */
  sentMaterialIds: ReadonlySet<string>;
  today: CalendarDate;
}): Quiet & { steps: QuietStep[] } {
  const state = quietState(touches);
  if (!state.quiet) return { ...state, steps: [] };
  const steps: QuietStep[] = [];

  const latest = state.channelsTried.at(-1);
  const tries = (channel: string) => state.channelsTried.filter((tried) => tried === channel).length;
  const others = reachableChannels(details).filter((channel) => channel !== latest);
  // reachableChannels is ordered phone first, so the first least-tried one is the phone when untried.
  const switchTo = others.reduce<SuggestibleChannel | null>(
    (best, channel) => (best === null || tries(channel) < tries(best) ? channel : best),
    null,
  );
  if (switchTo !== null) steps.push({ kind: "switch_channel", channel: switchTo });

  const unsent = materialIds.find((id) => !sentMaterialIds.has(id));
  if (unsent !== undefined) steps.push({ kind: "send_material", materialId: unsent });

  if (state.unanswered >= GIVE_UP_AFTER_TOUCHES) {
    steps.push({ kind: "pause", until: addDays(today, QUIET_PAUSE_DAYS) }, { kind: "close", closedAs: "dropped" });
  }
  return { ...state, steps };
}
