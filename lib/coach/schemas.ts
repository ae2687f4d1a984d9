import { z } from "zod";

/** A coach's note to a live client. */
export const coachNoteSchema = z.object({
  seekerId: z.uuid("This client is not valid."),
  body: z.string().trim().min(1, "Write the note first.").max(2000, "Keep the note under 2000 characters."),
});

/** The coach ends the connection with a client. */
export const endClientConnectionSchema = z.object({ seekerId: z.uuid("This client is not valid.") });
