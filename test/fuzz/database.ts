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
import { createSession } from "@/db/queries/sessions";
import { createUser } from "@/db/queries/users";

export type TestUser = { id: string; name: string; email: string; timeZone: string; sessionId: string };

/** A user with a made-up password hash (only the sign-in tests need a real one), signed in on one device. */
export async function addUser(db: Db, name: string, { timeZone = "Europe/Paris", passwordHash = "not-a-hash" } = {}): Promise<TestUser> {
  const user = await createUser(db, { name, email: `${name.toLowerCase()}@example.com`, passwordHash, timeZone });
  if (!user) throw new Error(`could not add ${name}`);
  const sessionId = await createSession(db, { userId: user.id, device: "Test browser", address: "203.0.113.7", now: new Date() });
  return { ...user, sessionId };
}

const appTables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));

/** Columns that tie a row to a user: a row belongs to every user one of them names. */
const OWNER_COLUMNS = new Set(["user_id", "coach_id", "seeker_id", "created_by"]);

function ownerColumns(table: PgTable): string[] {
  const { name, columns } = getTableConfig(table);
  return columns.map((column) => column.name).filter((column) => OWNER_COLUMNS.has(column) || (name === "users" && column === "id"));
}

/** Marks a fingerprint group by the row's own key: rows of tables without an owner column. */
const ROW = "row:";

/**
 * The owner of a row with no owner column: its own key (`row:<primary key>`), so each such row is
 * a group of its own, and the users its key names (a throttle's key holds an e-mail or a user id).
 */
function rowOwner(table: PgTable): SQL {
  const { primaryKeys, columns } = getTableConfig(table);
  const key = (primaryKeys[0]?.columns ?? columns.filter((column) => column.primary))[0];
  if (!key) throw new Error(`${getTableConfig(table).name} has neither an owner column nor a primary key`);
  if (!columns.some((column) => column.name === "key")) return sql`${sql.raw(`'${ROW}'`)} || t.${sql.identifier(key.name)}::text`;
  // A throttle's rows are known by their key (several rows may count one key), so an attempt can
  // name the keys it may count against, whatever ids its rows get.
  const own = sql`${sql.raw(`'${ROW}'`)} || t.key`;
  const named = sql`(select string_agg(u.id::text, '|' order by u.id) from ${sql.identifier("users")} u
    where position(lower(u.email) in lower(t.key)) > 0 or position(u.id::text in t.key) > 0)`;
  return sql`concat_ws('|', ${named}, ${own})`;
}

/**
 * A table's rows hashed per owner: one row per owner (the user ids the row names, joined by "|")
 * with the count and the sum of a 64-bit hash of each row's text. Equal tables hash equal
 * whatever their physical order, with no sort.
 */
function tableHashes(table: PgTable): SQL {
  const owners = ownerColumns(table);
  const owner = owners.length ? sql`concat_ws('|', ${sql.join(owners.map((column) => sql`t.${sql.identifier(column)}`), sql`, `)})` : rowOwner(table);
  const name = getTableConfig(table).name;
  // No bound parameters (the table's name is written in): a statement with none takes one round trip.
  return sql`select ${sql.raw(`'${name}'`)} as "table", ${owner} as owner, count(*)::text || ':' || sum(hashtextextended(t::text, 0))::text as hash
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

/** A group's owner: the user ids it names, and for a keyed row its key (which may hold "|"). */
function ownerOf(group: string): { users: string[]; row: string | null } {
  const at = group.startsWith(ROW) ? 0 : group.indexOf(`|${ROW}`) + 1;
  if (at === 0 && !group.startsWith(ROW)) return { users: group.split("|"), row: null };
  return { users: at === 0 ? [] : group.slice(0, at - 1).split("|"), row: group.slice(at + ROW.length) };
}

function partOf(print: Fingerprint, keep: (owner: { users: string[]; row: string | null }) => boolean): Fingerprint {
  return Object.fromEntries(
    Object.entries(print).map(([table, groups]) => [table, Object.fromEntries(Object.entries(groups).filter(([group]) => keep(ownerOf(group))))]),
  );
}

/** The part of a fingerprint that belongs to these users (rows naming any of them), but for keyed rows. */
export function ownedPart(print: Fingerprint, userIds: readonly string[]): Fingerprint {
  return partOf(print, ({ users, row }) => row === null && users.some((id) => userIds.includes(id)));
}

/**
 * The rows of tables without an owner column that name one of these users (their e-mail's
 * sign-in failures) or nobody (a pace run, an address's failures: everyone's, so nobody's to
 * change). Set-up may clear them between runs, so each run compares them with the run before.
 */
export function keyedPart(print: Fingerprint, userIds: readonly string[]): Fingerprint {
  return partOf(print, ({ users, row }) => row !== null && (users.length === 0 || users.some((id) => userIds.includes(id))));
}

/** Rows an action may write whatever it answers, by table and key (a throttle's records of this attempt). */
export type RowExemptions = Readonly<Record<string, readonly string[]>>;

/** The fingerprint without the exempted rows (only rows of tables without an owner column can be named). */
export function withoutRows(print: Fingerprint, exempt: RowExemptions = {}): Fingerprint {
  return Object.fromEntries(
    Object.entries(print).map(([table, groups]) => {
      const keys = exempt[table] ?? [];
      const kept = Object.entries(groups).filter(([group]) => {
        const { row } = ownerOf(group);
        return row === null || !keys.includes(row);
      });
      return [table, Object.fromEntries(kept)];
    }),
  );
}

/** One user's rows of one table, each row's hash by id (`ignoring` columns a re-plan rewrites). */
export async function rowHashes(db: Db, { table, userId, ignoring = [] }: { table: string; userId: string; ignoring?: readonly string[] }) {
  const text = ignoring.length
    ? sql`(to_jsonb(t) - array[${sql.join(ignoring.map((column) => sql`${column}`), sql`, `)}]::text[])::text`
    : sql`t::text`;
  const rows = rowsOf<{ id: string; hash: string }>(
    await db.execute(sql`select t.id::text as id, hashtextextended(${text}, 0)::text as hash from ${sql.identifier(table)} t where t.user_id = ${userId}`),
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.hash]));
}

/** The fingerprint must see every table of the database; a table added later must be added to the schema first. */
export async function expectFingerprintCoversEveryTable(db: Db): Promise<void> {
  const rows = rowsOf<{ tablename: string }>(await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`));
  expect(Object.keys(await fingerprint(db)).sort()).toEqual(rows.map((row) => row.tablename).sort());
}

/** Nothing changed, but for the rows an action is meant to write even when it refuses (throttle records). */
export function expectNoWrite(before: Fingerprint, after: Fingerprint, exempt: RowExemptions = {}): void {
  // Checked first without `expect`, which costs more than the comparison on every run.
  const [was, is] = [withoutRows(before, exempt), withoutRows(after, exempt)];
  if (!isDeepStrictEqual(is, was)) expect(is, "a refused input wrote to the database").toEqual(was);
}
