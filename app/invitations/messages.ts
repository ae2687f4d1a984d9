import type { AnswerOutcome } from "@/db/queries/coach-invitations";

type Problem = Extract<AnswerOutcome, { ok: false }>["reason"];

/** Why an invitation cannot be answered, in words that say what to do next. */
export const INVITATION_PROBLEMS: Record<Problem, string> = {
  not_found: "There is no invitation with this link or code. Check it with the person who sent it.",
  unverified: "Confirm your e-mail address first (open the link we sent you, or send it again from the banner above): an invitation sent to an address is for whoever reads its mail.",
  own: "This is your own invitation: send the link or the code to the person who should answer it.",
  expired: "This invitation has expired. Ask for a new one.",
  used: "This invitation has already been used. Ask for a new one.",
  declined: "This invitation was declined. Ask for a new one if you changed your mind.",
};
