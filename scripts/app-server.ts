// The production app as a child process, for the benches, the load run and the fault scripts:
// build it when there is no build, start `next start` on loopback, wait for /api/health, stop it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { chromium } from "@playwright/test";

export const step = (message: string) => console.log(`· ${message}`);

/**
 * The options `npm start` gives node (package.json's "start": a larger young generation, so the
 * collector runs less often under load), read from there so every script's server runs as deployed.
 */
export const serverNodeFlags: string[] = (() => {
  const start: string = JSON.parse(readFileSync("package.json", "utf8")).scripts.start;
  return start.split(/\s+/).filter((word) => word.startsWith("--"));
})();

/** Builds into `distDir` unless a build is there (`rebuildVariable`=1 rebuilds anyway). */
export function ensureBuild(distDir: string, rebuildVariable: string) {
  if (existsSync(path.join(distDir, "BUILD_ID")) && process.env[rebuildVariable] !== "1") {
    step(`using the build in ${distDir} (${rebuildVariable}=1 to rebuild)`);
    return;
  }
  step(`building into ${distDir}…`);
  // `next build` adds the types folder of a distDir other than .next to tsconfig.json's "include":
  // the checkout is left as the build found it.
  const tsconfig = readFileSync("tsconfig.json");
  try {
    const result = spawnSync("node_modules/.bin/next", ["build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (result.status !== 0) throw new Error("next build failed");
  } finally {
    if (!readFileSync("tsconfig.json").equals(tsconfig)) writeFileSync("tsconfig.json", tsconfig);
  }
}

/** Secrets a server keeps across restarts, so sessions signed before a restart stay valid. */
export function newSecrets() {
  return { AUTH_SECRET: randomBytes(32).toString("base64url"), CRON_SECRET: randomBytes(32).toString("base64url") };
}

export interface AppServerOptions {
  port: number;
  distDir: string;
  databaseUrl: string;
  secrets: ReturnType<typeof newSecrets>;
  /** Extra environment, e.g. CADENCE_LOG_QUERIES=1. */
  env?: Record<string, string>;
  /** Keep the server's standard error on `child.stderr` (to read it), rather than showing it. */
  pipeStderr?: boolean;
  /** Called with each line the server writes to standard output (ignored otherwise). */
  onStdoutLine?: (line: string) => void;
  /** Options for node itself, before Next's script (e.g. `--cpu-prof`). */
  nodeOptions?: string[];
}

/** `next start` on 127.0.0.1 with no pace job in the background: only the driven requests use the database. */
export function startAppServer({ port, distDir, databaseUrl, secrets, env = {}, pipeStderr = false, nodeOptions = [], onStdoutLine }: AppServerOptions): ChildProcess {
  step(`starting next start on http://127.0.0.1:${port}`);
  const child = spawn("node", [...serverNodeFlags, ...nodeOptions, "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      APP_URL: `http://127.0.0.1:${port}`,
      // No SMTP server: the mail the run causes (verification links) goes to files in a folder of its own.
      CADENCE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "cadence-app-server-")),
      ...secrets,
      AUTH_TRUST_HOST: "true",
      CADENCE_SCHEDULER: "off",
      // The scripts sign up their seekers from one address (loopback).
      CADENCE_SIGN_UPS_PER_ADDRESS: "100000",
      // The fault script imports 500 leads over and over as one seeker.
      CADENCE_IMPORTS_PER_HOUR: "100000",
      CADENCE_MAX_LEADS: "10000000",
      ...env,
    },
    stdio: ["ignore", onStdoutLine ? "pipe" : "ignore", pipeStderr ? "pipe" : "inherit"],
  });
  if (onStdoutLine) createInterface({ input: child.stdout! }).on("line", onStdoutLine);
  child.on("exit", (code, signal) => {
    // `killed`: stopped on purpose (the end of a run, or a fault script's SIGKILL).
    if (!child.killed && code !== 0) console.error(`next start exited with ${code ?? signal}`);
  });
  return child;
}

/** Stops a server this process started: SIGTERM, then SIGKILL after five seconds. */
export async function stopAppServer(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  // Unref'd: the five seconds must not keep a script running once the server has exited.
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** Waits until /api/health answers 200; answers the milliseconds it took. */
export async function waitForHealth(base: string, timeoutMs = 60_000, pathname = "/api/health"): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(`${base}${pathname}`, { signal: AbortSignal.timeout(5_000) })).ok) return Date.now() - started;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer ${pathname} within ${timeoutMs / 1000} s`);
}

/** Headless Chromium: Debian's where it is installed (Playwright's download is not reachable here). */
export function launchBrowser() {
  const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}
