import type { z } from "zod";

/** What every server action answers; `values` gives a failed form its input back (never passwords). */
export type ActionResult =
  | { ok: true; message?: string }
  | { ok: false; fieldErrors: Record<string, string[]>; message: string; values?: Record<string, string> };

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

/** The named text fields of a form, for validation and to hand back on failure. */
export function formValues<K extends string>(formData: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(
    names.map((name) => {
      const value = formData.get(name);
      return [name, typeof value === "string" ? value : ""];
    }),
  ) as Record<K, string>;
}
