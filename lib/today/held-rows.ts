/**
 * Today keeps a row being logged where it was for a few seconds ("Logged … · Undo"), whatever the
 * new list says, so the rows below never slide under a finger about to tap again.
 */

/** An item of Today's list: a section heading or a lead's row. */
export type ListItem = { key: string; heading?: boolean };

/** A row held in place: the item and every item shown before it when it was held. */
export type HeldItem<T extends ListItem> = { item: T; before: readonly T[] };

/**
 * The new list with each held row back where it was: taken out of wherever the new list put it
 * (or added back if the new list dropped it), then put after the last item that was before it and
 * still is. Its section heading stays with it (a "Gone cold" whose only row was touched).
 * Everything else keeps the new list's order.
 */
export function keepInPlace<T extends ListItem>(next: readonly T[], held: readonly HeldItem<T>[]): T[] {
  const heldKeys = new Set(held.map(({ item }) => item.key));
  const result = next.filter((item) => !heldKeys.has(item.key));
  for (const { item, before } of held) {
    const shown = new Set(result.map((entry) => entry.key));
    const anchor = before.findLast((entry) => shown.has(entry.key));
    const at = anchor === undefined ? 0 : result.findIndex((entry) => entry.key === anchor.key) + 1;
    const heading = before.findLast((entry) => entry.heading);
    const lostHeading = heading !== undefined && !shown.has(heading.key) && !heldKeys.has(heading.key);
    result.splice(at, 0, ...(lostHeading ? [heading, item] : [item]));
  }
  return result;
}
