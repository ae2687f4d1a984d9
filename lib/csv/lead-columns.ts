import { LEAD_FORM_FIELDS } from "@/lib/leads/schemas";

/** The lead fields a CSV file can fill, in export order: those of the lead form. */
export const LEAD_CSV_FIELDS = LEAD_FORM_FIELDS;
export type LeadCsvField = (typeof LEAD_CSV_FIELDS)[number];

/** The header Cadence writes for each field (and reads back). */
export const LEAD_CSV_HEADERS: Record<LeadCsvField, string> = {
  company: "Company",
  contactName: "Contact name",
  title: "Title",
  email: "E-mail",
  phone: "Phone",
  linkedinUrl: "LinkedIn URL",
  notes: "Notes",
  personalNotes: "Personal notes",
  cadenceDays: "Cadence (days)",
};

/** Header spellings met in the wild, compared after `headerKey`. */
const SYNONYMS: Record<LeadCsvField, string[]> = {
  company: ["company", "companyname", "organisation", "organization", "org", "employer", "business", "firm", "account", "accountname"],
  contactName: ["contactname", "contact", "name", "fullname", "person", "contactperson", "who"],
  title: ["title", "jobtitle", "position", "role", "jobrole"],
  email: ["email", "emailaddress", "mail", "contactemail", "workemail"],
  phone: ["phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "workphone"],
  linkedinUrl: ["linkedin", "linkedinurl", "linkedinprofile", "linkedinprofileurl", "profileurl", "linkedinpage"],
  notes: ["notes", "note", "comments", "comment", "remarks"],
  personalNotes: ["personalnotes", "personaldetails", "personal"],
  cadenceDays: ["cadence", "cadencedays", "followupdays", "followupinterval"],
};

/** Case, accents, spaces and punctuation do not matter: "E-mail Address " is "emailaddress". */
export function headerKey(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const FIELD_BY_KEY = new Map<string, LeadCsvField>(
  LEAD_CSV_FIELDS.flatMap((field) => SYNONYMS[field].map((key) => [key, field] as const)),
);

export function matchLeadHeader(header: string): LeadCsvField | null {
  return FIELD_BY_KEY.get(headerKey(header)) ?? null;
}

export type HeaderMapping = {
  /** For each column of the file, the field it fills (null: ignored). */
  columns: (LeadCsvField | "firstName" | "lastName" | null)[];
  /** Headers of the file that fill no field. */
  ignored: string[];
};

const FIRST_NAME_KEYS = new Set(["firstname", "givenname", "forename"]);
const LAST_NAME_KEYS = new Set(["lastname", "surname", "familyname"]);

/**
 * Which column fills which field. The first column matching a field wins (a second is ignored);
 * "First name" and "Last name" columns (as in LinkedIn's export) make the contact name when no
 * name column is given. Null when no column names the company, the one field a lead needs.
 */
export function mapLeadHeaders(headers: readonly string[]): HeaderMapping | null {
  const taken = new Set<string>();
  const columns = headers.map((header) => {
    const key = headerKey(header);
    const field = FIELD_BY_KEY.get(key) ?? (FIRST_NAME_KEYS.has(key) ? "firstName" : LAST_NAME_KEYS.has(key) ? "lastName" : null);
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
  if (!taken.has("company")) return null;
  const nameSplit = !taken.has("contactName");
  const finalColumns = columns.map((field) => (!nameSplit && (field === "firstName" || field === "lastName") ? null : field));
  const ignored = headers.filter((header, index) => finalColumns[index] === null && header.trim() !== "");
  return { columns: finalColumns, ignored };
}

/** The cells of one row as the lead fields they fill (absent fields are ""). */
export function rowToFields(mapping: HeaderMapping, cells: readonly string[]): Record<LeadCsvField, string> {
  const fields = Object.fromEntries(LEAD_CSV_FIELDS.map((field) => [field, ""])) as Record<LeadCsvField, string>;
  let firstName = "";
  let lastName = "";
  mapping.columns.forEach((field, index) => {
    const cell = cells[index] ?? "";
    if (field === "firstName") firstName = cell.trim();
    else if (field === "lastName") lastName = cell.trim();
    else if (field) fields[field] = cell;
  });
  if (firstName || lastName) fields.contactName = [firstName, lastName].filter(Boolean).join(" ");
  return fields;
}
