import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { openDb, rowsOf, type Db, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { COUNT_QUERIES_FLAG } from "@/db/query-counter";

/**
 * A migrated database of its own for one test file: a new database with a unique name on the
 * server named by TEST_DATABASE_URL (dropped at the end), or else an in-memory PGlite.
 */
export async function createTestDb(): Promise<DbHandle & { kind: DbHandle["kind"] }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = openDb({});
    await migrateDb(handle);
    return handle;
  }
  const name = `cadence_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDb({ url: url.toString() });
  await migrateDb(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** Empties every table of the app between tests (faster than a new database). */
export async function truncateAll(db: Db): Promise<void> {
  const result = await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`);
  const tables = rowsOf<{ tablename: string }>(result).map((row) => `"${row.tablename}"`);
  if (tables.length > 0) await db.execute(sql.raw(`truncate ${tables.join(", ")} restart identity cascade`));
}

/**
 * A test file's database: created before its tests (with `countQueries`, its client counts
 * statements; with `asAppDb`, it is what `db()` answers, for actions and route handlers), emptied
 * before each test unless `truncate` is false, dropped after them.
 */
export function setUpTestDb({ countQueries = false, asAppDb = false, truncate = true } = {}) {
  let handle: DbHandle | undefined;
  const globalForDb = globalThis as unknown as { cadenceDb?: DbHandle };
  beforeAll(async () => {
    if (countQueries) process.env[COUNT_QUERIES_FLAG] = "1";
    try {
      handle = await createTestDb();
    } finally {
      if (countQueries) delete process.env[COUNT_QUERIES_FLAG];
    }
    if (asAppDb) globalForDb.cadenceDb = handle;
  });
  afterAll(async () => {
    if (asAppDb) delete globalForDb.cadenceDb;
    await handle?.close();
  });
  if (truncate) beforeEach(async () => truncateAll(handle!.db));
  return {
    get db(): Db {
      if (!handle) throw new Error("setUpTestDb: the database exists only inside tests and hooks");
      return handle.db;
    },
    get kind(): DbHandle["kind"] {
      return handle?.kind ?? (process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
    },
  };
}
