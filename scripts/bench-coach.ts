// `npm run bench:coach`: how long the real app takes to serve the coach's Clients page for a coach
// with 200 clients, against a floor measured in the same run, and how many SQL statements one
// request runs (the same for a coach with 1 client: the page's cost in statements is fixed).
//
// - Uses the production build in NEXT_DIST_DIR (default .next-coach); builds it first if there is
//   none (BENCH_BUILD=1 rebuilds anyway).
// - Seeds a fresh database on the PostgreSQL server (BENCH_DATABASE_URL, default loopback), dropped
//   at the end, in set-based SQL: 200 clients with 50 leads and 500 touches each (10,000 leads,
//   100,000 touches) in six time zones, all coached by one coach; a second coach with one of them;
//   and BENCH_OTHER_USERS (default 1,000) other seekers with the same amount of data, coached by no one.
// - Starts `next start` on 127.0.0.1:BENCH_PORT with CADENCE_COUNT_QUERIES=1, signs both coaches in
//   through the sign-in form in headless Chromium, then times requests over plain HTTP with their
//   session cookie: the whole response, body included, on loopback (median of BENCH_REQUESTS ≥ 30).
// - The floor is /invitations: a signed-in page, under the same layout and session check, that reads
//   only the session's user row and renders a form, so it is what any signed-in page costs before it
//   does work of its own. (/settings no longer qualifies: it reads the campaign and the coaches.)
// - Statements are counted by the app itself (db/query-counter.ts), read through /today/query-count
//   right before and after one request.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { hashPassword } from "@/lib/auth/password";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const port = Number(process.env.BENCH_PORT ?? 3402);
const distDir = process.env.NEXT_DIST_DIR || ".next-coach";
const clients = Number(process.env.BENCH_CLIENTS ?? 200);
const otherUsers = Number(process.env.BENCH_OTHER_USERS ?? 1000);
const requests = Math.max(30, Number(process.env.BENCH_REQUESTS ?? 40));
const warmUp = 5;
const keepDatabase = process.env.BENCH_KEEP_DATABASE === "1";
const deadlineMs = Number(process.env.BENCH_DEADLINE_MINUTES ?? 15) * 60_000;
const base = `http://127.0.0.1:${port}`;
const password = "a steady bench pace";
const coaches = [
  { label: `${clients} clients`, email: "coach-many@bench.example", marker: `${clients} clients` },
  { label: "1 client", email: "coach-one@bench.example", marker: "1 client" },
] as const;

const name = `cadence_bench_coach_${Date.now()}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
let server: ChildProcess | undefined;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const step = (message: string) => console.log(`· ${message}`);

// Bounded in time: whatever happens, the server stops and the database goes.
const deadline = setTimeout(() => {
  console.error(`bench:coach took longer than ${deadlineMs / 60_000} minutes; stopping.`);
  void cleanUp().finally(() => process.exit(2));
}, deadlineMs);

try {
  ensureBuild();
  await admin.unsafe(`create database "${name}"`);
  await seed();
  server = startServer();
  await waitForHealth();
  const cookies = await signInAll();

  const results = [];
  for (const [index, coach] of coaches.entries()) {
    const cookie = cookies[index]!;
    const page = await timeRequests("/coach", cookie, coach.marker);
    const floor = await timeRequests("/invitations", cookie, "Invitation code");
    results.push({
      coach,
      page: median(page),
      floor: median(floor),
      pageStatements: await statementsFor("/coach", cookie),
      floorStatements: await statementsFor("/invitations", cookie),
    });
  }
  report(results);
} finally {
  clearTimeout(deadline);
  await cleanUp();
}

function ensureBuild() {
  if (existsSync(path.join(distDir, "BUILD_ID")) && process.env.BENCH_BUILD !== "1") {
    step(`using the build in ${distDir} (BENCH_BUILD=1 to rebuild)`);
    return;
  }
  step(`building into ${distDir}…`);
  const result = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

async function seed() {
  const started = performance.now();
  const handle = openDb({ url: databaseUrl });
  await migrateDb(handle);
  await handle.close();
  const passwordHash = await hashPassword(password);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const zones = ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Europe/Paris", "Asia/Kathmandu", "America/St_Johns"];
  await sql.begin(async (tx) => {
    // Foreign keys are not checked while seeding (replica role): the data is generated consistent.
    await tx`set local session_replication_role = replica`;
    await tx`
      insert into users (id, name, email, password_hash, time_zone)
      values (md5('bench-coach-many')::uuid, 'Many Clients Coach', ${coaches[0].email}, ${passwordHash}, 'UTC'),
             (md5('bench-coach-one')::uuid, 'One Client Coach', ${coaches[1].email}, ${passwordHash}, 'UTC')`;
    // Clients first, then seekers nobody coaches; the campaign started five weeks ago (week 6 of 10).
    await tx`
      insert into users (id, name, email, password_hash, time_zone, campaign_start_date)
      select md5('bench-seeker-' || g)::uuid, case when g <= ${clients}::int then 'Client ' else 'Seeker ' end || g,
             'seeker-' || g || '@bench.example', 'x', (${zones}::text[])[1 + g % ${zones.length}], current_date - 35 - g % 7
      from generate_series(1, ${clients + otherUsers}::int) g`;
    await tx`
      insert into coach_links (coach_id, seeker_id)
      select md5('bench-coach-many')::uuid, md5('bench-seeker-' || g)::uuid from generate_series(1, ${clients}::int) g
      union all
      select md5('bench-coach-one')::uuid, md5('bench-seeker-1')::uuid`;
    // 50 leads each: 30 contacted, 20 planned one a weekday ahead; a few paused, a few closed.
    await tx`
      insert into leads (id, user_id, company, contact_name, position, planned_first_contact, paused_until, closed_at, closed_as)
      select md5('bench-seeker-' || g || '-lead-' || p)::uuid, md5('bench-seeker-' || g)::uuid, 'Company ' || g || '-' || p,
             'Contact ' || p, p,
             case when p > 30 then current_date + (p - 30) end,
             case when p % 17 = 0 then current_date + 5 end,
             case when p % 23 = 0 then now() - interval '3 days' end,
             case when p % 23 = 0 then 'dropped' end
      from generate_series(1, ${clients + otherUsers}::int) g, generate_series(1, 50) p`;
    // 500 touches each, over the 30 contacted leads and the last 50 days; a fifth inbound, some too soon.
    const indexes = await tx<{ name: string; definition: string }[]>`
      select indexname as name, indexdef as definition from pg_indexes where schemaname = 'public' and tablename = 'touches'`;
    await tx`alter table touches drop constraint touches_pkey`;
    for (const index of indexes) await tx.unsafe(`drop index if exists "${index.name}"`);
    await tx`
      insert into touches (user_id, lead_id, at, channel, direction, outcome, note, too_soon)
      select md5('bench-seeker-' || g)::uuid, md5('bench-seeker-' || g || '-lead-' || (1 + k % 30))::uuid,
             now() - ((k * 7919 + g * 13) % 1200) * interval '1 hour',
             (array['phone','email','linkedin','email','in_person','email'])[1 + (k + g) % 6],
             case when k % 5 = 0 then 'inbound' else 'outbound' end,
             case k % 3 when 0 then 'conversation' when 1 then 'left_message' end,
             'Bench note ' || k,
             k % 37 = 0
      from generate_series(1, ${clients + otherUsers}::int) g, generate_series(1, 500) k`;
    for (const index of indexes) await tx.unsafe(index.definition);
    await tx`alter table touches add constraint touches_pkey primary key using index touches_pkey`;
  });
  await sql`vacuum analyze`;
  const [counts] = await sql<{ users: number; leads: number; touches: number; links: number }[]>`
    select (select count(*)::int from users) users, (select count(*)::int from leads) leads,
           (select count(*)::int from touches) touches, (select count(*)::int from coach_links) links`;
  await sql.end({ timeout: 5 });
  step(
    `seeded ${counts!.users.toLocaleString()} users, ${counts!.leads.toLocaleString()} leads, ` +
      `${counts!.touches.toLocaleString()} touches, ${counts!.links} coach links in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

function startServer(): ChildProcess {
  step(`starting next start on ${base}`);
  const child = spawn("node", ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      CRON_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      // No pace job in the background: nothing but the measured requests touches the database.
      CADENCE_SCHEDULER: "off",
      CADENCE_COUNT_QUERIES: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  child.on("exit", (code) => {
    // 143 is the SIGTERM the bench itself sends at the end.
    if (code !== null && code !== 0 && code !== 143) console.error(`next start exited with ${code}`);
  });
  return child;
}

async function waitForHealth() {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not answer /api/health within 60 s");
}

/** Signs each coach in as a person would (the sign-in form) and returns their Cookie headers. */
async function signInAll(): Promise<string[]> {
  const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const cookies: string[] = [];
    for (const coach of coaches) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("E-mail").fill(coach.email);
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
async function timedGet(pathname: string, cookie: string, marker: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${pathname}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !body.includes(marker)) {
    throw new Error(`GET ${pathname} answered ${response.status} without "${marker}"`);
  }
  return elapsed;
}

async function timeRequests(pathname: string, cookie: string, marker: string): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await timedGet(pathname, cookie, marker);
  const times: number[] = [];
  for (let i = 0; i < requests; i++) times.push(await timedGet(pathname, cookie, marker));
  return times;
}

/** Statements one request runs, read from the app's counter; the same three times or it says so. */
async function statementsFor(pathname: string, cookie: string): Promise<number> {
  const counts = new Set<number>();
  for (let i = 0; i < 3; i++) {
    await fetch(`${base}/today/query-count`, { headers: { cookie } });
    await fetch(`${base}${pathname}`, { headers: { cookie } }).then((response) => response.text());
    const { queries } = (await (await fetch(`${base}/today/query-count`, { headers: { cookie } })).json()) as { queries: number };
    counts.add(queries);
  }
  if (counts.size !== 1) throw new Error(`GET ${pathname} ran a varying number of statements: ${[...counts].join(", ")}`);
  return [...counts][0]!;
}

function report(
  results: { coach: (typeof coaches)[number]; page: number; floor: number; pageStatements: number; floorStatements: number }[],
) {
  console.log(`\nbench:coach — median of ${requests} requests each (after ${warmUp} warm-up), loopback, full response`);
  console.log(
    `each client: 50 leads, 500 touches; ${otherUsers.toLocaleString()} other seekers with as much, coached by no one\n`,
  );
  const rows = results.map((result) => [
    result.coach.label,
    ms(result.page),
    ms(result.floor),
    `${(result.page / result.floor).toFixed(2)}×`,
    String(result.pageStatements),
    String(result.floorStatements),
  ]);
  const header = ["coach", "/coach", "floor /invitations", "ratio", "SQL /coach", "SQL /invitations"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
  const statements = new Set(results.map((result) => result.pageStatements));
  console.log(
    statements.size === 1
      ? `\nOne Clients request runs ${[...statements][0]} SQL statements, with 1 client as with ${clients}.`
      : `\nThe number of statements on /coach changes with the clients: ${[...statements].join(" vs ")}.`,
  );
}

async function cleanUp() {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  if (keepDatabase) console.log(`kept the database: ${databaseUrl} (drop it when done)`);
  else await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end({ timeout: 5 });
}
