export type ButtonVariant = "primary" | "secondary" | "danger";

/**
 * The look of every button, and of links that act as one (the `.btn` classes in globals.css): at
 * least 44 px tall (a touch target), dimmed while disabled. "compact" narrows the sides, for rows of
 * many buttons on a phone.
 */
export function buttonClass(variant: ButtonVariant = "secondary", size: "normal" | "compact" = "normal"): string {
  return size === "compact" ? `btn btn-compact btn-${variant}` : `btn btn-${variant}`;
}
