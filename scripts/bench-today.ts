// `npm run bench:today`: how long the real app takes to serve the Today page, against a floor
// measured in the same run, and how many SQL statements one Today request runs.
//
// - Uses the production build in NEXT_DIST_DIR (default .next); builds it first if there is none
//   (BENCH_BUILD=1 rebuilds anyway, so the figures are for the code as it is now).
// - Seeds a fresh database on the PostgreSQL server (BENCH_DATABASE_URL, default loopback), dropped
//   at the end: a seeker with 50 leads and 500 touches, one with 5 leads and 50 touches, and 5,000
//   other users with 50 leads and 500 touches each (~250k leads, ~2.5M touches), set-based SQL.
// - Starts `next start` on 127.0.0.1:BENCH_PORT with CADENCE_COUNT_QUERIES=1, signs both seekers in
//   through the sign-in form in headless Chromium, then times requests over plain HTTP with their
//   session cookie: the whole response, body included, on loopback (median of BENCH_REQUESTS).
// - The floor is /settings: a signed-in page, under the same layout and session check, that reads
//   only the seeker's own user row (two primary-key lookups) and renders forms: what any signed-in
//   page costs before it does work of its own.
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
const port = Number(process.env.BENCH_PORT ?? 3302);
const distDir = process.env.NEXT_DIST_DIR || ".next";
const otherUsers = Number(process.env.BENCH_OTHER_USERS ?? 5000);
const requests = Math.max(50, Number(process.env.BENCH_REQUESTS ?? 60));
const warmUp = 10;
/** BENCH_KEEP_DATABASE=1 leaves the seeded database in place (its URL is printed) to study query plans. */
const keepDatabase = process.env.BENCH_KEEP_DATABASE === "1";
const deadlineMs = Number(process.env.BENCH_DEADLINE_MINUTES ?? 20) * 60_000;
const base = `http://127.0.0.1:${port}`;
const password = "a steady bench pace";
const seekers = [
  { label: "50 leads, 500 touches", email: "bench-50@bench.example", leads: 50 },
  { label: "5 leads, 50 touches", email: "bench-5@bench.example", leads: 5 },
] as const;

const name = `cadence_bench_today_${Date.now()}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
let server: ChildProcess | undefined;
let stopping = false;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const step = (message: string) => console.log(`· ${message}`);

// Bounded in time: whatever happens, the server stops and the database goes.
const deadline = setTimeout(() => {
  console.error(`bench:today took longer than ${deadlineMs / 60_000} minutes; stopping.`);
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
  for (const [index, seeker] of seekers.entries()) {
    const cookie = cookies[index]!;
    const marker = "Week ";
    const today = await timeRequests("/today", cookie, marker);
    const floor = await timeRequests("/settings", cookie, "Campaign and goals");
    results.push({
      seeker,
      rows: today.rows,
      today: median(today.times),
      floor: median(floor.times),
      todayStatements: await statementsFor("/today", cookie),
      floorStatements: await statementsFor("/settings", cookie),
    });
  }
  report(results);
} finally {
  clearTimeout(deadline);
  await cleanUp();
}

function ensureBuild() {
  const built = existsSync(path.join(distDir, "BUILD_ID"));
  if (built && process.env.BENCH_BUILD !== "1") {
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
  const zones = ["Europe/Paris", "UTC", "America/New_York", "Asia/Kathmandu", "America/St_Johns", "Pacific/Auckland"];
  await sql.begin(async (tx) => {
    // Foreign keys are not checked while seeding (replica role): the data is generated consistent.
    await tx`set local session_replication_role = replica`;
    await tx`create temp table bench_users (id uuid primary key, lead_count int not null) on commit drop`;
    await tx`
      insert into bench_users
      select md5('bench-seeker-' || s.n)::uuid, s.n from (values (50), (5)) s(n)
      union all
      select md5('bench-other-' || g)::uuid, 50 from generate_series(1, ${otherUsers}::int) g`;
    await tx`
      insert into users (id, name, email, password_hash, time_zone, campaign_start_date)
      values
        (md5('bench-seeker-50')::uuid, 'Bench Seeker', ${seekers[0].email}, ${passwordHash}, 'Europe/Paris', current_date - 14),
        (md5('bench-seeker-5')::uuid, 'Bench Seeker', ${seekers[1].email}, ${passwordHash}, 'Europe/Paris', current_date - 14)`;
    await tx`
      insert into users (id, name, email, password_hash, time_zone, campaign_start_date)
      select md5('bench-other-' || g)::uuid, 'Other ' || g, 'other-' || g || '@bench.example', 'x',
             (${zones}::text[])[1 + g % ${zones.length}], current_date - (g % 60)
      from generate_series(1, ${otherUsers}::int) g`;
    // Nine in ten leads have touches; the last tenth wait for their planned first contact.
    await tx`
      insert into leads (id, user_id, company, contact_name, title, email, phone, position, planned_first_contact,
                         paused_until, closed_at, closed_as)
      select md5(u.id::text || '-lead-' || p)::uuid, u.id, 'Company ' || p, 'Contact ' || p, 'Hiring manager',
             'contact' || p || '@company' || p || '.example', '+1 555 01' || lpad(p::text, 2, '0'), p,
             case when p > u.lead_count - ceil(u.lead_count / 10.0) then current_date + (p - (u.lead_count - ceil(u.lead_count / 10.0))::int - 1) end,
             case when p % 17 = 0 then current_date + 5 end,
             case when p % 23 = 0 then now() - interval '3 days' end,
             case when p % 23 = 0 then 'dropped' end
      from bench_users u, generate_series(1, u.lead_count) p`;
    await tx`
      insert into materials (id, user_id, title, url, topic)
      select md5(u.id::text || '-material-' || m)::uuid, u.id, 'Industry report ' || m, 'https://example.com/' || m, 'Topic ' || m
      from bench_users u, generate_series(1, 5) m`;
    // Ten touches per lead, a fifth of them inbound, a tenth with a material.
    // Loading 2.5M rows and then building the indexes is much faster than updating them row by row.
    const indexes = await tx<{ name: string; definition: string }[]>`
      select indexname as name, indexdef as definition from pg_indexes where schemaname = 'public' and tablename = 'touches'`;
    await tx`alter table touches drop constraint touches_pkey`;
    for (const index of indexes) await tx.unsafe(`drop index if exists "${index.name}"`);
    // A lead's latest touch is 0 to 19 days old, so Today has leads in every state: done today,
    // coming this week, due today, overdue and cold, most of them shown at once.
    await tx`
      insert into touches (user_id, lead_id, at, channel, direction, outcome, note, material_id)
      select u.id,
             md5(u.id::text || '-lead-' || (1 + k % t.touched))::uuid,
             now() - ((1 + k % t.touched) % 20) * interval '1 day' - (k / t.touched) * interval '5 days'
               - (k % 9) * interval '1 hour',
             (array['phone','email','linkedin','email','in_person','letter'])[1 + k % 6],
             case when k % 5 = 0 then 'inbound' else 'outbound' end,
             case k % 3 when 0 then 'conversation' when 1 then 'left_message' end,
             'Bench note ' || k,
             case when k % 10 = 0 then md5(u.id::text || '-material-' || (1 + k % 5))::uuid end
      from bench_users u
      cross join lateral (select (u.lead_count - ceil(u.lead_count / 10.0))::int as touched) t
      cross join generate_series(1, u.lead_count * 10) k`;
    for (const index of indexes) await tx.unsafe(index.definition);
    await tx`alter table touches add constraint touches_pkey primary key using index touches_pkey`;
    await tx`
      insert into coach_notes (coach_id, seeker_id, body)
      values (md5('bench-other-1')::uuid, md5('bench-seeker-50')::uuid, 'Two calls this week, please.')`;
  });
  await sql`vacuum analyze`;
  const [counts] = await sql<{ users: number; leads: number; touches: number }[]>`
    select (select count(*)::int from users) users, (select count(*)::int from leads) leads,
           (select count(*)::int from touches) touches`;
  await sql.end({ timeout: 5 });
  step(
    `seeded ${counts!.users.toLocaleString()} users, ${counts!.leads.toLocaleString()} leads, ` +
      `${counts!.touches.toLocaleString()} touches in ${((performance.now() - started) / 1000).toFixed(1)} s`,
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
    if (!stopping && code !== 0) console.error(`next start exited with ${code}`);
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

/** Signs each seeker in as a person would (the sign-in form) and returns their Cookie headers. */
async function signInAll(): Promise<string[]> {
  const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const cookies: string[] = [];
    for (const seeker of seekers) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("E-mail").fill(seeker.email);
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
async function timedGet(pathname: string, cookie: string, marker: string): Promise<{ elapsed: number; body: string }> {
  const started = performance.now();
  const response = await fetch(`${base}${pathname}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !body.includes(marker)) {
    throw new Error(`GET ${pathname} answered ${response.status} without "${marker}"`);
  }
  return { elapsed, body };
}

/** Times of the measured requests, and how many lead rows (articles) the page showed. */
async function timeRequests(pathname: string, cookie: string, marker: string): Promise<{ times: number[]; rows: number }> {
  for (let i = 0; i < warmUp; i++) await timedGet(pathname, cookie, marker);
  const times: number[] = [];
  let body = "";
  for (let i = 0; i < requests; i++) ({ elapsed: times[i], body } = await timedGet(pathname, cookie, marker));
  return { times, rows: body.match(/<article/g)?.length ?? 0 };
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
  results: {
    seeker: (typeof seekers)[number];
    rows: number;
    today: number;
    floor: number;
    todayStatements: number;
    floorStatements: number;
  }[],
) {
  console.log(`\nbench:today — median of ${requests} requests each (after ${warmUp} warm-up), loopback, full response`);
  console.log(`database: ${otherUsers.toLocaleString()} other users with 50 leads and 500 touches each, beside the seekers\n`);
  const rows = results.map((result) => [
    result.seeker.label,
    String(result.rows),
    ms(result.today),
    ms(result.floor),
    `${(result.today / result.floor).toFixed(2)}×`,
    String(result.todayStatements),
    String(result.floorStatements),
  ]);
  const header = ["seeker", "rows on Today", "/today", "floor /settings", "ratio", "SQL /today", "SQL /settings"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
  const statements = new Set(results.map((result) => result.todayStatements));
  console.log(
    statements.size === 1
      ? `\nOne Today request runs ${[...statements][0]} SQL statements, with 5 leads as with 50.`
      : `\nThe number of statements on Today changes with the data: ${[...statements].join(" vs ")}.`,
  );
}

async function cleanUp() {
  if (server && server.exitCode === null) {
    stopping = true;
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  if (keepDatabase) console.log(`kept the database: ${databaseUrl} (drop it when done)`);
  else await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end({ timeout: 5 });
}
