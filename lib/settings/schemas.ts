import { z } from "zod";
import { newPasswordSchema, personNameSchema, signInSchema } from "@/lib/auth/schemas";
import { isCalendarDate } from "@/lib/domain";
import { USES } from "@/lib/settings/uses";
import { timeZoneSchema } from "@/lib/time-zone";

/** The profile form: name and time zone. */
export const profileSchema = z.object({
  name: personNameSchema,
  timeZone: timeZoneSchema,
});

/** Settings › What you use Cadence for: an answer is required here (the radio always holds one). */
export const usesFormSchema = z.object({
  uses: z.enum(USES, { error: "Choose what you use Cadence for." }),
});

/** The password form: the current password (checked against the stored hash later) and a new one. */
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024, "That password is too long."),
  newPassword: newPasswordSchema,
});

function wholeNumber(min: number, max: number) {
  const message = `Enter a whole number from ${min} to ${max}.`;
  return z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
}

/** The campaign form; `contactDays` is every checked box (FormData.getAll). */
export const campaignSchema = z.object({
  // Empty: no campaign (nothing is planned).
  campaignStartDate: z.union([
    z.literal("").transform(() => null),
    z
      .string()
      .refine((value) => isCalendarDate(value) && value >= "2000-01-01" && value <= "2100-12-31", "Enter a date, such as next Monday."),
  ]),
  firstContactsPerWeek: wholeNumber(1, 7),
  contactDays: z
    .array(z.enum(["0", "1", "2", "3", "4", "5", "6"], { error: "Choose days of the week." }))
    .min(1, "Choose at least one contact day.")
    .transform((days) => [...new Set(days.map(Number))].sort((a, b) => a - b)),
});

/** The seeker invites a coach by e-mail (the address as sign-in reads it). */
export const coachInviteSchema = z.object({ email: signInSchema.shape.email });

/** The seeker ends a coach's access. */
export const endCoachConnectionSchema = z.object({ coachId: z.uuid("This coach is not valid.") });

/** One of the user's devices to sign out (Settings, "Devices signed in"). */
export const signOutDeviceSchema = z.object({ sessionId: z.uuid("This device is not signed in.") });

/** Settings › E-mail address: the new address, and the current password (checked as a sign-in is). */
export const emailChangeSchema = z.object({
  newEmail: signInSchema.shape.email,
  password: passwordChangeSchema.shape.currentPassword,
});

/** Deleting the account is confirmed with the password (checked against the stored hash later). */
export const accountDeletionSchema = z.object({
  password: z.string().min(1, "Enter your password to delete your account.").max(1024, "That password is too long."),
});
