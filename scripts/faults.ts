// `npm run faults`: two faults under load, each checked for lost or half-written data.
//
// 1. The server is killed with SIGKILL while seekers log touches and a CSV import's transaction is
//    open and writing (seen in pg_stat_activity; tried again until the import's leads are found
//    rolled back, so the kill is known to have landed inside it), then started again: every touch
//    acknowledged before or after is stored exactly once, and every import is whole (the importing
//    seeker holds a whole number of imports: none half-written).
// 2. PostgreSQL crashes under load (pg_ctl stop -m immediate: no checkpoint, WAL replay at start) and
//    starts again, without restarting the app: while it is down, /api/health answers 503 and pages
//    answer an error page, each within seconds (no hang); once it is back the app serves again by
//    itself. Then the PostgreSQL server process of the app's connection is killed (SIGKILL) inside
//    an import's transaction: the cluster resets and replays its WAL, the app recovers, the import
//    is whole. No acknowledged touch is lost.
//
// Fault 1 uses a fresh database on the PostgreSQL server (FAULTS_DATABASE_URL, default loopback).
// Fault 2 stops a PostgreSQL cluster of its own (initdb in a temporary folder, port FAULTS_PG_PORT,
// 5499), so no other database on the machine goes down. FAULTS_PORT (3320): the app's port.
// Bounded by FAULTS_DEADLINE_MINUTES (8).
import { spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import postgres from "postgres";
import { previewLeadsImport } from "@/lib/csv/import-leads";
import { ensureBuild, launchBrowser, newSecrets, startAppServer, step, stopAppServer, waitForHealth } from "./app-server";
import {
  checkTouches,
  createScratchDatabase,
  driveLoad,
  loadActionIds,
  newLedger,
  prepareSeekers,
  reportLoad,
  runChecked,
  type Seeker,
} from "./load-harness";

const serverUrl = process.env.FAULTS_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const port = Number(process.env.FAULTS_PORT ?? 3320);
const clusterPort = Number(process.env.FAULTS_PG_PORT ?? 5499);
const deadlineMs = Number(process.env.FAULTS_DEADLINE_MINUTES ?? 8) * 60_000;
const base = `http://127.0.0.1:${port}`;
const IMPORT_ROWS = 500;
/** Kills of the server before one lands inside an import's transaction. */
const KILL_ATTEMPTS = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let server: ChildProcess | undefined;
const cleanUps: (() => Promise<void>)[] = [];
const problems: string[] = [];

async function cleanUp() {
  await stopAppServer(server);
  for (const undo of cleanUps.reverse()) await undo().catch((error: unknown) => console.error(error));
  cleanUps.length = 0;
}

/** The confirm-import form's rows for a CSV of `IMPORT_ROWS` leads, as the preview hands them to the browser. */
function importRows(): string {
  const lines = ["Company,Contact name,E-mail"];
  for (let row = 1; row <= IMPORT_ROWS; row++) lines.push(`Imported Company ${row},Person ${row},person${row}@import.example`);
  const result = previewLeadsImport({ text: lines.join("\n"), existing: [] });
  if (!result.ok) throw new Error(result.error);
  return JSON.stringify(result.preview.candidates);
}

/**
 * Imports over and over as one seeker until stopped; counts the imports the server acknowledged.
 * `paused` sends no new import (the one in flight goes on); `settled()` waits for that one.
 */
function importLoop(importer: Seeker) {
  const body = new URLSearchParams({ rows: importRows(), includeDuplicates: "yes" }).toString();
  const state = { acknowledged: 0, attempts: 0, inFlight: false, paused: false, running: true };
  const done = (async () => {
    while (state.running) {
      if (state.paused) {
        await sleep(20);
        continue;
      }
      state.attempts++;
      state.inFlight = true;
      let failed = false;
      try {
        // As the import page's confirm step posts it (app/leads/import/confirm/route.ts).
        const response = await fetch(`${base}/leads/import/confirm`, {
          method: "POST",
          headers: { origin: base, "content-type": "application/x-www-form-urlencoded", cookie: importer.cookie },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        const result = (await response.json()) as { ok?: boolean; location?: string };
        if (result.ok && result.location?.startsWith(`/leads?imported=${IMPORT_ROWS}`)) state.acknowledged++;
      } catch {
        failed = true;
      } finally {
        state.inFlight = false;
      }
      if (failed) await sleep(200); // The server is down: try again shortly.
    }
  })();
  return {
    state,
    settled: async () => {
      while (state.inFlight) await sleep(10);
    },
    stop: async () => ((state.running = false), await done),
  };
}

/**
 * Waits until PostgreSQL shows an import's transaction open and already writing: a backend with a
 * transaction id whose statement is (or last was) the insert of the leads, not yet committed; the
 * load never inserts leads otherwise. Answers the backend's pid, or undefined after `timeoutMs`.
 */
async function openImportTransaction(watch: postgres.Sql, timeoutMs: number): Promise<number | undefined> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const [row] = await watch<{ pid: number }[]>`
      select pid from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null
        and state in ('active', 'idle in transaction') and query ilike 'insert into "leads"%'`;
    if (row) return row.pid;
    await sleep(2);
  }
  return undefined;
}

/** Waits until the backend `pid` has ended (its client gone, its transaction rolled back). */
async function backendEnded(watch: postgres.Sql, pid: number) {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const rows = await watch`select 1 from pg_stat_activity where pid = ${pid}`;
    if (rows.length === 0) return;
    await sleep(20);
  }
  throw new Error(`PostgreSQL backend ${pid} was still there 15 s after its client was killed`);
}

/** The imports stored for the importer since `leadsBefore`; a problem when one is half-written or lost. */
async function checkImports(
  label: string,
  databaseUrl: string,
  email: string,
  leadsBefore: number,
  { acknowledged, attempts }: { acknowledged: number; attempts: number },
) {
  const imported = (await countLeads(databaseUrl, email)) - leadsBefore;
  const whole = imported % IMPORT_ROWS === 0;
  const committed = imported / IMPORT_ROWS;
  step(
    `imports: ${attempts} sent, ${acknowledged} acknowledged, ${imported} leads stored = ` +
      `${whole ? `${committed} whole imports` : "a HALF-WRITTEN import"}`,
  );
  if (!whole) problems.push(`${label}: ${imported} imported leads is not a whole number of ${IMPORT_ROWS}-row imports`);
  else if (committed < acknowledged || committed > attempts) {
    problems.push(`${label}: ${committed} imports stored, but ${acknowledged} acknowledged of ${attempts} sent`);
  }
}

async function countLeads(databaseUrl: string, email: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ leads: number }[]>`
      select count(*)::int as leads from leads join users on users.id = leads.user_id where users.email = ${email}`;
    return row?.leads ?? 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function serverKilledUnderLoad() {
  console.log("\n== fault 1: the server is killed with SIGKILL under load, then started again ==");
  const database = await createScratchDatabase(serverUrl, "faults");
  cleanUps.push(database.drop);
  const secrets = newSecrets();
  server = startAppServer({ port, distDir, databaseUrl: database.url, secrets });
  await waitForHealth(base);
  const actions = loadActionIds(distDir);
  const [importer, ...seekers] = await prepareSeekers({ base, databaseUrl: database.url, actions, count: 21, label: "killed" });
  const importerLeadsBefore = await countLeads(database.url, importer!.email);

  const ledger = newLedger();
  const load = driveLoad({
    base,
    seekers,
    durationSeconds: 45,
    connections: { today: 3, lead: 3, touch: 12 },
    logTouchId: actions.logTouch,
    ledger,
  });
  const imports = importLoop(importer!);
  const watch = postgres(database.url, { max: 1, onnotice: () => {} });
  cleanUps.push(() => watch.end({ timeout: 5 }));
  // After six seconds of load, kill the server while PostgreSQL shows the import's transaction open
  // and writing; the leads found afterwards tell whether it was rolled back (the kill landed inside
  // it) or had just committed (then again, with the next import).
  await sleep(6_000);
  let acknowledgedBeforeKill = 0;
  let landed = false;
  for (let attempt = 1; attempt <= KILL_ATTEMPTS && !landed; attempt++) {
    // An import takes over ten seconds on a loaded machine, most of it before its transaction.
    const backend = await openImportTransaction(watch, 60_000);
    if (backend === undefined) {
      problems.push("fault 1: no open import transaction was seen in pg_stat_activity within 60 s");
      break;
    }
    imports.state.paused = true;
    acknowledgedBeforeKill = ledger.acknowledged.size;
    const killedAt = Date.now();
    server!.kill("SIGKILL");
    await imports.settled();
    await backendEnded(watch, backend);
    const stored = (await countLeads(database.url, importer!.email)) - importerLeadsBefore;
    landed = stored === imports.state.acknowledged * IMPORT_ROWS;
    step(
      `attempt ${attempt}: SIGKILL to the server (pid ${server!.pid}) with the import's transaction open in ` +
        `backend ${backend}: ${landed ? "its leads were rolled back" : "it committed first, so again"}`,
    );
    server = startAppServer({ port, distDir, databaseUrl: database.url, secrets });
    const downFor = await waitForHealth(base);
    step(`the server answered again ${seconds(Date.now() - killedAt)} after the kill (health check after ${seconds(downFor)})`);
    imports.state.paused = false;
  }
  if (!landed) problems.push(`fault 1: no kill in ${KILL_ATTEMPTS} landed inside an import's transaction`);

  const results = await load;
  await imports.stop();
  reportLoad(results, ledger);
  const acknowledgedAfter = ledger.acknowledged.size - acknowledgedBeforeKill;
  if (acknowledgedAfter === 0) problems.push("fault 1: no touch was acknowledged after the restart");
  problems.push(...(await checkTouches(database.url, ledger)).map((problem) => `fault 1: ${problem}`));
  await checkImports("fault 1", database.url, importer!.email, importerLeadsBefore, imports.state);
  step(`touches acknowledged: ${acknowledgedBeforeKill} before the last kill, ${acknowledgedAfter} after`);
  await stopAppServer(server);
}

/** A PostgreSQL 15 cluster of this run's own, in a temporary folder, that it may stop and start. */
function privateCluster() {
  const binaries = path.join("/usr/lib/postgresql", readdirSync("/usr/lib/postgresql").sort().at(-1)!, "bin");
  const dataDir = mkdtempSync(path.join(tmpdir(), "cadence-faults-pg-"));
  // PostgreSQL refuses to run as root: run its tools as the postgres user then.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const owner = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const group = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    chownSync(dataDir, Number(owner.stdout), Number(group.stdout));
  }
  const run = (tool: string, args: string[]) => {
    const [command, commandArgs] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(binaries, tool), ...args]]
      : [path.join(binaries, tool), args];
    const result = spawnSync(command, commandArgs as string[], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  };
  const options = `-p ${clusterPort} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=on`;
  return {
    url: `postgres://postgres@127.0.0.1:${clusterPort}/postgres`,
    init: () => run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]),
    start: () => run("pg_ctl", ["-D", dataDir, "-o", options, "-l", path.join(dataDir, "log"), "-w", "start"]),
    /** A crash: no checkpoint, so the start replays the WAL; only what was flushed survives. */
    crash: () => run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]),
    remove: async () => {
      spawnSync(asRoot ? "runuser" : path.join(binaries, "pg_ctl"), asRoot
        ? ["-u", "postgres", "--", path.join(binaries, "pg_ctl"), "-D", dataDir, "-m", "immediate", "-w", "stop"]
        : ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One GET with a time limit: its status and how long it took (status 0: no answer). */
async function probe(pathname: string, cookie?: string) {
  const started = Date.now();
  try {
    const response = await fetch(`${base}${pathname}`, {
      headers: cookie ? { cookie } : {},
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    return { status: response.status, ms: Date.now() - started };
  } catch {
    return { status: 0, ms: Date.now() - started };
  }
}

async function databaseRestartedUnderLoad() {
  console.log("\n== fault 2: PostgreSQL crashes under load and starts again, then a backend is killed mid-import; the app is not restarted ==");
  const cluster = privateCluster();
  cluster.init();
  cluster.start();
  cleanUps.push(cluster.remove);
  const database = await createScratchDatabase(cluster.url, "faults");
  cleanUps.push(database.drop);
  server = startAppServer({ port, distDir, databaseUrl: database.url, secrets: newSecrets() });
  await waitForHealth(base);
  const actions = loadActionIds(distDir);
  const [importer, ...seekers] = await prepareSeekers({ base, databaseUrl: database.url, actions, count: 11, label: "outage" });
  const importerLeadsBefore = await countLeads(database.url, importer!.email);
  const browser = await launchBrowser();
  cleanUps.push(() => browser.close());
  const browserContext = await browser.newContext();

  const ledger = newLedger();
  const load = driveLoad({
    base,
    seekers,
    durationSeconds: 40,
    connections: { today: 4, lead: 3, touch: 6 },
    logTouchId: actions.logTouch,
    ledger,
  });
  await sleep(6_000);
  const acknowledgedBeforeStop = ledger.acknowledged.size;
  step("crashing PostgreSQL (pg_ctl stop -m immediate)");
  cluster.crash();
  const stoppedAt = Date.now();

  const health = await probe("/api/health");
  const today = await probe("/today", seekers[0]!.cookie);
  step(`while it is down: /api/health ${health.status} in ${health.ms} ms, /today ${today.status} in ${today.ms} ms`);
  if (health.status !== 503) problems.push(`fault 2: /api/health answered ${health.status} while the database was down`);
  if (today.status < 500) problems.push(`fault 2: /today answered ${today.status} while the database was down`);
  if (Math.max(health.ms, today.ms) > 10_000) problems.push("fault 2: a request took over 10 s while the database was down");
  // What the seeker sees: the error page (drawn by the browser), then Today again after "Try again".
  const [name, value] = seekers[0]!.cookie.split(/=(.*)/s) as [string, string];
  await browserContext.addCookies([{ name, value, url: base }]);
  const page = await browserContext.newPage();
  await page.goto(`${base}/today`);
  const sawErrorPage = await page
    .getByRole("heading", { name: "Something went wrong" })
    .waitFor({ timeout: 10_000 })
    .then(() => true, () => false);
  if (!sawErrorPage) problems.push("fault 2: the browser did not show the error page while the database was down");
  else {
    const { violations } = await new AxeBuilder({ page }).analyze();
    if (violations.length > 0) problems.push(`fault 2: the error page has accessibility violations: ${violations.map((v) => v.id).join(", ")}`);
  }

  await sleep(Math.max(0, stoppedAt + 5_000 - Date.now()));
  step("starting PostgreSQL again");
  cluster.start();
  const startedAt = Date.now();
  const recoveredIn = await waitForHealth(base, 30_000).catch(() => -1);
  if (recoveredIn < 0) problems.push("fault 2: the app did not recover within 30 s of the database coming back");
  else step(`the app answered /api/health 200 ${seconds(Date.now() - startedAt)} after PostgreSQL started (down ${seconds(startedAt - stoppedAt)})`);
  if (sawErrorPage) {
    await page.getByRole("button", { name: "Try again" }).click();
    const backToToday = await page
      .getByRole("heading", { name: "Today", exact: true })
      .waitFor({ timeout: 10_000 })
      .then(() => true, () => false);
    step(`in the browser: the error page while it was down, ${backToToday ? "Today again" : "NOT Today"} after "Try again"`);
    if (!backToToday) problems.push('fault 2: "Try again" did not bring Today back once the database was up');
  }

  await killBackendDuringImport(database.url, importer!, importerLeadsBefore);

  const results = await load;
  reportLoad(results, ledger);
  const acknowledgedAfter = ledger.acknowledged.size - acknowledgedBeforeStop;
  step(`touches acknowledged: ${acknowledgedBeforeStop} before the outage, ${acknowledgedAfter} during and after`);
  const todayAfter = await probe("/today", seekers[0]!.cookie);
  if (todayAfter.status !== 200) problems.push(`fault 2: /today answered ${todayAfter.status} after the database came back`);
  if (acknowledgedAfter === 0) problems.push("fault 2: no touch was acknowledged after the database came back");
  problems.push(...(await checkTouches(database.url, ledger)).map((problem) => `fault 2: ${problem}`));
  await stopAppServer(server);
}

/**
 * Kills (SIGKILL) the PostgreSQL server process of the app's connection inside an import's
 * transaction: PostgreSQL then ends every backend and replays its WAL. The app must recover by
 * itself, and the import be rolled back whole. Only on the private cluster: it resets all of it.
 */
async function killBackendDuringImport(databaseUrl: string, importer: Seeker, leadsBefore: number) {
  const imports = importLoop(importer);
  const watch = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const backend = await openImportTransaction(watch, 20_000);
  await watch.end({ timeout: 1 }).catch(() => {});
  if (backend === undefined) {
    problems.push("fault 2: no open import transaction was seen in pg_stat_activity within 20 s");
  } else {
    imports.state.paused = true;
    const killedAt = Date.now();
    process.kill(backend, "SIGKILL");
    await imports.settled();
    step(`SIGKILL to PostgreSQL backend ${backend}, inside the import's transaction`);
    const recoveredIn = await waitForHealth(base, 30_000).catch(() => -1);
    if (recoveredIn < 0) problems.push("fault 2: the app did not recover within 30 s of the backend kill");
    else step(`the app answered /api/health 200 ${seconds(Date.now() - killedAt)} after the backend kill`);
    // One more import once it is back: the app's connections work again.
    const acknowledged = imports.state.acknowledged;
    imports.state.paused = false;
    const until = Date.now() + 20_000;
    while (imports.state.acknowledged === acknowledged && Date.now() < until) await sleep(100);
    if (imports.state.acknowledged === acknowledged) problems.push("fault 2: no import was acknowledged after the backend kill");
  }
  await imports.stop();
  await checkImports("fault 2", databaseUrl, importer.email, leadsBefore, imports.state);
}

/** `npm run faults -- kill` or `-- database` runs one fault only. */
const only = process.argv[2];
await runChecked({
  name: "faults",
  deadlineMs,
  passed: "nothing acknowledged was lost, nothing half-written",
  cleanUp,
  body: async () => {
    ensureBuild(distDir, "FAULTS_BUILD");
    if (only !== "database") await serverKilledUnderLoad();
    if (only !== "kill") await databaseRestartedUnderLoad();
    return problems;
  },
});
