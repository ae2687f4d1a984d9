export type ButtonVariant = "primary" | "secondary" | "danger";

const VARIANT_CLASSES: Record<ButtonVariant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-stone-300 bg-white text-stone-900 hover:bg-stone-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
};

/**
 * The look of every button, and of links that act as one: at least 44 px tall (a touch target),
 * dimmed while disabled. "compact" narrows the sides, for rows of many buttons on a phone.
 */
export function buttonClass(variant: ButtonVariant = "secondary", size: "normal" | "compact" = "normal"): string {
  const sides = size === "compact" ? "px-3" : "px-4";
  return `inline-flex min-h-11 items-center justify-center rounded-md ${sides} py-2 text-sm font-semibold disabled:opacity-60 ${VARIANT_CLASSES[variant]}`;
}
