import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import path from "node:path";
import postgres from "postgres";
import type { DbHandle } from "./client";

const defaultMigrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Held while one process migrates a PostgreSQL database (the pace job's lock is 730_210_001). */
export const MIGRATION_LOCK = 730_210_002;

/**
 * Brings the database up to the newest migration. On PostgreSQL several app servers may start at once
 * on one database: each migrates under a session advisory lock, so the others wait, then find nothing
 * to do (without it, two could race on `CREATE SCHEMA "drizzle"` or apply one migration twice). PGlite's
 * folder belongs to one process anyway.
 */
export async function migrateDb(handle: DbHandle, { migrationsFolder = defaultMigrationsFolder } = {}): Promise<void> {
  if (handle.kind === "pglite") {
    // The migrator only reads the drizzle session; the cast picks the one that matches the driver.
    await migratePglite(handle.db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder });
    return;
  }
  if (!handle.url) throw new Error("migrateDb: a PostgreSQL handle needs its url, to hold the migration lock on a connection of its own");
  // One connection for the lock and every statement of the migration: a session lock belongs to a
  // connection, and a pool could run the migration on another one.
  const client = postgres(handle.url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    // Closing the connection releases the lock too, should the migration have failed.
    await client.end({ timeout: 5 });
  }
}
