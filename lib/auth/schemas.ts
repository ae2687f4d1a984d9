import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";
import { usesSchema } from "@/lib/settings/uses-schema";
import { timeZoneSchema } from "@/lib/time-zone";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-rules";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your e-mail address.").max(254, "That e-mail address is too long.").pipe(z.email("Enter a valid e-mail address.")),
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});

const commonPasswords = new Set(
  (dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()),
);

// OWASP ASVS 2.1: at least 8 characters, at least 64 allowed, no composition rules, common ones refused.
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((password) => !commonPasswords.has(password.toLowerCase()), {
    message: "This password is too common. Choose one that is harder to guess.",
  });

/** A person's name as sign-up and the profile form take it. */
export const personNameSchema = z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");

/** The sign-up form: the e-mail as sign-in reads it, a password strong enough, a known time zone, what brings them. */
export const signUpSchema = z.object({
  name: personNameSchema,
  email: signInSchema.shape.email,
  password: newPasswordSchema,
  timeZone: timeZoneSchema,
  uses: usesSchema,
  // "E-mail me the day's work each morning" (the morning digest): a ticked box sends "on".
  digest: z.enum(["", "on"]).transform((value) => value === "on"),
});
