import { defineConfig, devices } from "@playwright/test";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// One fresh embedded data folder per run; workers inherit it through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "cadence-e2e-"));
// The test SMTP server's port (e2e/global-setup.ts) and the folder it writes each message to.
process.env.E2E_SMTP_PORT ??= "2525";
process.env.E2E_MAIL_DIR ??= mkdtempSync(path.join(tmpdir(), "cadence-e2e-mail-"));

const EMBEDDED_PORT = Number(process.env.E2E_PORT ?? 3100);
const POSTGRES_PORT = EMBEDDED_PORT + 1;
const postgresUrl = process.env.TEST_DATABASE_URL;

// Debian's Chromium where it is installed (Playwright's own download is not reachable here).
const systemChromium = "/usr/bin/chromium";
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

export const E2E_POSTGRES_CRON_SECRET = "e2e-cron-secret-for-the-postgres-server-0123";

const serverEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_TRUST_HOST: "true",
  // Every test signs up its people from one address (loopback).
  CADENCE_SIGN_UPS_PER_ADDRESS: "100000",
  // No pace job in the background: only the tests run it (e2e/pace.spec.ts), so what they see
  // ("last checked", a run that "ran") comes from their own calls.
  CADENCE_SCHEDULER: "off",
  PATH: process.env.PATH ?? "",
  // The user and password that test/smtp-server.ts accepts.
  SMTP_URL: `smtp://cadence:smtp-test-password@127.0.0.1:${process.env.E2E_SMTP_PORT}`,
  MAIL_FROM: "Cadence <cadence@example.com>",
};

// Browsers in British English: times on a 24-hour clock, as their pickers show them (the app follows
// the browser's language for the hour cycle; e2e/hour-cycle.spec.ts tries US English).
const desktop = { ...devices["Desktop Chrome"], locale: "en-GB", launchOptions };
const phone = {
  ...devices["Desktop Chrome"],
  locale: "en-GB",
  viewport: { width: 360, height: 780 },
  isMobile: true,
  hasTouch: true,
  launchOptions,
};

export default defineConfig({
  testDir: "./e2e",
  // Maps "server-only" to an empty module: the tests import db/ and lib/server/ outside React.
  tsconfig: "./tsconfig.scripts.json",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  // No retries, in CI too: a test that fails once and passes on a second try is a failure to fix.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  // Each spec runs twice: at the desktop size and on a phone. With TEST_DATABASE_URL (CI), the
  // desktop run goes to a server on that PostgreSQL database (as deployments run) and the phone run
  // to the embedded default, so the whole suite sees both databases without a third pass.
  projects: [
    {
      name: "desktop",
      metadata: { database: postgresUrl ? "postgres" : "embedded" },
      use: { ...desktop, baseURL: `http://127.0.0.1:${postgresUrl ? POSTGRES_PORT : EMBEDDED_PORT}` },
    },
    { name: "phone", metadata: { database: "embedded" }, use: { ...phone, baseURL: `http://127.0.0.1:${EMBEDDED_PORT}` } },
  ],
  webServer: [
    {
      command: `exec node_modules/.bin/next start -p ${EMBEDDED_PORT}`,
      url: `http://127.0.0.1:${EMBEDDED_PORT}/api/health`,
      env: { ...serverEnv, CADENCE_DATA_DIR: process.env.E2E_DATA_DIR, APP_URL: `http://127.0.0.1:${EMBEDDED_PORT}` },
      reuseExistingServer: false,
      timeout: 120_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    ...(postgresUrl
      ? [
          {
            command: `exec node_modules/.bin/next start -p ${POSTGRES_PORT}`,
            url: `http://127.0.0.1:${POSTGRES_PORT}/api/health`,
            env: {
              ...serverEnv,
              DATABASE_URL: postgresUrl,
              APP_URL: `http://127.0.0.1:${POSTGRES_PORT}`,
              AUTH_SECRET: "e2e-secret-for-the-postgres-server-0123456789",
              CRON_SECRET: E2E_POSTGRES_CRON_SECRET,
            },
            reuseExistingServer: false,
            timeout: 120_000,
            gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
          },
        ]
      : []),
  ],
});
