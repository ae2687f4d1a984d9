import "server-only";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { preparePrivateFolder, readEnv, restrictToOwner } from "@/lib/server/env";
import { queryCountingLogger } from "./query-counter";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = {
  db: Db;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
  /** The server's URL (PostgreSQL): migrating opens a connection of its own to hold the migration lock. */
  url?: string;
};

/** A client on a PostgreSQL server when `url` is given, else on embedded PGlite in `dataDir` (or in memory). */
export function openDb(options: { url?: string; dataDir?: string; prepare?: boolean }): DbHandle {
  if (options.url) {
    const client = postgres(options.url, {
      max: 10,
      onnotice: () => {},
      // While the server is down, a waiting query fails at the next connection attempt: keep attempts
      // at most half a second apart (the default backs off to 20 s, and pages would hang that long).
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
      connect_timeout: 5,
      // Every statement of the app is short; JIT compiling one the planner overrates (the Clients
      // page's per-client lateral joins) costs tens of milliseconds and saves nothing.
      connection: { jit: "off" },
    });
    return {
      db: drizzlePostgres(options.prepare === false ? client : preparingEvery(client), { schema, logger: queryCountingLogger() }) as unknown as Db,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
      url: options.url,
    };
  }
  // Only its owner may read it: it holds password hashes.
  if (options.dataDir) preparePrivateFolder(options.dataDir);
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  // Registered before any query, so it runs before the first one: the files PGlite laid out at start
  // lose their group and other bits (those it creates later get the umask's).
  const { dataDir } = options;
  if (dataDir) {
    void client.waitReady
      .then(() => restrictToOwner(dataDir))
      // A failed start is reported by the first query; a failed chmod leaves the 0700 folder guarding.
      .catch((error: unknown) => console.warn(`Could not make the files in ${dataDir} the owner's only:`, error));
  }
  return {
    db: drizzlePglite(client, { schema, logger: queryCountingLogger() }) as unknown as Db,
    kind: "pglite",
    close: () => client.close(),
  };
}

/**
 * The client with every statement prepared: parsed and planned once per connection, then only run.
 * Drizzle asks postgres.js for a named (kept) statement only for a query given a name, so every
 * request parsed and planned its statements again, and spent a round trip learning their parameters'
 * types first: the Clients page's statement took 3.8 ms to plan and 2.2 ms to run. postgres.js keeps
 * a connection's statements until it ends (at most an hour: `max_lifetime`). Off with
 * DATABASE_PREPARED_STATEMENTS=off, for a pooler that cannot keep statements (transaction mode).
 */
function preparingEvery<T extends postgres.Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      switch (property) {
        case "unsafe":
          return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
            target.unsafe(query, params, { ...options, prepare: true });
        // A transaction's (and a savepoint's) own client prepares the same way.
        case "begin":
        case "savepoint":
          return (...args: unknown[]) => {
            const body = args.pop() as (tx: postgres.Sql) => unknown;
            const start = Reflect.get(target, property) as (...all: unknown[]) => unknown;
            return start(...args, (tx: postgres.Sql) => body(preparingEvery(tx)));
          };
        default:
          return Reflect.get(target, property, receiver);
      }
    },
  });
}

// One client per process, kept on globalThis so hot reload in dev does not open another
// (PGlite's data folder belongs to one instance).
const globalForDb = globalThis as unknown as { cadenceDb?: DbHandle };

export function appDb(): DbHandle {
  if (!globalForDb.cadenceDb) {
    const env = readEnv();
    if (!env.DATABASE_URL) preparePrivateFolder(env.CADENCE_DATA_DIR);
    globalForDb.cadenceDb = openDb(
      env.DATABASE_URL
        ? { url: env.DATABASE_URL, prepare: env.DATABASE_PREPARED_STATEMENTS !== "off" }
        : { dataDir: `${env.CADENCE_DATA_DIR}/pglite` },
    );
  }
  return globalForDb.cadenceDb;
}

export function db(): Db {
  return appDb().db;
}

/** The rows of a raw `db.execute`: postgres.js returns them as the result, PGlite inside `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
