import { CHANNELS, type Channel, type TouchFact } from "./pace";

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
