import { z } from "zod";
import { addDays, CLOSED_AS, isCalendarDate, type CalendarDate } from "@/lib/domain";
import { cadenceDaysSchema } from "@/lib/domain/cadence-schema";
import { formatDay } from "@/lib/format/dates";

// The limits live apart from the schemas (no zod there), for the forms in the browser to import.
export { CADENCE_MAX_DAYS, CADENCE_MIN_DAYS, LEAD_TEXT_LIMITS } from "./limits";
import { LEAD_TEXT_LIMITS } from "./limits";

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

/**
 * An address typed as people say it, without the scheme: a host name of dotted labels ending in a
 * top-level domain of letters, then nothing or a port, path, query or fragment ("www.example.com",
 * "linkedin.com/in/ann", "example.com:8080/x"). "javascript:…", "localhost" or "//host" are not.
 */
const SCHEMELESS_ADDRESS = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?=$|[:/?#])/i;

/** The address as stored: a scheme-less one gets https:// in front; anything else as typed. */
export function withScheme(value: string): string {
  return SCHEMELESS_ADDRESS.test(value) ? `https://${value}` : value;
}

/** An optional http(s) address ("www.example.com" becomes "https://www.example.com"); "" when left empty. */
export function optionalHttpUrl(max: number, message = "Enter an address like www.example.com or https://example.com.") {
  return text(max)
    .transform(withScheme)
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
  linkedinUrl: optionalHttpUrl(LEAD_TEXT_LIMITS.linkedinUrl, "Enter a LinkedIn address like linkedin.com/in/your-name."),
  notes: text(LEAD_TEXT_LIMITS.notes),
});

// One home for the 3-to-30-day rule and its message (lib/domain/cadence.ts).
const cadenceDays = cadenceDaysSchema;

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
    `Choose a date after today (${formatDay(today)}).`,
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

/** "Move to position…": a whole number from 1 (first in the list); past the end means last. */
export const moveToPositionSchema = z.object({
  position: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, "Enter a position: a whole number, 1 for the top of the list.")
    .transform(Number)
    .refine((position) => position >= 1, "Enter a position: a whole number, 1 for the top of the list."),
});

/** "Try with sample data" and "Clear sample data": the screen the answer goes back to (Today or Leads). */
export const sampleDataSchema = z.object({ returnTo: z.enum(["today", "leads"]).catch("leads") });
