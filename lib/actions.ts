import type { z } from "zod";

/** What every server action answers; `values` gives a failed form its input back (never passwords). */
export type ActionResult =
  /** `id`: the record the action created, for a client that offers to undo it (a touch on Today). */
  | { ok: true; message?: string; id?: string }
  | {
      ok: false;
      fieldErrors: Record<string, string[]>;
      message: string;
      values?: Record<string, string>;
      /** A proof-of-work challenge (lib/auth/proof-of-work.ts): the browser solves it and sends the form again. */
      challenge?: string;
    };

export type ActionState = ActionResult | null;

export function invalid(
  error: z.ZodError,
  values?: Record<string, string>,
  message = "Please correct the highlighted fields.",
): ActionResult {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors, message, values };
}

export function failure(
  message: string,
  fieldErrors: Record<string, string[]> = {},
  values?: Record<string, string>,
): ActionResult {
  return { ok: false, fieldErrors, message, values };
}

/** A refusal that the browser can overcome by paying a proof of work (app/components/proof-of-work.tsx). */
export function challenged(message: string, challenge: string, values?: Record<string, string>): ActionResult {
  return { ok: false, fieldErrors: {}, message, values, challenge };
}

/** U+0000, which no text means and PostgreSQL cannot store (saving it fails the whole statement). */
const NUL = /\u0000/g;
/** Half of a surrogate pair without the other half: no character, and no valid UTF-8 either. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as it can be stored: no NUL characters, a lone surrogate half replaced by U+FFFD (as a form does). */
export function storableText(value: string): string {
  return value.replace(NUL, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** The named text fields of a form (made storable), for validation and to hand back on failure. */
export function formValues<K extends string>(formData: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(
    names.map((name) => {
      const value = formData.get(name);
      return [name, typeof value === "string" ? storableText(value) : ""];
    }),
  ) as Record<K, string>;
}
