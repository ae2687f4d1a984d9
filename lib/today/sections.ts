/**
 * How many rows each part of Today shows at most. Today is a day's to-do list, not the whole list:
 * however many leads go cold or come up (an import of thousands can make hundreds), the page stays
 * the same size, and the rest is one link away on Leads, where it is filtered and paged.
 */
export const TODAY_ROWS = { work: 50, cold: 5, coming: 5 } as const;

/** The first `limit` rows, in order, and how many are left out. */
export function firstRows<T>(rows: readonly T[], limit: number): { shown: T[]; more: number } {
  const shown = rows.slice(0, Math.max(0, limit));
  return { shown, more: rows.length - shown.length };
}
