/**
 * The fuzz tests' view of the database: one SQL statement fingerprints every row of every table
 * (per owner), so a test proves that a refused input wrote nothing and that nobody else's rows
 * changed. Also the users the tests seed.
 */
import { isDeepStrictEqual } from "node:util";
import { expect } from "vitest";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { is, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createUser } from "@/db/queries/users";

export type TestUser = { id: string; name: string; email: string; timeZone: string; sessionEpoch: string };

/** A user with a made-up password hash (only the sign-in tests need a real one). */
export async function addUser(db: Db, name: string, { timeZone = "Europe/Paris", passwordHash = "not-a-hash" } = {}): Promise<TestUser> {
  const user = await createUser(db, { name, email: `${name.toLowerCase()}@example.com`, passwordHash, timeZone });
  if (!user) throw new Error(`could not add ${name}`);
  return user;
}

const appTables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));

/** Columns that tie a row to a user: a row belongs to every user one of them names. */
const OWNER_COLUMNS = new Set(["user_id", "coach_id", "seeker_id", "created_by"]);

function ownerColumns(table: PgTable): string[] {
  const { name, columns } = getTableConfig(table);
  return columns.map((column) => column.name).filter((column) => OWNER_COLUMNS.has(column) || (name === "users" && column === "id"));
}

/**
 * A table's rows hashed per owner: one row per owner (the user ids the row names, joined by "|")
 * with the count and the sum of a 64-bit hash of each row's text. Equal tables hash equal
 * whatever their physical order, with no sort.
 */
function tableHashes(table: PgTable): SQL {
  const owners = ownerColumns(table);
  const owner = owners.length ? sql.join(owners.map((column) => sql`t.${sql.identifier(column)}`), sql`, `) : sql`''`;
  const name = getTableConfig(table).name;
  // No bound parameters (the table's name is written in): a statement with none takes one round trip.
  return sql`select ${sql.raw(`'${name}'`)} as "table", concat_ws('|', ${owner}) as owner, count(*)::text || ':' || sum(hashtextextended(t::text, 0))::text as hash
    from ${sql.identifier(name)} t group by 2`;
}

/** Every table of the app: its rows hashed per owner (the users a row names). */
export type Fingerprint = Record<string, Record<string, string>>;

const fingerprintStatement = sql.join(appTables.map(tableHashes), sql` union all `);
const appTableNames = appTables.map((table) => getTableConfig(table).name);

/** One statement that hashes every row of every table of the app. */
export async function fingerprint(db: Db): Promise<Fingerprint> {
  const statement = fingerprintStatement;
  const print: Fingerprint = Object.fromEntries(appTableNames.map((name) => [name, {}]));
  for (const row of rowsOf<{ table: string; owner: string; hash: string }>(await db.execute(statement))) {
    print[row.table]![row.owner] = row.hash;
  }
  return print;
}

/** The part of a fingerprint that belongs to these users (rows naming any of them). */
export function ownedPart(print: Fingerprint, userIds: readonly string[]): Fingerprint {
  return Object.fromEntries(
    Object.entries(print).map(([table, groups]) => [
      table,
      Object.fromEntries(Object.entries(groups).filter(([owner]) => owner.split("|").some((id) => userIds.includes(id)))),
    ]),
  );
}

/** The fingerprint must see every table of the database; a table added later must be added to the schema first. */
export async function expectFingerprintCoversEveryTable(db: Db): Promise<void> {
  const rows = rowsOf<{ tablename: string }>(await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`));
  expect(Object.keys(await fingerprint(db)).sort()).toEqual(rows.map((row) => row.tablename).sort());
}

/** Nothing changed, but for the tables an action is meant to write even when it refuses (throttle records). */
export function expectNoWrite(before: Fingerprint, after: Fingerprint, allowedTables: readonly string[] = []): void {
  const strip = (print: Fingerprint) => Object.fromEntries(Object.entries(print).filter(([table]) => !allowedTables.includes(table)));
  // Checked first without `expect`, which costs more than the comparison on every run.
  if (!isDeepStrictEqual(strip(after), strip(before))) expect(strip(after), "a refused input wrote to the database").toEqual(strip(before));
}
