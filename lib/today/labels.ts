import type { Channel, Direction, Outcome } from "@/lib/domain";

/** How each channel is named on buttons and in timelines. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  phone: "Phone",
  email: "E-mail",
  linkedin: "LinkedIn",
  in_person: "In person",
  letter: "Letter",
  other: "Other",
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  outbound: "I reached out",
  inbound: "They reached me or replied",
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  no_answer: "No answer",
  left_message: "Left a message",
  conversation: "Conversation",
  replied: "Replied",
  meeting_set: "Meeting set",
  referral: "Referral",
  rejected: "Rejected",
  offer: "Offer",
};
