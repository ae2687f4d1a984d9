import { z } from "zod";
import { CHANNELS, DIRECTIONS, OUTCOMES } from "@/lib/domain";
import { EARLIEST_TOUCH, fromLocalDateTime } from "@/lib/today/local-time";

/** The fields of the log-touch form; the clicked channel button gives "channel". */
export const TOUCH_FIELDS = [
  "leadId",
  "channel",
  "direction",
  "outcome",
  "note",
  "materialId",
  "at",
  "idempotencyKey",
  "confirmTooSoon",
  "confirmMaterialAgain",
] as const;

/** An empty select or field means "not given". */
/** A blank key (spaces alone included) is no key: the touch is simply logged. */
const blankAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** A "save anyway" the seeker gave after a warning: "yes", or nothing. */
const confirmation = z.enum(["", "yes"]).transform((value) => value === "yes");

/** The log-touch form, validated at `now` in the seeker's zone ("When" is read there). */
export function touchSchema({ now, timeZone }: { now: Date; timeZone: string }) {
  return z.object({
    leadId: z.uuid(),
    channel: z.enum(CHANNELS, { error: "Choose how you made contact." }),
    direction: z.preprocess(
      (value) => (value === "" ? "outbound" : value),
      z.enum(DIRECTIONS, { error: "Choose who reached out." }),
    ),
    outcome: z.preprocess(blankAsNull, z.enum(OUTCOMES, { error: "Choose an outcome from the list." }).nullable()),
    note: z.string().trim().max(2000, "Keep the note under 2,000 characters."),
    materialId: z.preprocess(blankAsNull, z.uuid({ error: "Choose one of your materials." }).nullable()),
    // Empty means now: the moment the touch is saved, not the moment the page was drawn.
    at: z
      .string()
      .transform((value, context) => {
        if (value === "") return now;
        const at = fromLocalDateTime(value, timeZone);
        if (at !== null) return at;
        context.addIssue({ code: "custom", message: "Enter a date and time." });
        return z.NEVER;
      })
      .pipe(
        z
          .date()
          .max(now, "That is in the future. Log a touch once it has happened.")
          .min(EARLIEST_TOUCH, "Enter a date in 2000 or later."),
      ),
    idempotencyKey: z.preprocess(blankAsNull, z.string().trim().max(100).nullable()),
    confirmTooSoon: confirmation,
    confirmMaterialAgain: confirmation,
  });
}

/** The fields of a touch's edit form on the lead's page. */
export const TOUCH_EDIT_FIELDS = ["touchId", "at", "channel", "direction", "outcome", "note", "materialId", "confirmMaterialAgain"] as const;

/** Correcting a logged touch: every detail, "When" included (it is shown filled, so empty is a mistake). */
export function touchEditSchema({ now, timeZone }: { now: Date; timeZone: string }) {
  const base = touchSchema({ now, timeZone });
  return z.object({
    touchId: z.uuid(),
    at: z.string().trim().min(1, "Enter a date and time.").pipe(base.shape.at),
    channel: base.shape.channel,
    direction: base.shape.direction,
    outcome: base.shape.outcome,
    note: base.shape.note,
    materialId: base.shape.materialId,
    confirmMaterialAgain: confirmation,
  });
}

/** Undoing a touch just logged on Today (no message: a bad id is a 404). */
export const undoTouchSchema = z.object({ touchId: z.uuid() });
