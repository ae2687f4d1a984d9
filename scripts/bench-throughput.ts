// `npm run bench:throughput`: how many requests per second the production build serves on its main
// pages, with 10 connections at once, against a bare Next.js app of the same versions measured in the
// same run: the framework's own cost for a server-rendered page, so each ratio is what Cadence adds.
//
// - The bare app (a root layout and an <h1>, rendered per request through `await headers()`) is
//   written and built in a folder of the system's temporary directory, reused while the versions and
//   its files stay the same; it uses this checkout's node_modules through a symbolic link. Nothing of
//   it is in the repository.
// - Cadence runs from NEXT_DIST_DIR (default .next; built when missing, BENCH_BUILD=1 rebuilds) on a
//   fresh database of the local PostgreSQL server, dropped at the end: a seeker with 50 leads and 500
//   touches (Today shows ~30 of them), a coach with 200 clients of 50 leads and 500 touches each.
//   BENCH_BEFORE_DIST_DIR names a second build (e.g. one of the commit before a change) measured in
//   the same run, on the same database, for before/after figures.
// - Each page: a warm-up, then BENCH_SECONDS (default 10) of autocannon with 10 connections, each
//   response checked to be 200. With BENCH_BEFORE_DIST_DIR, each page is measured before, after,
//   after, before, half the time each, and each build's figures are the means of its two halves.
//   The bare page is measured first and last; the ratios are to the mean of the two, so a machine
//   that slows down during the run shows as a gap between them.
// - Each page's markup ceiling: its HTML, as the build measured last serves it, rendered by a bare
//   app that does nothing else (scripts/markup-ceiling.ts; built per run in a temporary folder,
//   removed at the end), measured after the page: the "markup" rows, and each page's "× markup".
// - BENCH_PROFILE=1 runs the Cadence server with `node --cpu-prof`: the .cpuprofile files land in a
//   temporary folder (printed), to open in Chrome DevTools (Performance, "Load profile").
// The goals are printed beside the ratios, never asserted: the machine's load moves every figure.
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type postgres from "postgres";
import { createScratchDatabase } from "./load-harness";
import { ensureBuild, newSecrets, startAppServer, step, stopAppServer, waitForHealth } from "./app-server";
import { seed, signInAll, withoutTouchIndexes } from "./bench-harness";
import { buildMarkupApp, markupOf } from "./markup-ceiling";
import { baseFilesOf, buildNextApp, startNextApp } from "./next-app";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const beforeDistDir = process.env.BENCH_BEFORE_DIST_DIR || undefined;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmUpSeconds = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const basePort = Number(process.env.BENCH_PORT ?? 3235);
const clients = Number(process.env.BENCH_CLIENTS ?? 200);
const profile = process.env.BENCH_PROFILE === "1";
/** BENCH_SAVE_PAGES=<folder>: each measured page's HTML is written there, to see what it carries. */
const savePages = process.env.BENCH_SAVE_PAGES || undefined;
/** BENCH_ONLY=today,leads: only the pages whose label starts with one of these (and the bare page). */
const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim().toLowerCase());
const deadlineMs = Number(process.env.BENCH_DEADLINE_MINUTES ?? 20) * 60_000;
const connections = 10;
/** USER_HZ: the unit of the CPU times in /proc/<pid>/stat on Linux. */
const ticksPerSecond = 100;

const seeker = { email: "seeker@bench.example", leads: 50 };
const coach = { email: "coach@bench.example" };

interface Target {
  label: string;
  path: string;
  marker: string;
  who?: "seeker" | "coach";
  goal?: number;
}

interface Measured {
  target: Target;
  build: string;
  requestsPerSecond: number;
  /** CPU milliseconds per request of the app server's processes, and of the database's backends. */
  appCpu: number;
  dbCpu: number;
  p50: number;
  p99: number;
  bytes: number;
}

const deadline = setTimeout(() => {
  console.error(`bench:throughput took longer than ${deadlineMs / 60_000} minutes; stopping.`);
  void cleanUp().finally(() => process.exit(2));
}, deadlineMs);

const servers: ChildProcess[] = [];
let markupDir: string | undefined;
let database: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;

try {
  const load = loadavg();
  const bareDir = ensureBareApp();
  ensureBuild(distDir, "BENCH_BUILD");
  if (beforeDistDir) ensureBuild(beforeDistDir, "BENCH_BUILD");
  database = await createScratchDatabase(serverUrl, "speed_throughput");
  await seed(database.url, fill);

  const bare = startNextApp(bareDir, basePort);
  servers.push(bare);
  const bareBase = `http://127.0.0.1:${basePort}`;
  const secrets = newSecrets();
  const builds = [{ name: beforeDistDir ? "after" : distDir, distDir, port: basePort + 1 }];
  if (beforeDistDir) builds.unshift({ name: "before", distDir: beforeDistDir, port: basePort + 2 });
  const profileDir = profile ? mkdtempSync(path.join(tmpdir(), "cadence-cpu-profile-")) : undefined;
  for (const build of builds) {
    servers.push(
      startAppServer({
        port: build.port,
        distDir: build.distDir,
        databaseUrl: database.url,
        secrets,
        nodeOptions: profileDir ? [`--cpu-prof`, `--cpu-prof-dir=${path.join(profileDir, build.name)}`] : [],
      }),
    );
  }
  await waitForHealth(bareBase, 60_000, "/");
  for (const build of builds) await waitForHealth(`http://127.0.0.1:${build.port}`);
  // Sessions live in the database and the servers share their secrets: a cookie works on each.
  const [seekerCookie, coachCookie] = await signInAll(`http://127.0.0.1:${builds[0]!.port}`, [seeker, coach]);
  const leadId = await firstLeadId(database.url);
  const cookies = { seeker: seekerCookie!, coach: coachCookie! };

  const bareTarget: Target = { label: "bare Next.js page", path: "/", marker: "Bare page" };
  const targets: Target[] = [
    // What any signed-in page costs before its own work: the proxy, the session check, the layout.
    { label: "signed-in floor (/invitations)", path: "/invitations", marker: "Invitation code", who: "seeker" },
    { label: "Today (50 leads)", path: "/today", marker: "Daily call:", who: "seeker", goal: 0.3 },
    { label: "Leads", path: "/leads", marker: "Company 1", who: "seeker", goal: 0.3 },
    { label: "a lead", path: `/leads/${leadId}`, marker: "Company 1", who: "seeker", goal: 0.3 },
    { label: `Clients (${clients})`, path: "/coach", marker: `${clients} clients`, who: "coach", goal: 0.2 },
  ];

  const chosen = targets.filter((target) => !only || only.some((name) => target.label.toLowerCase().startsWith(name)));
  // Each page's markup alone (scripts/markup-ceiling.ts), as the build measured last serves it now.
  const shown = builds.at(-1)!;
  const slugOf = (target: Target) => target.label.toLowerCase().replace(/\W+/g, "-").replace(/^-|-$/g, "");
  const markupPages = [];
  for (const target of chosen) {
    const response = await fetch(`http://127.0.0.1:${shown.port}${target.path}`, { headers: { cookie: cookies[target.who!] }, redirect: "manual" });
    if (response.status !== 200) throw new Error(`${shown.name} GET ${target.path} answered ${response.status}`);
    markupPages.push({ slug: slugOf(target), markup: markupOf(await response.text()) });
  }
  step("building the markup ceiling app (each page's HTML, rendered by a bare app)…");
  markupDir = buildMarkupApp(markupPages);
  const markupPort = basePort + 3;
  const markupServer = startNextApp(markupDir, markupPort);
  servers.push(markupServer);
  const markupBase = `http://127.0.0.1:${markupPort}`;
  if (chosen.length > 0) await waitForHealth(markupBase, 60_000, `/${slugOf(chosen[0]!)}`);

  const results: Measured[] = [];
  results.push(await measure(bareBase, bareTarget, "bare", undefined, bare, seconds));
  // With two builds, each page is measured before, after, after, before, half the time each: the
  // build measured second came out slower often enough to flip a 10% difference.
  const orders = builds.length > 1 ? [[0, 1], [1, 0]] : [[0]];
  const halves: Measured[] = [];
  const ceilings: Measured[] = [];
  for (const target of chosen) {
    for (const order of orders) {
      for (const index of order) {
        const build = builds[index]!;
        halves.push(
          await measure(`http://127.0.0.1:${build.port}`, target, build.name, cookies[target.who!], servers[index + 1]!, seconds / orders.length),
        );
      }
    }
    ceilings.push(await measure(markupBase, { ...target, path: `/${slugOf(target)}` }, "markup", undefined, markupServer, seconds));
  }
  for (const build of builds) {
    for (const target of chosen) results.push(combined(halves.filter((half) => half.build === build.name && half.target === target)));
  }
  results.push(...ceilings);
  results.push(await measure(bareBase, bareTarget, "bare", undefined, bare, seconds));
  report(results, load, loadavg());
  if (profileDir) step(`CPU profiles (written as the servers stop): ${profileDir}`);
} finally {
  clearTimeout(deadline);
  await cleanUp();
}

async function cleanUp() {
  for (const server of servers) await stopAppServer(server);
  if (markupDir) rmSync(markupDir, { recursive: true, force: true });
  // BENCH_KEEP_DATABASE=1 keeps the seeded database, to look into a page's statements (its name is printed).
  if (process.env.BENCH_KEEP_DATABASE === "1") step(`kept the database ${database?.url}`);
  else await database?.drop();
}

/** The bare app's folder, built when its build is missing or older than its files. */
function ensureBareApp(): string {
  const versions = ["next", "react", "react-dom"].map(
    (name) => `${name}@${JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")).version}`,
  );
  const files: Record<string, string> = {
    ...baseFilesOf("cadence-bare-next"),
    "app/page.jsx": [
      'import { headers } from "next/headers";',
      "export default async function Page() {",
      "  // Reading the request's headers renders the page per request, as Cadence's signed-in pages are.",
      '  const agent = (await headers()).get("user-agent") ?? "";',
      "  return (<main><h1>Bare page</h1><p>{agent.length}</p></main>);",
      "}",
    ].join("\n"),
  };
  const hash = createHash("sha256").update(JSON.stringify({ versions, files })).digest("hex").slice(0, 12);
  const dir = path.join(tmpdir(), `cadence-bare-next-${hash}`);
  if (existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    step(`using the bare app built in ${dir} (${versions.join(", ")})`);
    return dir;
  }
  step(`building the bare app (${versions.join(", ")}) in ${dir}…`);
  buildNextApp(dir, files);
  return dir;
}

async function firstLeadId(databaseUrl: string): Promise<string> {
  const { default: postgresClient } = await import("postgres");
  const sql = postgresClient(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ id: string }[]>`
      select leads.id from leads join users on users.id = leads.user_id
      where users.email = ${seeker.email} and leads.company = 'Company 1'`;
    return row!.id;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A warm-up, then `seconds` of 10 connections on one page; every answer must be 200. */
async function measure(
  base: string,
  target: Target,
  build: string,
  cookie: string | undefined,
  server: ChildProcess,
  duration: number,
): Promise<Measured> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const check = await fetch(`${base}${target.path}`, { headers, redirect: "manual" });
  const body = await check.text();
  if (check.status !== 200 || !body.includes(target.marker)) {
    throw new Error(`${build} GET ${target.path} answered ${check.status} without "${target.marker}"`);
  }
  if (savePages) {
    mkdirSync(savePages, { recursive: true });
    writeFileSync(path.join(savePages, `${build}-${target.label.replace(/\W+/g, "-")}.html`), body);
  }
  const run = (duration: number) =>
    autocannon({ url: `${base}${target.path}`, connections, duration, headers, timeout: 30 }) as unknown as Promise<autocannon.Result>;
  await run(warmUpSeconds);
  const cpuBefore = { app: processTreeCpuMs(server.pid!), db: databaseCpuMs(database!.name) };
  const result = await run(duration);
  const cpuAfter = { app: processTreeCpuMs(server.pid!), db: databaseCpuMs(database!.name) };
  const requests = Math.max(1, result.requests.total);
  if (result.non2xx + result.errors + result.timeouts > 0) {
    throw new Error(`${build} GET ${target.path}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  step(`${build.padEnd(6)} ${target.label}: ${result.requests.average.toFixed(1)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  return {
    target,
    build,
    requestsPerSecond: result.requests.average,
    appCpu: (cpuAfter.app - cpuBefore.app) / requests,
    dbCpu: (cpuAfter.db - cpuBefore.db) / requests,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes: Buffer.byteLength(body),
  };
}

/** One page's measurements in several parts as one: their means, the worst p99. */
function combined(parts: Measured[]): Measured {
  const mean = (figure: (part: Measured) => number) => parts.reduce((sum, part) => sum + figure(part), 0) / parts.length;
  return {
    ...parts[0]!,
    requestsPerSecond: mean((part) => part.requestsPerSecond),
    appCpu: mean((part) => part.appCpu),
    dbCpu: mean((part) => part.dbCpu),
    p50: Math.round(mean((part) => part.p50)),
    p99: Math.max(...parts.map((part) => part.p99)),
  };
}

function report(results: Measured[], loadBefore: number[], loadAfter: number[]) {
  const bareRuns = results.filter((result) => result.build === "bare");
  const bare = bareRuns.reduce((sum, result) => sum + result.requestsPerSecond, 0) / bareRuns.length;
  const load = (figures: number[]) => figures.map((figure) => figure.toFixed(2)).join(" ");
  console.log(
    `\nbench:throughput — ${connections} connections, ${seconds} s per page after ${warmUpSeconds} s warm-up, loopback, ` +
      `production builds on PostgreSQL; load average ${load(loadBefore)} before, ${load(loadAfter)} after (${availableParallelism()} cores)`,
  );
  console.log(`bare page: ${bareRuns.map((run) => run.requestsPerSecond.toFixed(1)).join(" then ")} req/s (ratios to the mean)\n`);
  const bareCpu = bareRuns.reduce((sum, result) => sum + result.appCpu, 0) / bareRuns.length;
  const header = ["build", "page", "req/s", "p50 ms", "p99 ms", "HTML KB", "× bare", "goal", "× markup", "app CPU ms/req", "db CPU ms/req", "× bare by CPU"];
  const ceilingOf = (target: Target) => results.find((result) => result.build === "markup" && result.target.label === target.label);
  const rows = results.map((result) => {
    const ratio = result.requestsPerSecond / bare;
    const goal = result.target.goal;
    // What the throughput ratio would be if the server were bound by its own CPU alone, as it is on
    // an idle machine: the bare page's CPU per request over this page's (app server and database).
    const cpuRatio = bareCpu / (result.appCpu + result.dbCpu);
    return [
      result.build,
      result.target.label,
      result.requestsPerSecond.toFixed(1),
      String(result.p50),
      String(result.p99),
      (result.bytes / 1024).toFixed(1),
      `${ratio.toFixed(2)}×`,
      goal === undefined ? "" : `≥ ${goal}× ${ratio >= goal ? "met" : "NOT met"}`,
      // The page's share of what its markup alone serves: 1× is every line of Cadence's own work gone.
      result.build === "bare" || result.build === "markup" ? "" : `${(result.requestsPerSecond / (ceilingOf(result.target)?.requestsPerSecond ?? NaN)).toFixed(2)}×`,
      result.appCpu.toFixed(1),
      result.dbCpu.toFixed(1),
      `${cpuRatio.toFixed(2)}×${goal === undefined ? "" : cpuRatio >= goal ? " met" : " NOT met"}`,
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
  console.log(
    '\n"markup": the page\'s own HTML served by a bare app that only renders it (scripts/markup-ceiling.ts): the most the page' +
      "\ncould serve with all of Cadence's own work gone. A goal its markup misses needs a page that says less.",
  );
}

/** CPU time (user and system, milliseconds) of a process and its descendants so far; 0 off Linux. */
function processTreeCpuMs(root: number): number {
  const stats = readProcStats();
  const children = new Map<number, number[]>();
  for (const stat of stats.values()) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += stats.get(pid)?.cpuMs ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** CPU time of the PostgreSQL backends connected to `database` (their title names it). */
function databaseCpuMs(database: string): number {
  let total = 0;
  for (const stat of readProcStats().values()) {
    if (stat.command.includes(` ${database} `)) total += stat.cpuMs;
  }
  return total;
}

function readProcStats(): Map<number, { pid: number; ppid: number; cpuMs: number; command: string }> {
  const stats = new Map<number, { pid: number; ppid: number; cpuMs: number; command: string }>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return stats;
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command in parentheses may hold spaces: the fields after it are split from its end.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      stats.set(Number(entry), { pid: Number(entry), ppid: Number(fields[1]), cpuMs: (ticks * 1000) / ticksPerSecond, command });
    } catch {
      // The process ended meanwhile.
    }
  }
  return stats;
}

/** The seeker (50 leads, 500 touches, like bench:today's) and the coach with `clients` clients. */
async function fill(tx: postgres.TransactionSql, passwordHash: string) {
  const zones = ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Europe/Paris", "Asia/Kathmandu", "America/St_Johns"];
  await tx`
    insert into users (id, name, email, password_hash, time_zone, campaign_start_date)
    values (md5('tp-seeker')::uuid, 'Bench Seeker', ${seeker.email}, ${passwordHash}, 'Europe/Paris', current_date - 14),
           (md5('tp-coach')::uuid, 'Bench Coach', ${coach.email}, ${passwordHash}, 'UTC', null)`;
  await tx`
    insert into users (id, name, email, password_hash, time_zone, campaign_start_date)
    select md5('tp-client-' || g)::uuid, 'Client ' || g, 'client-' || g || '@bench.example', 'x',
           (${zones}::text[])[1 + g % ${zones.length}], current_date - 35 - g % 7
    from generate_series(1, ${clients}::int) g`;
  await tx`
    insert into coach_links (coach_id, seeker_id)
    select md5('tp-coach')::uuid, md5('tp-client-' || g)::uuid from generate_series(1, ${clients}::int) g`;
  // The seeker: nine in ten leads touched, the last tenth planned ahead; some paused, some closed.
  await tx`
    insert into leads (id, user_id, company, contact_name, title, email, phone, position, planned_first_contact,
                       paused_until, closed_at, closed_as)
    select md5('tp-seeker-lead-' || p)::uuid, md5('tp-seeker')::uuid, 'Company ' || p, 'Contact ' || p, 'Hiring manager',
           'contact' || p || '@company' || p || '.example', '+1 555 01' || lpad(p::text, 2, '0'), p,
           case when p > 45 then current_date + (p - 46) end,
           case when p % 17 = 0 then current_date + 5 end,
           case when p % 23 = 0 then now() - interval '3 days' end,
           case when p % 23 = 0 then 'dropped' end
    from generate_series(1, ${seeker.leads}::int) p`;
  await tx`
    insert into leads (id, user_id, company, contact_name, position, planned_first_contact, paused_until, closed_at, closed_as)
    select md5('tp-client-' || g || '-lead-' || p)::uuid, md5('tp-client-' || g)::uuid, 'Client company ' || g || '-' || p,
           'Contact ' || p, p,
           case when p > 30 then current_date + (p - 30) end,
           case when p % 17 = 0 then current_date + 5 end,
           case when p % 23 = 0 then now() - interval '3 days' end,
           case when p % 23 = 0 then 'dropped' end
    from generate_series(1, ${clients}::int) g, generate_series(1, 50) p`;
  await withoutTouchIndexes(tx, async () => {
    // The seeker's latest touches are 0 to 19 days old: Today has leads in every state.
    await tx`
      insert into touches (user_id, lead_id, at, local_date, channel, direction, outcome, note)
      select md5('tp-seeker')::uuid, md5('tp-seeker-lead-' || (1 + k % 45))::uuid, t.at,
             (t.at at time zone 'Europe/Paris')::date,
             (array['phone','email','linkedin','email','in_person','letter'])[1 + k % 6],
             case when k % 5 = 0 then 'inbound' else 'outbound' end,
             case k % 3 when 0 then 'conversation' when 1 then 'left_message' end,
             'Bench note ' || k
      from generate_series(1, 500) k
      cross join lateral (
        select now() - ((1 + k % 45) % 20) * interval '1 day' - (k / 45) * interval '5 days' - (k % 9) * interval '1 hour' as at
      ) t`;
    await tx`
      insert into touches (user_id, lead_id, at, local_date, channel, direction, outcome, note, too_soon)
      select md5('tp-client-' || g)::uuid, md5('tp-client-' || g || '-lead-' || (1 + k % 30))::uuid, t.at,
             (t.at at time zone (${zones}::text[])[1 + g % ${zones.length}])::date,
             (array['phone','email','linkedin','email','in_person','email'])[1 + (k + g) % 6],
             case when k % 5 = 0 then 'inbound' else 'outbound' end,
             case k % 3 when 0 then 'conversation' when 1 then 'left_message' end,
             'Bench note ' || k,
             k % 37 = 0
      from generate_series(1, ${clients}::int) g, generate_series(1, 500) k
      cross join lateral (select now() - ((k * 7919 + g * 13) % 1200) * interval '1 hour' as at) t`;
  });
}
