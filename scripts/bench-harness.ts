// What the page benches (bench:today, bench:coach) share: time one page of the real app against a
// floor page measured in the same run, and count the SQL statements each request runs.
//
// - Uses the production build in NEXT_DIST_DIR (default per bench); builds it first if there is none
//   (BENCH_BUILD=1 rebuilds anyway, so the figures are for the code as it is now).
// - Seeds a fresh database on the PostgreSQL server (BENCH_DATABASE_URL, default loopback), dropped
//   at the end unless BENCH_KEEP_DATABASE=1.
// - Starts `next start` on 127.0.0.1:BENCH_PORT with CADENCE_LOG_QUERIES=1, signs the users in
//   through the sign-in form in headless Chromium, then times requests over plain HTTP with their
//   session cookie: the whole response, body included, on loopback (median of BENCH_REQUESTS).
// - Statements are counted from the server's own log: with CADENCE_LOG_QUERIES=1 it writes one line
//   per statement to its standard output (db/query-counter.ts), counted around one request at a time.
// - Bounded in time (BENCH_DEADLINE_MINUTES): whatever happens, the server stops and the database goes.
import type { ChildProcess } from "node:child_process";
import postgres from "postgres";
import { openDb } from "@/db/client";
import { LOG_QUERIES_FLAG, QUERY_LOG_PREFIX } from "@/db/query-counter";
import { migrateDb } from "@/db/migrate";
import { hashPassword } from "@/lib/server/auth/password";
import { ensureBuild, launchBrowser, newSecrets, startAppServer, step, stopAppServer, waitForHealth } from "./app-server";

/** Someone the bench signs in; `marker` is text the measured page shows them, to check it is the page. */
export interface BenchUser {
  label: string;
  email: string;
  marker: string;
}

/** One user's figures: medians in milliseconds, statements per request, and the measured page's last body. */
export interface Comparison {
  page: number;
  floor: number;
  pageStatements: number;
  floorStatements: number;
  pageBody: string;
}

export interface BenchPlan {
  /** "today" for `npm run bench:today`: names the run in messages and its database. */
  name: string;
  /** Defaults, each overridden by its environment variable: BENCH_PORT, NEXT_DIST_DIR, BENCH_REQUESTS, BENCH_DEADLINE_MINUTES. */
  port: number;
  distDir: string;
  requests: number;
  /** BENCH_REQUESTS is raised to this: fewer requests make a shaky median. */
  leastRequests: number;
  deadlineMinutes: number;
  warmUp: number;
  users: readonly BenchUser[];
  /** Fills the migrated database; runs in one transaction with foreign keys unchecked. */
  seed: (tx: postgres.TransactionSql, passwordHash: string) => Promise<void>;
  /** The page measured, and the floor: a signed-in page that does next to no work of its own. */
  page: string;
  floor: { path: string; marker: string };
  report: {
    /** What the database holds, printed under the heading. */
    data: string;
    /** Columns before the figures, and their cells for each user. */
    leadingColumns: string[];
    leadingCells: (user: BenchUser, comparison: Comparison) => string[];
    /** The closing line when every user's page runs as many statements, and when they differ. */
    uniform: (statements: number) => string;
    varying: (statements: number[]) => string;
  };
}

/** Used for every bench user: the seeds store its hash. */
export const BENCH_PASSWORD = "a steady bench pace";
const password = BENCH_PASSWORD;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function runBench(plan: BenchPlan): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const port = Number(process.env.BENCH_PORT ?? plan.port);
  const distDir = process.env.NEXT_DIST_DIR || plan.distDir;
  const requests = Math.max(plan.leastRequests, Number(process.env.BENCH_REQUESTS ?? plan.requests));
  /** BENCH_KEEP_DATABASE=1 leaves the seeded database in place (its URL is printed) to study query plans. */
  const keepDatabase = process.env.BENCH_KEEP_DATABASE === "1";
  const deadlineMs = Number(process.env.BENCH_DEADLINE_MINUTES ?? plan.deadlineMinutes) * 60_000;
  const base = `http://127.0.0.1:${port}`;
  const sampling = { warmUp: plan.warmUp, requests };

  const name = `cadence_bench_${plan.name}_${Date.now()}`;
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  let server: ChildProcess | undefined;
  const statementLog = { count: 0 };

  const deadline = setTimeout(() => {
    console.error(`bench:${plan.name} took longer than ${deadlineMs / 60_000} minutes; stopping.`);
    void cleanUp().finally(() => process.exit(2));
  }, deadlineMs);

  try {
    ensureBuild(distDir, "BENCH_BUILD");
    await admin.unsafe(`create database "${name}"`);
    await seed(databaseUrl, plan.seed);
    server = startAppServer({
      port,
      distDir,
      databaseUrl,
      secrets: newSecrets(),
      env: { [LOG_QUERIES_FLAG]: "1" },
      onStdoutLine: (line) => {
        if (line.startsWith(QUERY_LOG_PREFIX)) statementLog.count++;
      },
    });
    await waitForHealth(base);
    const cookies = await signInAll(base, plan.users);

    const results = [];
    for (const [index, user] of plan.users.entries()) {
      const cookie = cookies[index]!;
      const page = await timeRequests(base, plan.page, cookie, user.marker, sampling);
      const floor = await timeRequests(base, plan.floor.path, cookie, plan.floor.marker, sampling);
      const comparison: Comparison = {
        page: median(page.times),
        floor: median(floor.times),
        pageStatements: await statementsFor(base, plan.page, cookie, statementLog),
        floorStatements: await statementsFor(base, plan.floor.path, cookie, statementLog),
        pageBody: page.body,
      };
      results.push({ user, comparison });
    }
    report(plan, sampling, results);
  } finally {
    clearTimeout(deadline);
    await cleanUp();
  }

  async function cleanUp() {
    await stopAppServer(server);
    if (keepDatabase) console.log(`kept the database: ${databaseUrl} (drop it when done)`);
    else await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  }
}

/**
 * Runs `insert` on a touches table without its indexes, then builds them again: loading millions of
 * rows and then building the indexes is much faster than updating them row by row.
 */
export async function withoutTouchIndexes(tx: postgres.TransactionSql, insert: () => Promise<unknown>) {
  const indexes = await tx<{ name: string; definition: string }[]>`
    select indexname as name, indexdef as definition from pg_indexes where schemaname = 'public' and tablename = 'touches'`;
  await tx`alter table touches drop constraint touches_pkey`;
  for (const index of indexes) await tx.unsafe(`drop index if exists "${index.name}"`);
  await insert();
  for (const index of indexes) await tx.unsafe(index.definition);
  await tx`alter table touches add constraint touches_pkey primary key using index touches_pkey`;
}

export async function seed(databaseUrl: string, fill: BenchPlan["seed"]) {
  const started = performance.now();
  const handle = openDb({ url: databaseUrl });
  await migrateDb(handle);
  await handle.close();
  const passwordHash = await hashPassword(password);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await sql.begin(async (tx) => {
    // Foreign keys are not checked while seeding (replica role): the data is generated consistent.
    await tx`set local session_replication_role = replica`;
    await fill(tx, passwordHash);
  });
  await sql`vacuum analyze`;
  const [counts] = await sql<{ users: number; leads: number; touches: number; links: number }[]>`
    select (select count(*)::int from users) users, (select count(*)::int from leads) leads,
           (select count(*)::int from touches) touches, (select count(*)::int from coach_links) links`;
  await sql.end({ timeout: 5 });
  // Coach links are named only where the bench makes some.
  const links = counts!.links > 0 ? `, ${counts!.links} coach links` : "";
  step(
    `seeded ${counts!.users.toLocaleString()} users, ${counts!.leads.toLocaleString()} leads, ` +
      `${counts!.touches.toLocaleString()} touches${links} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Signs each user in as a person would (the sign-in form) and returns their Cookie headers. */
export async function signInAll(base: string, users: readonly Pick<BenchUser, "email">[]): Promise<string[]> {
  const browser = await launchBrowser();
  try {
    const cookies: string[] = [];
    for (const user of users) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("E-mail").fill(user.email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${base}/today`);
      cookies.push((await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; "));
      await context.close();
    }
    step("signed in through the sign-in form");
    return cookies;
  } finally {
    await browser.close();
  }
}

/** One signed-in GET, timed from sending to the last byte of the body, checked to be the page itself. */
async function timedGet(url: string, cookie: string, marker: string): Promise<{ elapsed: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !body.includes(marker)) {
    throw new Error(`GET ${new URL(url).pathname} answered ${response.status} without "${marker}"`);
  }
  return { elapsed, body };
}

/** Times of the measured requests (after the warm-up ones), and the body of the last. */
async function timeRequests(
  base: string,
  pathname: string,
  cookie: string,
  marker: string,
  sampling: { warmUp: number; requests: number },
): Promise<{ times: number[]; body: string }> {
  const url = `${base}${pathname}`;
  for (let i = 0; i < sampling.warmUp; i++) await timedGet(url, cookie, marker);
  const times: number[] = [];
  let body = "";
  for (let i = 0; i < sampling.requests; i++) {
    const response = await timedGet(url, cookie, marker);
    times.push(response.elapsed);
    body = response.body;
  }
  return { times, body };
}

/**
 * Statements one request runs, counted in the server's log: the fewest of five tries. The server's
 * own background work (the outbox sender's poll, every few seconds) can land in a request's window
 * and only ever adds to it, so the smallest count is the request's.
 */
async function statementsFor(base: string, pathname: string, cookie: string, log: { count: number }): Promise<number> {
  const counts: number[] = [];
  for (let i = 0; i < 5; i++) {
    await settle();
    const before = log.count;
    await fetch(`${base}${pathname}`, { headers: { cookie } }).then((response) => response.text());
    // The lines of the request's statements are written before its response ends; let them arrive.
    await settle();
    counts.push(log.count - before);
  }
  return Math.min(...counts);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

function report(
  plan: BenchPlan,
  sampling: { warmUp: number; requests: number },
  results: { user: BenchUser; comparison: Comparison }[],
) {
  console.log(
    `\nbench:${plan.name} — median of ${sampling.requests} requests each (after ${sampling.warmUp} warm-up), loopback, full response`,
  );
  console.log(`${plan.report.data}\n`);
  const { page, floor } = plan;
  const header = [...plan.report.leadingColumns, page, `floor ${floor.path}`, "ratio", `SQL ${page}`, `SQL ${floor.path}`];
  const rows = results.map(({ user, comparison }) => [
    ...plan.report.leadingCells(user, comparison),
    ms(comparison.page),
    ms(comparison.floor),
    `${(comparison.page / comparison.floor).toFixed(2)}×`,
    String(comparison.pageStatements),
    String(comparison.floorStatements),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
  const statements = [...new Set(results.map(({ comparison }) => comparison.pageStatements))];
  console.log(`\n${statements.length === 1 ? plan.report.uniform(statements[0]!) : plan.report.varying(statements)}`);
}
