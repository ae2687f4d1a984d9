/**
 * Runs a server action outside a Next.js request on a real database, says what it answered
 * (accepted, refused, 404, redirect; anything else is a crash), and checks over FUZZ_RUNS
 * generated inputs what must hold for every input: a refusal is clear, a refusal writes nothing,
 * nobody else's rows change.
 */
import { isDeepStrictEqual } from "node:util";
import { beforeAll, expect } from "vitest";
import fc from "fast-check";
import type { Db } from "@/db/client";
import { setUpTestDb, truncateAll } from "@/test/db";
import {
  expectFingerprintCoversEveryTable,
  expectNoWrite,
  fingerprint,
  keyedPart,
  ownedPart,
  rowHashes,
  withoutRows,
  type Fingerprint,
  type RowExemptions,
} from "./database";
import { toFormData, type FormEntries } from "./inputs";

/** How many generated inputs each action gets (docs/reliability.md promises 1,000). */
export const FUZZ_RUNS = Number(process.env.CADENCE_FUZZ_RUNS) || 1000;

/** Time for one action's 1,000 runs (the whole suite must stay within a few minutes in CI). */
export const FUZZ_TIMEOUT_MS = 180_000;

/**
 * The test file's database (test/db.ts), which the actions use as `db()`; each test resets it
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
  /** Rows a refusal is meant to write, by table and key: this attempt's throttle records. */
  writesOnRefusal?: RowExemptions;
  /** The action writes nothing whatever it answers (a preview, a step before a confirmation). */
  neverWrites?: boolean;
  /**
   * What a success may change of the acting user's: these rows of this table (by id), nothing
   * else of theirs, so an action that writes beyond the row it names (a missing `and id = …`) fails.
   * `ignoring`: columns the change may rewrite on every row (the campaign plan a re-plan sets).
   */
  changes?: { userId: string; table: string; ids: readonly string[]; ignoring?: readonly string[] };
  /** Its success sends to the sign-in page (signing out everywhere): that redirect is no refusal. */
  signsOut?: boolean;
};

/** A redirect to sign-in is a refusal (no session), unless signing out was the point: it writes nothing. */
const refusedToSignIn = (outcome: Outcome<unknown>, options: AttemptOptions) =>
  !options.signsOut && outcome.kind === "redirect" && /^\/sign-in(\?|$)/.test(outcome.location);

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
    const { changes } = options;
    const rowsBefore = changes && (await rowHashes(this.db, changes));
    const outcome = await call();
    options.tally.add(outcome.kind);
    const after = await fingerprint(this.db);
    if (outcome.kind === "rejected") expectClearRejection(outcome.result, options.fields);
    const refused = outcome.kind === "rejected" || outcome.kind === "notFound" || refusedToSignIn(outcome, options);
    const exempt = refused ? options.writesOnRefusal : {};
    if (refused || options.neverWrites) expectNoWrite(before, after, exempt);
    if (changes && !refused) await this.expectOnlyNamedRows(changes, rowsBefore!, before, after);
    if (!isDeepStrictEqual(after, before)) this.version += 1;
    const owned = ownedPart(after, this.watched);
    if (!isDeepStrictEqual(owned, this.reference)) expect(owned, "another user's data changed").toEqual(this.reference);
    // Rows without an owner column (throttle records, pace runs) that name another user or nobody;
    // this attempt's own throttle records may change whatever it answered (a sign-up's count).
    const [keyedBefore, keyedAfter] = [before, after].map((print) => withoutRows(keyedPart(print, this.watched), options.writesOnRefusal));
    if (!isDeepStrictEqual(keyedAfter, keyedBefore)) expect(keyedAfter, "another user's (or nobody's) row changed").toEqual(keyedBefore);
    this.last = after;
    return outcome;
  }

  /** Of the acting user's rows, only the named ones of `changes.table` changed; their other tables stayed. */
  private async expectOnlyNamedRows(
    changes: NonNullable<AttemptOptions["changes"]>,
    rowsBefore: Record<string, string>,
    before: Fingerprint,
    after: Fingerprint,
  ): Promise<void> {
    const rowsAfter = await rowHashes(this.db, changes);
    const changed = [...new Set([...Object.keys(rowsBefore), ...Object.keys(rowsAfter)])].filter((id) => rowsBefore[id] !== rowsAfter[id]);
    const beyond = changed.filter((id) => !changes.ids.includes(id));
    if (beyond.length > 0) expect(beyond, `rows of ${changes.table} changed besides the named ${JSON.stringify(changes.ids)}`).toEqual([]);
    const others = (print: Fingerprint) =>
      Object.fromEntries(Object.entries(ownedPart(print, [changes.userId])).filter(([table]) => table !== changes.table));
    if (!isDeepStrictEqual(others(after), others(before))) expect(others(after), "the acting user's other tables changed").toEqual(others(before));
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
