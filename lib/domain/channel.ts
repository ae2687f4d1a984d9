import { CHANNELS, type Channel, type TouchFact } from "./pace";
import { compareTouches, type DatedTouch } from "./touch";

/** How many recent outbound touches the variety rule looks at. */
const VARIETY_WINDOW = 3;

function outboundNewestFirst(touches: readonly TouchFact[]): TouchFact[] {
  return touches
    .filter((touch) => touch.direction === "outbound")
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/**
 * The channel to suggest for a lead's next touch, from its touches (any order; inbound ones are
 * ignored). After two outbound e-mails in a row: the phone. Otherwise the channel used least in
 * the last three outbound touches, ties going to the earliest in CHANNELS (phone first). Every
 * channel counts, an unused one as 0, so with three touches at most three channels are taken and
 * the suggestion is always phone, email, linkedin or in_person; with no touch it is phone.
 * @deprecated Use `suggestChannelFor(touches, details)`: it offers only channels the lead has
 * details for (phone, email, linkedin; never in person), may say none (null), and orders touches by
 * their stored local date.
 */
export function suggestChannel(touches: readonly TouchFact[]): Channel {
  const recent = outboundNewestFirst(touches).slice(0, VARIETY_WINDOW);
  const [newest, secondNewest] = recent;
  if (newest?.channel === "email" && secondNewest?.channel === "email") return "phone";

  const uses = channelCounts(recent);
  // CHANNELS is non-empty and ordered phone first, so the first minimum is the tie-break winner.
  return CHANNELS.reduce((best, channel) => (uses[channel] < uses[best] ? channel : best));
}

function channelCounts(touches: readonly TouchFact[]): Record<Channel, number> {
  const counts = Object.fromEntries(CHANNELS.map((channel) => [channel, 0])) as Record<Channel, number>;
  for (const touch of touches) counts[touch.channel] += 1;
  return counts;
}

/** Outbound touches per channel (the seeker's own effort); every channel present, 0 if unused. */
export function channelMix(touches: readonly TouchFact[]): Record<Channel, number> {
  return channelCounts(touches.filter((touch) => touch.direction === "outbound"));
}

/** Share (0..1) of outbound touches made by phone; 0 when there is no outbound touch. */
export function phoneShare(touches: readonly TouchFact[]): number {
  const mix = channelMix(touches);
  const outbound = CHANNELS.reduce((sum, channel) => sum + mix[channel], 0);
  return outbound === 0 ? 0 : mix.phone / outbound;
}

/** The channels the app may suggest by itself; in person, letter and other never are. */
export const SUGGESTIBLE_CHANNELS = ["phone", "email", "linkedin"] as const satisfies readonly Channel[];
export type SuggestibleChannel = (typeof SUGGESTIBLE_CHANNELS)[number];

/** A lead's contact details as stored ("" or null when missing). */
export type ContactDetails = { phone?: string | null; email?: string | null; linkedinUrl?: string | null };

/** The suggestible channels the lead has details for: phone needs a number, e-mail an address, LinkedIn a profile. */
export function reachableChannels(details: ContactDetails): SuggestibleChannel[] {
  const has = (value: string | null | undefined) => (value ?? "").trim() !== "";
  const available: Record<SuggestibleChannel, boolean> = {
    phone: has(details.phone),
    email: has(details.email),
    linkedin: has(details.linkedinUrl),
  };
  return SUGGESTIBLE_CHANNELS.filter((channel) => available[channel]);
}

/**
 * The channel to suggest for a lead's next touch, or null when the lead has no phone number,
 * e-mail address nor LinkedIn profile. After two outbound e-mails in a row: the phone. Otherwise
 * the channel used least in the last three outbound touches, phone first on a tie. Only channels
 * the lead has details for; never in person or letter. Touches in any order (day, then instant).
 * Replaces `suggestChannel`, which ignores the lead's details.
 */
export function suggestChannelFor(
  touches: readonly Pick<DatedTouch, "at" | "localDate" | "channel" | "direction">[],
  details: ContactDetails,
): SuggestibleChannel | null {
  const available = reachableChannels(details);
  if (available.length === 0) return null;
  const recent = touches
    .filter((touch) => touch.direction === "outbound")
    .sort((a, b) => compareTouches(b, a))
    .slice(0, VARIETY_WINDOW);
  const [newest, secondNewest] = recent;
  if (newest?.channel === "email" && secondNewest?.channel === "email" && available.includes("phone")) return "phone";
  const uses = channelCounts(recent);
  // `available` keeps SUGGESTIBLE_CHANNELS order (phone first), so the first minimum wins ties.
  return available.reduce((best, channel) => (uses[channel] < uses[best] ? channel : best));
}
