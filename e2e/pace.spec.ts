import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E_POSTGRES_CRON_SECRET } from "../playwright.config";
import { signUp } from "./helpers";

/** The secret the server uses: generated into the data folder on the embedded default. */
function cronSecret(projectName: string): string {
  if (projectName === "postgres") return E2E_POSTGRES_CRON_SECRET;
  const secrets = JSON.parse(readFileSync(path.join(process.env.E2E_DATA_DIR!, "secrets.json"), "utf8"));
  return secrets.CRON_SECRET as string;
}

test("the pace job answers 401 without the secret and runs with it @postgres", async ({ request }, testInfo) => {
  expect((await request.post("/api/cron/pace")).status()).toBe(401);
  expect((await request.get("/api/cron/pace", { headers: { authorization: "Bearer not-the-secret" } })).status()).toBe(401);

  const response = await request.post("/api/cron/pace", {
    headers: { authorization: `Bearer ${cronSecret(testInfo.project.name)}` },
  });
  expect(response.status()).toBe(200);
  const run = await response.json();
  expect(["ran", "skipped"]).toContain(run.status);
  expect(run).toMatchObject({ runId: expect.any(String), leadsScanned: expect.any(Number), flaggedCold: expect.any(Number) });
});

test("settings tell when the leads were last checked", async ({ page, request }, testInfo) => {
  await request.post("/api/cron/pace", { headers: { authorization: `Bearer ${cronSecret(testInfo.project.name)}` } });
  await signUp(page);
  await page.goto("/settings");
  await expect(page.getByText(/Your leads were last checked for cold follow-ups on .+\. The check runs every hour\./)).toBeVisible();
});
