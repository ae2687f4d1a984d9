import { z } from "zod";
import { CHANNELS } from "@/lib/domain/pace";
import { DIGEST_HOURS } from "./schedule";

/** A link's secret as a form sends it back; its shape is checked by the look-up (a forged one finds nothing). */
const token = z.string().max(200, "This link is not valid.");

/** The "Done" page's button: the channel the contact was made on (the suggested one unless changed). */
export const doneLinkSchema = z.object({
  token,
  channel: z.enum(CHANNELS, { error: "Choose how you made contact." }),
  confirmTooSoon: z.enum(["", "yes"]).transform((value) => value === "yes"),
});

export const unsubscribeSchema = z.object({ token });

/** Settings › Morning digest. */
export const digestSettingsSchema = z.object({
  enabled: z.enum(["", "on"]).transform((value) => value === "on"),
  // Digits only: coercing would read "" (or a stripped control character) as midnight.
  hour: z
    .string({ error: "Choose an hour from the list." })
    .regex(/^\d{1,2}$/, "Choose an hour from the list.")
    .transform(Number)
    .refine((hour) => DIGEST_HOURS.includes(hour), "Choose an hour from the list."),
});
