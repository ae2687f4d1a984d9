import type { Logger } from "drizzle-orm/logger";

/**
 * Counts the SQL statements the app sends through Drizzle, for `npm run bench:today` only.
 * On when CADENCE_COUNT_QUERIES=1: db/client.ts then gives Drizzle this logger, and the route
 * /today/query-count (also only on under the flag) reads and resets the count. The count is one
 * per process, not per request: it is exact while requests come one at a time, as in the bench.
 * Transaction BEGIN/COMMIT are not statements Drizzle logs, so they are not counted.
 */
export const COUNT_QUERIES_FLAG = "CADENCE_COUNT_QUERIES";

// On globalThis: Next may load this module more than once (one copy per route bundle).
const store = globalThis as unknown as { cadenceQueryCount?: number };

export function isCountingQueries(): boolean {
  return process.env[COUNT_QUERIES_FLAG] === "1";
}

/** The logger for drizzle(), or undefined (no logging at all) when counting is off. */
export function queryCountingLogger(): Logger | undefined {
  if (!isCountingQueries()) return undefined;
  return {
    logQuery: () => {
      store.cadenceQueryCount = (store.cadenceQueryCount ?? 0) + 1;
    },
  };
}

/** Statements counted since the last reset. */
export function queryCount(): number {
  return store.cadenceQueryCount ?? 0;
}

export function resetQueryCount(): void {
  store.cadenceQueryCount = 0;
}
