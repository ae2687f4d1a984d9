import { z } from "zod";
import { addDays, CLOSED_AS, isCalendarDate, type CalendarDate } from "@/lib/domain";

export const CADENCE_MIN_DAYS = 1;
export const CADENCE_MAX_DAYS = 90;

export const LEAD_TEXT_LIMITS = {
  company: 200,
  contactName: 200,
  title: 200,
  email: 254,
  phone: 50,
  linkedinUrl: 500,
  notes: 5000,
  personalNotes: 5000,
  closedReason: 500,
} as const;

function text(max: number) {
  return z.string().trim().max(max, `Use at most ${max} characters.`);
}

/** True for an absolute http:// or https:// address (nothing else is ever made a link). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

// Spreadsheets often hold profile addresses without the scheme ("linkedin.com/in/…").
const SCHEMELESS_LINKEDIN = /^(www\.)?linkedin\.com\//i;

/** An optional http(s) address; "" when left empty. */
export function optionalHttpUrl(max: number, message = "Enter an address starting with http:// or https://.") {
  return text(max)
    .transform((value) => (SCHEMELESS_LINKEDIN.test(value) ? `https://${value}` : value))
    .refine((value) => value === "" || isHttpUrl(value), message);
}

const optionalEmail = text(LEAD_TEXT_LIMITS.email).pipe(
  z.union([z.literal(""), z.email({ error: "Enter a valid e-mail address, or leave it empty." })]),
);

const optionalPhone = text(LEAD_TEXT_LIMITS.phone).refine(
  (value) => value === "" || (/^[0-9+()./\s-]+(\s*(x|ext\.?)\s*\d+)?$/i.test(value) && /\d{3}/.test(value.replace(/\D/g, ""))),
  "Enter a phone number (digits, spaces, + - ( ) only), or leave it empty.",
);

/** The lead fields a CSV row can carry. */
export const leadContactSchema = z.object({
  company: text(LEAD_TEXT_LIMITS.company).min(1, "Enter the company."),
  contactName: text(LEAD_TEXT_LIMITS.contactName),
  title: text(LEAD_TEXT_LIMITS.title),
  email: optionalEmail,
  phone: optionalPhone,
  linkedinUrl: optionalHttpUrl(LEAD_TEXT_LIMITS.linkedinUrl, "Enter a LinkedIn address starting with http:// or https://."),
  notes: text(LEAD_TEXT_LIMITS.notes),
});

const cadenceDays = z.coerce
  .number({ error: `Enter a number of days from ${CADENCE_MIN_DAYS} to ${CADENCE_MAX_DAYS}.` })
  .int(`Enter a whole number of days from ${CADENCE_MIN_DAYS} to ${CADENCE_MAX_DAYS}.`)
  .min(CADENCE_MIN_DAYS, `Enter a number of days from ${CADENCE_MIN_DAYS} to ${CADENCE_MAX_DAYS}.`)
  .max(CADENCE_MAX_DAYS, `Enter a number of days from ${CADENCE_MIN_DAYS} to ${CADENCE_MAX_DAYS}.`);

/** Everything the add and edit forms set. */
export const leadFormSchema = leadContactSchema.extend({
  personalNotes: text(LEAD_TEXT_LIMITS.personalNotes),
  cadenceDays,
});
export type LeadInput = z.infer<typeof leadFormSchema>;
export const LEAD_FORM_FIELDS = [
  "company",
  "contactName",
  "title",
  "email",
  "phone",
  "linkedinUrl",
  "notes",
  "personalNotes",
  "cadenceDays",
] as const;

/** A calendar date typed in a date field. */
export function calendarDateSchema(message = "Enter a date.") {
  return z
    .string()
    .trim()
    .refine((value) => isCalendarDate(value), { message, abort: true });
}

/** A pause ends on a day after today (in the seeker's zone): pausing until today is no pause. */
export function pauseUntilSchema(today: CalendarDate) {
  return calendarDateSchema("Enter the date the lead comes back.").refine(
    (value) => value > today,
    `Choose a date after today (${today}).`,
  );
}

/** A hand-set next due date ("they said call back on …"): today or later, within two years. */
export function nextDueSchema(today: CalendarDate) {
  return calendarDateSchema("Enter the date to follow up.")
    .refine((value) => value >= today, `Choose today (${today}) or a later date.`)
    .refine((value) => value <= addDays(today, 730), "Choose a date within the next two years.");
}

/** The pause form of one lead. */
export function pauseLeadFormSchema(today: CalendarDate) {
  return z.object({ pausedUntil: pauseUntilSchema(today) });
}

/** The list's bulk pause: one date for every selected lead. */
export function bulkPauseFormSchema(today: CalendarDate) {
  return z.object({ bulkPausedUntil: pauseUntilSchema(today) });
}

/** The next-due form of one lead. */
export function nextDueFormSchema(today: CalendarDate) {
  return z.object({ nextDue: nextDueSchema(today) });
}

/** Closing as dropped needs a reason; a win may say what it was. */
export const closeLeadSchema = z
  .object({
    closedAs: z.enum(CLOSED_AS, { error: "Choose won or dropped." }),
    closedReason: text(LEAD_TEXT_LIMITS.closedReason),
  })
  .refine((value) => value.closedAs === "won" || value.closedReason.length > 0, {
    path: ["closedReason"],
    message: "Say why you are dropping it.",
  });

/** A lead as a CSV row or the import's confirm step gives it: personal notes and cadence optional. */
export const leadImportSchema = leadContactSchema.extend({
  personalNotes: text(LEAD_TEXT_LIMITS.personalNotes).default(""),
  cadenceDays: z.preprocess((value) => (value === "" || value === undefined ? 7 : value), cadenceDays),
});
export type LeadImportValues = z.infer<typeof leadImportSchema>;
