import "server-only";
import type { Logger } from "drizzle-orm/logger";

/**
 * Counts the SQL statements the app sends through Drizzle, for tests and benches only; off (no logger
 * at all) otherwise.
 * - CADENCE_COUNT_QUERIES=1 (tests, in-process): db/client.ts gives Drizzle a logger that counts;
 *   `queryCount()` reads and `resetQueryCount()` resets the count of the process.
 * - CADENCE_LOG_QUERIES=1 (a bench's own server): each statement is one line on standard output
 *   starting with QUERY_LOG_PREFIX, which the bench counts around one request (scripts/bench-harness.ts).
 *   The app serves no route for it: nothing of the counting is reachable over HTTP.
 * Transaction BEGIN/COMMIT are not statements Drizzle logs, so they are not counted.
 */
export const COUNT_QUERIES_FLAG = "CADENCE_COUNT_QUERIES";
export const LOG_QUERIES_FLAG = "CADENCE_LOG_QUERIES";
export const QUERY_LOG_PREFIX = "cadence-sql:";

// On globalThis: Next may load this module more than once (one copy per route bundle).
const store = globalThis as unknown as { cadenceQueryCount?: number };

/** The logger for drizzle(), or undefined (no logging at all) when neither flag is on. */
export function queryCountingLogger(): Logger | undefined {
  const counting = process.env[COUNT_QUERIES_FLAG] === "1";
  const logging = process.env[LOG_QUERIES_FLAG] === "1";
  if (!counting && !logging) return undefined;
  return {
    logQuery: (query) => {
      if (counting) store.cadenceQueryCount = (store.cadenceQueryCount ?? 0) + 1;
      // One line per statement, its first words only (no parameters): enough to read what ran.
      if (logging) process.stdout.write(`${QUERY_LOG_PREFIX} ${query.replace(/\s+/g, " ").slice(0, 80)}\n`);
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
