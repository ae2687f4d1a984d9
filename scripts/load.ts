// `npm run load`: the production build on the PostgreSQL server (a fresh database, dropped after),
// 50 seekers (LOAD_SEEKERS) signed up with the sample job search, driven for 60 s (LOAD_SECONDS) on
// loopback by autocannon: reading Today, opening leads, logging touches (some sent again, some
// several times at once). It then checks that every touch the server acknowledged is stored exactly
// once, for the seeker, lead and channel it was sent with, and that no request failed, and prints
// requests per second, p50 and p99 per kind of request and the error count. Exit 1 on any failure.
//
// LOAD_DATABASE_URL: the server (default loopback); NEXT_DIST_DIR: the build (built if missing,
// LOAD_BUILD=1 rebuilds); LOAD_PORT (3310); LOAD_DEADLINE_MINUTES (5) bounds the whole run.
import type { ChildProcess } from "node:child_process";
import { ensureBuild, newSecrets, startAppServer, step, stopAppServer, waitForHealth } from "./app-server";
import {
  checkTouches,
  createScratchDatabase,
  driveLoad,
  failuresOf,
  loadActionIds,
  newLedger,
  prepareSeekers,
  reportLoad,
  resendConcurrently,
  runChecked,
} from "./load-harness";

const serverUrl = process.env.LOAD_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const port = Number(process.env.LOAD_PORT ?? 3310);
const seekerCount = Number(process.env.LOAD_SEEKERS ?? 50);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const deadlineMs = Number(process.env.LOAD_DEADLINE_MINUTES ?? 5) * 60_000;
const base = `http://127.0.0.1:${port}`;

ensureBuild(distDir, "LOAD_BUILD");
const database = await createScratchDatabase(serverUrl, "load");
let server: ChildProcess | undefined;

await runChecked({
  name: "load",
  deadlineMs,
  passed: "nothing failed and nothing was lost",
  cleanUp: async () => {
    await stopAppServer(server);
    await database.drop();
  },
  body: async () => {
    server = startAppServer({ port, distDir, databaseUrl: database.url, secrets: newSecrets() });
    await waitForHealth(base);
    const actions = loadActionIds(distDir);
    const seekers = await prepareSeekers({ base, databaseUrl: database.url, actions, count: seekerCount, label: "load" });

    // One connection per seeker: a third read Today, a third open leads, a third log touches.
    const connections = { today: Math.ceil(seekerCount / 3), lead: Math.ceil(seekerCount / 3), touch: 0 };
    connections.touch = Math.max(1, seekerCount - connections.today - connections.lead);
    step(`driving ${seekerCount} connections for ${seconds} s…`);
    const ledger = newLedger();
    const [results, resendProblems] = await Promise.all([
      driveLoad({ base, seekers, durationSeconds: seconds, connections, logTouchId: actions.logTouch, ledger }),
      // Under the load: a few touches sent four times at once, as a tap repeated by a flaky network.
      resendConcurrently({ base, seekers, logTouchId: actions.logTouch, ledger, keys: 20, copies: 4 }),
    ]);
    console.log(`\nload: ${seekerCount} seekers, ${seconds} s, loopback, production build on PostgreSQL\n`);
    reportLoad(results, ledger);
    const failures = failuresOf(results, ledger);
    const problems = [...resendProblems, ...(await checkTouches(database.url, ledger))];
    if (failures > 0) problems.push(`${failures} requests failed`);
    if (ledger.acknowledged.size === 0) problems.push("no touch was acknowledged");
    return problems;
  },
});
