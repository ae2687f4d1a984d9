import { z } from "zod";

/** Dismissing a coach's note on Today (no message: a bad id is a 404). */
export const dismissCoachNoteSchema = z.object({ noteId: z.uuid() });
