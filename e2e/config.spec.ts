import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";

// Playwright's fixtures argument must be destructured, even when no fixture is needed.
// It starts a server of its own: once, with the embedded default's run.
test("on PostgreSQL, a missing AUTH_SECRET stops the start with a clear message @embedded", async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one run is enough: it starts no browser");
  const env = {
    PATH: process.env.PATH ?? "",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: "postgres://postgres@127.0.0.1:1/unreachable",
  } as unknown as NodeJS.ProcessEnv;
  if (process.env.NEXT_DIST_DIR) env.NEXT_DIST_DIR = process.env.NEXT_DIST_DIR;
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(3190 + testInfo.workerIndex)], { env });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const exitCode = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      server.kill("SIGKILL");
      resolve(null);
    }, 30_000);
    server.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  expect(output).toContain("Cadence cannot start: AUTH_SECRET is required when DATABASE_URL is set");
  expect(exitCode).toBe(1);
});
