import { z } from "zod";

/**
 * Accepting or declining an invitation named by its link token, its typed code, or its id
 * (at least one of them).
 */
export const answerInvitationSchema = z
  .object({
    answer: z.enum(["accept", "decline"], { error: "Choose to accept or decline." }),
    token: z.string().max(200, "This invitation link is not valid."),
    code: z.string().max(40, "Enter the code of 8 letters and digits."),
    invitationId: z.union([z.literal(""), z.uuid("This invitation is not valid.")]),
  })
  .refine((value) => Boolean(value.token || value.code || value.invitationId), {
    error: "This invitation is not valid.",
    path: ["form"],
  });

/** Withdrawing an invitation nobody has answered yet. */
export const withdrawInvitationSchema = z.object({ invitationId: z.uuid("This invitation is not valid.") });
