import { CADENCE_RANGE_DAYS } from "@/lib/domain/cadence";

// Without zod: the lead forms in the browser import these (lib/leads/schemas.ts re-exports them).

// The database holds every lead to this range (a check constraint).
export const CADENCE_MIN_DAYS = CADENCE_RANGE_DAYS.min;
export const CADENCE_MAX_DAYS = CADENCE_RANGE_DAYS.max;

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
