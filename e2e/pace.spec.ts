import { expect, test, type APIRequestContext, type TestInfo } from "@playwright/test";
import { cronSecretFor, signUpOverHttp } from "./helpers";


/**
 * Runs the pace job through its route until it reports "ran". The servers run no scheduler of their
 * own (CADENCE_SCHEDULER=off), so every run is a test's: "skipped" only means another test's run
 * (this spec on the other project, or the authorization matrix) held the job's lock at that moment.
 */
async function runPaceJob(request: APIRequestContext, testInfo: TestInfo) {
  let run: Record<string, unknown> = {};
  await expect
    .poll(
      async () => {
        const response = await request.post("/api/cron/pace", { headers: { authorization: `Bearer ${cronSecretFor(testInfo)}` } });
        expect(response.status()).toBe(200);
        run = await response.json();
        return run.status;
      },
      { intervals: [200, 500, 1_000] },
    )
    .toBe("ran");
  return run;
}

test("the pace job answers 401 without the secret and runs with it @postgres", async ({ request }, testInfo) => {
  expect((await request.post("/api/cron/pace")).status()).toBe(401);
  expect((await request.get("/api/cron/pace", { headers: { authorization: "Bearer not-the-secret" } })).status()).toBe(401);

  const run = await runPaceJob(request, testInfo);
  expect(run).toMatchObject({ runId: expect.any(String), leadsScanned: expect.any(Number), flaggedCold: expect.any(Number) });
});

test("settings tell when the leads were last checked", async ({ page, request }, testInfo) => {
  await runPaceJob(request, testInfo);
  await signUpOverHttp(page);
  await page.goto("/settings");
  await expect(page.getByText(/Your leads were last checked for cold follow-ups on .+\. The check runs every hour\./)).toBeVisible();
});
