// Several app servers may share one PostgreSQL database, and each migrates at start (README,
// "Deploying"). Against the production build:
// 1. two servers started at the same moment on a fresh database both come up: /api/health answers 200
//    on each, and every migration is recorded once;
// 2. a server that cannot start (its database does not exist) exits non-zero with a message, instead
//    of staying up and answering 500 to every request.
// `npm run check:concurrent-start`; CONCURRENT_DATABASE_URL names the server (a database of its own is
// created and dropped), CONCURRENT_PORT the first of two ports.
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { ensureBuild, newSecrets, startAppServer, step, stopAppServer, waitForHealth } from "./app-server";

const serverUrl = process.env.CONCURRENT_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const port = Number(process.env.CONCURRENT_PORT ?? 3340);

const problems: string[] = [];
let passed = 0;
function check(ok: boolean, what: string) {
  if (ok) passed++;
  else problems.push(what);
  step(`${ok ? "ok" : "FAILED"}: ${what}`);
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

ensureBuild(distDir, "CONCURRENT_REBUILD");
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
const name = `cadence_concurrent_${Date.now()}`;
await admin.unsafe(`create database "${name}"`);
const secrets = newSecrets();
const servers = [port, port + 1].map((p) => ({ port: p, child: startAppServer({ port: p, distDir, databaseUrl: databaseUrl(name), secrets }) }));
try {
  // 1. Both at once, on the fresh database.
  const health = await Promise.allSettled(servers.map(({ port: p }) => waitForHealth(`http://127.0.0.1:${p}`, 90_000)));
  for (const [index, outcome] of health.entries()) {
    check(outcome.status === "fulfilled", `server ${index + 1} of 2 answers 200 on /api/health`);
  }
  for (const { port: p } of servers) {
    const response = await fetch(`http://127.0.0.1:${p}/sign-in`).catch(() => undefined);
    check(response?.status === 200, `server on ${p} serves /sign-in`);
  }
  const journal = JSON.parse(readFileSync(path.join("db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  const database = postgres(databaseUrl(name), { max: 1, onnotice: () => {} });
  const [row] = await database<{ n: string }[]>`select count(*) as n from drizzle.__drizzle_migrations`;
  await database.end({ timeout: 5 });
  check(Number(row?.n) === journal.entries.length, `each of the ${journal.entries.length} migrations recorded once (found ${row?.n})`);
} finally {
  await Promise.all(servers.map(({ child }) => stopAppServer(child)));
}

// 2. A start that fails ends the process.
const doomed = startAppServer({ port, distDir, databaseUrl: databaseUrl(`${name}_missing`), secrets, pipeStderr: true });
let stderr = "";
doomed.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
let giveUp: NodeJS.Timeout | undefined;
const exitCode = await Promise.race([
  new Promise<number | null>((resolve) => doomed.once("exit", (code) => resolve(code))),
  new Promise<"running">((resolve) => (giveUp = setTimeout(() => resolve("running"), 60_000))),
]);
// A pending timer keeps Node running: without this the script sat out the whole minute after the exit.
clearTimeout(giveUp);
if (exitCode === "running") await stopAppServer(doomed);
check(typeof exitCode === "number" && exitCode !== 0, `a server whose database is missing exits non-zero (got ${exitCode})`);
check(stderr.includes("Cadence cannot start"), "and says why on standard error");

await admin.unsafe(`drop database if exists "${name}" with (force)`);
await admin.end({ timeout: 5 });
console.log(`${passed} passed, ${problems.length} failed`);
if (problems.length > 0) {
  console.error(problems.map((problem) => `  - ${problem}`).join("\n"));
  process.exit(1);
}
