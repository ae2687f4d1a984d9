/**
 * Shared harness of the property-based tests over the server actions (`<dir>/actions.fuzz.test.ts`):
 * it runs an action outside a Next.js request on a real database, classifies what it answered,
 * fingerprints the database to prove that nothing was written, and generates nasty input.
 *
 * A private folder (`_testing`), so never a route. Test-only: nothing of the app imports it.
 *
 * Each fuzz test file mocks three modules with the factories below (vi.mock must be called in the
 * test file itself, where it is hoisted):
 *
 *   vi.mock("next-auth", () => import("@/app/_testing/action-fuzz").then((m) => m.fakeNextAuthModule()));
 *   vi.mock("next/headers", () => import("@/app/_testing/action-fuzz").then((m) => m.fakeHeadersModule()));
 *   vi.mock("next/cache", () => import("@/app/_testing/action-fuzz").then((m) => m.fakeCacheModule()));
 *
 * Only Auth.js's cookie and JWT machinery is replaced: `auth()` answers the session kept in `session`
 * below, and `signIn("credentials", …)` runs the app's own Credentials `authorize` (lib/auth/index.ts:
 * the real password check, throttle and error classes) and, when it succeeds, "sets the cookie" by
 * keeping the new session. lib/auth/session.ts (`requireUser`, `currentUser`, `safeReturnPath`) stays
 * real and checks the session against the database as on every request. Real sessions, cookies and
 * who may call what are covered by the browser tests' authorization matrix (e2e/authorization-matrix.spec.ts).
 * `next/navigation` stays real: `notFound()` and `redirect()` throw Next's control-flow errors, which
 * `runAction` turns into outcomes.
 */
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { beforeAll, expect } from "vitest";
import fc from "fast-check";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { is, sql, type SQL } from "drizzle-orm";
import { redirect } from "next/navigation";
import { rowsOf, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createSession } from "@/db/queries/sessions";
import { createUser } from "@/db/queries/users";
import { setUpTestDb, truncateAll } from "@/db/test-db";

// lib/auth/index.ts resolves its secret on first use; never let it write one into .data/.
process.env.AUTH_SECRET ??= "fuzz-tests-secret-that-is-long-enough-0123456789";

/** How many generated inputs each action gets (docs/reliability.md promises 1,000). */
export const FUZZ_RUNS = Number(process.env.CADENCE_FUZZ_RUNS) || 1000;

/** Time for one action's 1,000 runs (the whole suite must stay within a few minutes in CI). */
export const FUZZ_TIMEOUT_MS = 180_000;

// ---------------------------------------------------------------------------------------------
// The database

/**
 * The test file's database (db/test-db.ts), which the actions use as `db()`; each test resets it
 * through `fuzz`. The returned object fills in before the first test.
 */
export function fuzzDatabase(): { db: Db; fuzz: FuzzDb } {
  const testDb = setUpTestDb({ asAppDb: true, truncate: false });
  const state = {} as { db: Db; fuzz: FuzzDb };
  beforeAll(async () => {
    state.db = testDb.db;
    state.fuzz = new FuzzDb(state.db);
    await expectFingerprintCoversEveryTable(state.db);
  });
  return state;
}

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

// ---------------------------------------------------------------------------------------------
// The session, Auth.js, headers and the cache

export type SessionState = { userId: string; sessionId: string };

/** The session cookie of the one browser the tests play: `null` is signed out. */
export const session: { current: SessionState | null } = { current: null };

/** The session now (a function, so that TypeScript does not narrow it across an action's call). */
export function currentSession(): SessionState | null {
  return session.current;
}

/** Signs the browser in as this user, on the session (device) given. */
export function actAs(user: { id: string; sessionId: string }): void {
  session.current = { userId: user.id, sessionId: user.sessionId };
}

/** The request's headers as the mocked `next/headers` answers them. */
export const request = {
  headers: { host: "cadence.test", "x-forwarded-for": "203.0.113.7", "x-cadence-peer": "203.0.113.7", "x-cadence-path": "/today" } as Record<string, string>,
};

type Provider = { id?: string; options?: { authorize?: (credentials: unknown, request: Request) => Promise<unknown> } };
type SessionCallback = (params: { session: { user: object; expires: string }; token: { sub: string; sid: string } }) => Promise<unknown>;
type AuthConfig = () => { providers: Provider[]; callbacks: { session: SessionCallback } };

/** `next-auth` as lib/auth/index.ts uses it, with the app's own config and Credentials provider. */
export async function fakeNextAuthModule() {
  const errors = await import("@auth/core/errors");
  function NextAuth(config: AuthConfig) {
    const authorize = (credentials: unknown, req: Request) => {
      const provider = config().providers.find((candidate) => candidate.id === "credentials");
      if (!provider?.options?.authorize) throw new Error("no Credentials provider");
      return provider.options.authorize(credentials, req);
    };
    return {
      handlers: {},
      // The app's own session callback: it checks the session's row, as on every real request.
      auth: async () =>
        session.current
          ? config().callbacks.session({ session: { user: {}, expires: "" }, token: { sub: session.current.userId, sid: session.current.sessionId } })
          : null,
      signIn: async (providerId: string, options: Record<string, unknown> = {}) => {
        if (providerId !== "credentials") throw new Error(`unexpected provider ${providerId}`);
        const { redirect: shouldRedirect, redirectTo, ...credentials } = options;
        const req = new Request("http://cadence.test/api/auth/callback/credentials", {
          method: "POST",
          headers: request.headers,
        });
        // A CredentialsSignin thrown by authorize reaches the caller, as Auth.js rethrows it.
        const user = (await authorize(credentials, req)) as { id: string; sessionId: string } | null;
        if (!user) throw new errors.CredentialsSignin();
        session.current = { userId: user.id, sessionId: user.sessionId };
        if (shouldRedirect !== false) redirect(typeof redirectTo === "string" ? redirectTo : "/");
        return "/";
      },
      signOut: async (options: { redirectTo?: string; redirect?: boolean } = {}) => {
        session.current = null;
        if (options.redirect !== false) redirect(options.redirectTo ?? "/");
      },
    };
  }
  return { default: NextAuth, AuthError: errors.AuthError, CredentialsSignin: errors.CredentialsSignin };
}

export function fakeHeadersModule() {
  const cookieJar = new Map<string, string>();
  return {
    headers: async () => new Headers(request.headers),
    cookies: async () => ({
      get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
      getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
      has: (name: string) => cookieJar.has(name),
      set: (name: string, value: string) => void cookieJar.set(name, value),
      delete: (name: string) => void cookieJar.delete(name),
    }),
    draftMode: async () => ({ isEnabled: false, enable: () => {}, disable: () => {} }),
  };
}

/** Revalidation needs a Next.js server: a no-op here (what pages show is the browser tests' part). */
export function fakeCacheModule() {
  const noop = () => {};
  return { revalidatePath: noop, revalidateTag: noop, updateTag: noop, refresh: noop };
}

// ---------------------------------------------------------------------------------------------
// Running an action

/** A form as the browser sends it: fields in order, repeats allowed, files as Blobs. */
export type FormEntries = readonly (readonly [string, string | Blob])[];

export function toFormData(entries: FormEntries): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}

/** What `formData.get(name)` gives an action as text: the first value, "" when missing or a file. */
export function firstText(entries: FormEntries, name: string): string {
  const found = entries.find(([field]) => field === name);
  return found && typeof found[1] === "string" ? toUsv(found[1]) : "";
}

/** FormData keeps USV strings: a lone surrogate half becomes U+FFFD, as in a browser. */
export function toUsv(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

export type Outcome<R> =
  | { kind: "ok"; result: R }
  | { kind: "rejected"; result: R }
  | { kind: "notFound" }
  | { kind: "redirect"; location: string };

type Control = { digest?: unknown };

/**
 * Runs an action and says what it answered. Next's notFound() and redirect() are outcomes (the
 * browser gets a 404 page or a redirect); any other exception is a crash and is thrown on.
 */
export async function runAction<R>(call: () => Promise<R>): Promise<Outcome<R>> {
  try {
    const result = await call();
    const ok = typeof result === "object" && result !== null && "ok" in result ? (result as { ok: unknown }).ok : true;
    return ok === true ? { kind: "ok", result } : { kind: "rejected", result };
  } catch (error) {
    const digest = (error as Control | null)?.digest;
    if (typeof digest === "string") {
      if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { kind: "notFound" };
      if (digest.startsWith("NEXT_REDIRECT;")) {
        // NEXT_REDIRECT;<replace|push>;<url>;<status>;
        const parts = digest.split(";");
        return { kind: "redirect", location: parts.slice(2, -2).join(";") };
      }
    }
    throw error;
  }
}

/** Calls a form action as React does: (previous state, form data). */
export function submit<R>(action: (prev: never, formData: FormData) => Promise<R>, entries: FormEntries): Promise<Outcome<R>> {
  return runAction(() => action(null as never, toFormData(entries)));
}

type Rejection = { ok: false; message: string; fieldErrors: Record<string, string[]>; values?: Record<string, string> };

/**
 * A refusal the form can show: `ok: false`, a message, and field errors only on the form's own
 * fields (or "form"), each with a message. A message that points at highlighted fields must
 * have one highlighted.
 */
export function expectClearRejection(result: unknown, fields: readonly string[]): asserts result is Rejection {
  const problem = rejectionProblem(result, fields);
  if (problem) expect.fail(`${problem}: ${JSON.stringify(result).slice(0, 2000)}`);
}

/** What is unclear about a refusal, or null (a plain function: `expect` on every run costs too much). */
function rejectionProblem(result: unknown, fields: readonly string[]): string | null {
  const rejection = result as Rejection;
  if (rejection.ok !== false) return "a refusal must say ok: false";
  if (typeof rejection.message !== "string" || rejection.message.trim() === "") return "a refusal without a message";
  if (typeof rejection.fieldErrors !== "object" || rejection.fieldErrors === null) return "a refusal without field errors";
  for (const [field, messages] of Object.entries(rejection.fieldErrors)) {
    if (![...fields, "form"].includes(field)) return `an error on "${field}", which the form does not have`;
    if (!Array.isArray(messages) || messages.length === 0) return `no message for "${field}"`;
    if (!messages.every((message) => typeof message === "string" && message.trim() !== "")) return `an empty message for "${field}"`;
  }
  if (/highlighted/.test(rejection.message) && Object.keys(rejection.fieldErrors).length === 0) return "nothing highlighted";
  if (rejection.values && !Object.values(rejection.values).every((value) => typeof value === "string")) return "a value handed back that is not text";
  return null;
}

/** Counts outcomes, so each test can say that both its accepting and refusing branches ran. */
export class Tally {
  readonly counts: Record<string, number> = {};
  add(kind: string): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }
  of(...kinds: string[]): number {
    return kinds.reduce((sum, kind) => sum + (this.counts[kind] ?? 0), 0);
  }
}

export type AttemptOptions = {
  /** The form's field names: a refusal may name only these (or "form"). */
  fields: readonly string[];
  tally: Tally;
  /** Tables a refusal is meant to write (the throttles' failure records). */
  writesOnRefusal?: readonly string[];
  /** The action writes nothing whatever it answers (a preview, a step before a confirmation). */
  neverWrites?: boolean;
};

/**
 * The test database as the fuzz tests watch it. Every run is one fingerprint statement: the
 * fingerprint after a run is the one before the next, unless set-up wrote in between (`changed()`).
 */
/**
 * The test database as the fuzz tests watch it. Every run costs one fingerprint statement: the
 * fingerprint after a run is the one before the next, unless set-up wrote in between (`changed()`).
 */
export class FuzzDb {
  private last: Fingerprint | null = null;
  private watched: readonly string[] = [];
  private reference: Fingerprint = {};

  constructor(readonly db: Db) {}

  /** After seeding: these users' rows must stay as they are now, whatever the actions do. */
  async watch(userIds: readonly string[]): Promise<void> {
    this.changed();
    this.watched = userIds;
    this.last = await fingerprint(this.db);
    this.reference = ownedPart(this.last, userIds);
  }

  /** Grows whenever the database may have changed. */
  private version = 0;
  private readonly cache = new Map<string, { version: number; value: unknown }>();

  /** What `read` answers, read again only once the database changed (saves set-up queries per run). */
  async cached<T>(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && hit.version === this.version) return hit.value as T;
    const value = await read();
    this.cache.set(key, { version: this.version, value });
    return value;
  }

  /** Empties every table, for the next test's own set-up. */
  async reset(): Promise<void> {
    await truncateAll(this.db);
    this.changed();
  }

  /** Say so after writing to the database outside `attempt` (set-up between runs). */
  changed(): void {
    this.last = null;
    this.version += 1;
  }

  /**
   * Runs one generated input through an action and checks what holds for every input: no crash
   * (runAction throws it on), a refusal is clear, a refusal or a 404 writes nothing, and the
   * watched users' rows never change. Returns the outcome for the action's own checks.
   */
  async attempt<R>(options: AttemptOptions, call: () => Promise<Outcome<R>>): Promise<Outcome<R>> {
    const before = this.last ?? (await fingerprint(this.db));
    this.last = null;
    const outcome = await call();
    options.tally.add(outcome.kind);
    const after = await fingerprint(this.db);
    if (outcome.kind === "rejected") expectClearRejection(outcome.result, options.fields);
    if (outcome.kind === "rejected" || outcome.kind === "notFound" || options.neverWrites) {
      expectNoWrite(before, after, options.writesOnRefusal);
    }
    if (!isDeepStrictEqual(after, before)) this.version += 1;
    const owned = ownedPart(after, this.watched);
    if (!isDeepStrictEqual(owned, this.reference)) expect(owned, "another user's data changed").toEqual(this.reference);
    this.last = after;
    return outcome;
  }
}

export type OutcomeKind = Outcome<unknown>["kind"];

/**
 * Runs a property over FUZZ_RUNS generated inputs, then checks that the action both accepted
 * and refused some (so both branches were driven). Returns the tally of outcomes.
 */
export async function fuzzAction<T>(
  input: fc.Arbitrary<T>,
  run: (value: T, tally: Tally) => Promise<void>,
  /** Outcome kinds, or tally entries of the test's own. */
  expectations: { accepted: readonly (OutcomeKind | (string & {}))[]; refused: readonly (OutcomeKind | (string & {}))[] },
): Promise<Tally> {
  const tally = new Tally();
  await fc.assert(
    fc.asyncProperty(input, (value) => run(value, tally)),
    { numRuns: FUZZ_RUNS },
  );
  expect(tally.of(...expectations.accepted), `accepted: ${JSON.stringify(tally.counts)}`).toBeGreaterThan(0);
  expect(tally.of(...expectations.refused), `refused: ${JSON.stringify(tally.counts)}`).toBeGreaterThan(0);
  return tally;
}

/** The id in a redirect to `/prefix/<uuid>…`. */
export function idInLocation(location: string, prefix: string): string {
  const match = new RegExp(`^${prefix}/([0-9a-f-]{36})(?:[?#]|$)`).exec(location);
  if (!match) throw new Error(`unexpected redirect ${location}`);
  return match[1]!;
}

// ---------------------------------------------------------------------------------------------
// Nasty input

export const HTML_TEXT = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "<img src=x onerror=alert(document.cookie)>",
  '"><svg onload=alert(1)>',
  "</textarea><script>alert(1)</script>",
  '<a href="javascript:alert(1)">click</a>',
  "<iframe srcdoc='<script>parent.x=1</script>'>",
  "&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;",
  "<!-- comment -->",
  "{{7*7}} ${7*7} <%= 7*7 %>",
  "<style>*{display:none}</style>",
] as const;

export const SQL_TEXT = [
  "'; drop table leads; --",
  '" or 1=1 --',
  "' OR '1'='1",
  "Robert'); DROP TABLE users;--",
  "1; select pg_sleep(10)",
  "$$; delete from users; $$",
  "\\'; truncate touches; --",
  "%' and 1=0 union select password_hash from users --",
  "E'\\x00'",
  "admin'--",
] as const;

export const ODD_UNICODE = [
  "\u200F", // right-to-left mark
  "\u202E", // right-to-left override
  "\u2066", // left-to-right isolate
  "\u200D", // zero-width joiner
  "\u200B", // zero-width space
  "\u00A0", // no-break space
  "\u3000", // ideographic space
  "\u2028", // line separator
  "\uFEFF", // byte-order mark
  "\uFFFD",
  "\uFFFE",
  "\uFFFF",
  "\u0000",
  "\u0007",
  "\u001B[31m",
  "\u007F",
  "e\u0301",
  "Z\u0335\u0321\u0322\u0347\u0308\u0351",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🇫🇷",
  "𝕏𝔂𝔃",
  "\u3164",
  "ﷺ",
  "שלום",
  "مرحبا",
  "日本語",
  "Ω≈ç√∫",
  "\uD800", // a lone surrogate half
  "\r\n",
  "\t",
] as const;

const PLAIN_WORDS = ["Acme", "Globex Corp.", "Initech", "Ann Lee", "O'Neil & Sons", "Zoë Ünal", "  padded  ", "a", "Ünïcödé GmbH"];

/**
 * Any code points, controls, noncharacters and lone surrogate halves included. (Not
 * `fc.string({ unit: "binary" })`, whose set-up maps all of Unicode: a second per test file.)
 */
export const binaryText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.nat({ max: 0x10ffff }), fc.nat({ max: 0x7f }), fc.integer({ min: 0xd800, max: 0xdfff })), { maxLength: 8 })
  .map((codePoints) => codePoints.map((codePoint) => String.fromCodePoint(codePoint)).join(""));

/** Short text full of HTML, SQL and odd Unicode (may be blank after trimming). */
export const oddText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom<string>(...HTML_TEXT, ...SQL_TEXT, ...ODD_UNICODE, ...PLAIN_WORDS) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
      { weight: 3, arbitrary: binaryText },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(""));

/** 10,000 to 200,000 characters (some of them 4-byte or joined graphemes). */
export const longText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 10_000, max: 200_000 }), fc.constantFrom("a", "é ", "<script>", "' or 1=1 -- ", "👩‍👩‍👧‍👦", "\u0301", "  "))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Text of exactly max - 1, max or max + 1 characters, maybe padded with blanks (which trimming drops). */
export function edgeLengthText(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: max - 1, max: max + 1 }), fc.constantFrom("x", "<", "'", "é", "\u0301"), fc.constantFrom("", " ", "\t\n"))
    .map(([length, unit, pad]) => `${pad}${unit.repeat(length)}${pad}`);
}

/** Text a field may hold (within `max` after trimming) that is still full of markup, quotes and odd Unicode. */
export function validText(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: oddText.filter((text) => text.trim().length <= max) },
    { weight: 2, arbitrary: fc.constantFrom<string>(...HTML_TEXT, ...SQL_TEXT, ...PLAIN_WORDS) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: Math.min(max, 40) }) },
  );
}

/** Anything a text field could be sent: markup, SQL, odd Unicode, blank, huge, at its limit. */
export function nastyText(max?: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: oddText },
    { weight: 2, arbitrary: fc.constantFrom("", " ", "\t\n ", "\u00A0\u3000", "\u200B") },
    { weight: 1, arbitrary: longText },
    ...(max ? [{ weight: 2, arbitrary: edgeLengthText(max) }] : []),
  );
}

/** Dates far in the past and future, impossible, malformed, and plain junk. */
export const ODD_DATES = [
  "0001-01-01",
  "0000-01-01",
  "1900-01-01",
  "1969-12-31",
  "1999-12-31",
  "9999-12-31",
  "2026-02-30",
  "2025-02-29",
  "2024-13-01",
  "2024-00-10",
  "2024-1-1",
  "20240101",
  "+275760-09-13",
  "-000001-01-01",
  "+002025-03-05",
  "275760-09-13",
  "2024-01-01T00:00:00Z",
  "2024-01-01\u0000",
  "２０２４-０１-０１",
  "31/12/2025",
  "tomorrow",
  "NaN",
  "null",
  "undefined",
  "[object Object]",
  "' or 1=1 --",
] as const;

/** A calendar date `days` after `today` ("YYYY-MM-DD"). */
export function shiftDate(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Mostly dates near `today` (both sides of every bound a form checks), else far, impossible or junk. */
export function dateText(today: string, nearDays = 800): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: -nearDays, max: nearDays }).map((days) => shiftDate(today, days)) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }).map((days) => ` ${shiftDate(today, days)} `) },
    { weight: 2, arbitrary: fc.constantFrom<string>(...ODD_DATES) },
    { weight: 1, arbitrary: fc.date({ min: new Date(-8_640_000_000_000_000), max: new Date(8_640_000_000_000_000), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: nastyText() },
  );
}

/**
 * An id as a form could carry it, resolved when the test runs (the records exist only then):
 * one of the user's own records, another user's, a random uuid, or something that is no uuid.
 */
export type IdRef =
  | { kind: "own"; index: number }
  | { kind: "foreign"; index: number }
  | { kind: "random"; id: string }
  | { kind: "text"; text: string };

export const MALFORMED_IDS = [
  "",
  "0",
  "-1",
  "1 or 1=1",
  "' or '1'='1",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
  "{7b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6f}",
  "7b5a0c2e2f0e4b7a9d6c1a2b3c4d5e6f",
  "7b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6", // one digit short
  "7b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6f0",
  " 7b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6f",
  "7b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6f\u0000",
  "７b5a0c2e-2f0e-4b7a-9d6c-1a2b3c4d5e6f",
] as const;

export function idRef(weights: { own?: number; foreign?: number; random?: number; text?: number } = {}): fc.Arbitrary<IdRef> {
  const { own = 6, foreign = 2, random = 1, text = 2 } = weights;
  return fc.oneof(
    { weight: own, arbitrary: fc.nat(1000).map((index): IdRef => ({ kind: "own", index })) },
    { weight: foreign, arbitrary: fc.nat(1000).map((index): IdRef => ({ kind: "foreign", index })) },
    { weight: random, arbitrary: fc.uuid().map((id): IdRef => ({ kind: "random", id })) },
    {
      weight: text,
      arbitrary: fc.oneof(fc.constantFrom<string>(...MALFORMED_IDS), nastyText()).map((value): IdRef => ({ kind: "text", text: value })),
    },
  );
}

/** The id an IdRef names now; `own` and `foreign` fall back to a random uuid when there is no such record. */
export function resolveId(ref: IdRef, own: readonly string[], foreign: readonly string[]): string {
  switch (ref.kind) {
    case "own":
      return own.length ? own[ref.index % own.length]! : randomUUID();
    case "foreign":
      return foreign.length ? foreign[ref.index % foreign.length]! : randomUUID();
    case "random":
      return ref.id;
    case "text":
      return ref.text;
  }
}

/** A field's value in a generated form: text, an id to resolve, or a file where text belongs. */
export type FieldValue = string | { ref: IdRef } | { file: string };

/** How a generated form carries one field: once (usually), not at all, or twice (the first counts). */
export function fieldPresence<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.oneof(
    { weight: 12, arbitrary: value.map((v) => [v]) },
    { weight: 1, arbitrary: fc.constant<T[]>([]) },
    { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]) => [a, b]) },
  );
}

const EXTRA_FIELD_NAMES = ["__proto__", "constructor", "toString", "userId", "id", "$ACTION_ID_0", "$ACTION_REF_1", "role", "isAdmin", "password_hash", "user_id", ""] as const;

/** Fields the form does not have, which the action must ignore. */
export const extraFields: fc.Arbitrary<[string, string][]> = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom<string>(...EXTRA_FIELD_NAMES), fc.string({ maxLength: 10 })), fc.oneof(oddText, fc.uuid())),
  { maxLength: 3 },
);

/** Generated forms: each named field missing, once or repeated (sometimes as a file), then extra fields. */
export type GeneratedForm = { fields: [string, FieldValue][]; extra: [string, string][] };

export function formOf(spec: Record<string, fc.Arbitrary<FieldValue>>): fc.Arbitrary<GeneratedForm> {
  const fileValue: fc.Arbitrary<FieldValue> = fc.constantFrom("x", "<script>alert(1)</script>", "").map((text) => ({ file: text }));
  const perField = Object.entries(spec).map(([name, value]) =>
    fieldPresence(fc.oneof({ weight: 30, arbitrary: value }, { weight: 1, arbitrary: fileValue })).map((values) =>
      values.map((v): [string, FieldValue] => [name, v]),
    ),
  );
  return fc.tuple(fc.tuple(...perField), extraFields).map(([fields, extra]) => ({ fields: fields.flat(), extra }));
}

/** The form's entries, ids resolved against the records that exist now. */
export function entriesOf(form: GeneratedForm, resolve: (ref: IdRef, field: string) => string = (ref) => resolveId(ref, [], [])): FormEntries {
  const fields = form.fields.map(([name, value]): [string, string | Blob] => {
    if (typeof value === "string") return [name, value];
    if ("ref" in value) return [name, resolve(value.ref, name)];
    return [name, new File([value.file], "field.txt", { type: "text/plain" })];
  });
  return [...fields, ...form.extra];
}

/** Without NUL characters, which PostgreSQL cannot store: the app drops them from all input. */
export function withoutNul(value: string): string {
  return value.replaceAll("\u0000", "");
}

const SCHEMELESS_LINKEDIN = /^(www\.)?linkedin\.com\//i;

/** An address as the schemas store it: a scheme-less LinkedIn address made https, any other as it is. */
export function storedUrl(url: string): string {
  return SCHEMELESS_LINKEDIN.test(url) ? `https://${url}` : url;
}

/** A text field as the schemas store it: as the form sent it, without NUL characters, trimmed. */
export function storedText(entries: FormEntries, name: string): string {
  return withoutNul(firstText(entries, name)).trim();
}

/** Valid e-mail addresses (as zod's `z.email()` accepts them) and nasty ones. */
export const emailText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("ann@acme.test", "B.O'Neil@example.org", " padded@example.com ", "x+tag@sub.example.co.uk", "UPPER@EXAMPLE.COM") },
  { weight: 2, arbitrary: fc.emailAddress() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "not-an-email",
      "a@b",
      "@example.com",
      "ann@",
      "ann@@acme.test",
      "<script>@x.test",
      "ann@acme.test'; drop table users; --",
      "zoë@exämple.com",
      "ann@acme.test\u0000",
      `${"a".repeat(250)}@example.com`,
    ),
  },
  { weight: 2, arbitrary: nastyText(254) },
);
