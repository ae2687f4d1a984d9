import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paceRuns } from "@/db/schema";
import { setUpTestDb } from "@/test/db";
import { GET, POST } from "./route";

const secret = "cron-secret-for-tests-0123456789abcdef";
const handle = setUpTestDb({ asAppDb: true, truncate: false });
beforeAll(() => {
  process.env.CRON_SECRET = secret;
});
afterAll(() => {
  delete process.env.CRON_SECRET;
});

const call = (method: typeof GET, headers: Record<string, string>) =>
  method(new Request("http://localhost/api/cron/pace", { headers }));

describe("/api/cron/pace", () => {
  it("answers 401 without the secret, with a wrong one, or with only a session cookie, and runs nothing", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer wrong-secret" },
      { authorization: `Basic ${secret}` },
      { cookie: "authjs.session-token=anything" },
    ];
    for (const headers of attempts) {
      const response = await call(GET, headers);
      expect(response.status).toBe(401);
    }
    expect(await handle.db.select().from(paceRuns)).toEqual([]);
  });

  it("runs the job for a caller with the secret, by GET or POST, and says what it did", async () => {
    for (const method of [GET, POST]) {
      const response = await call(method, { authorization: `Bearer ${secret}` });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: "ran",
        leadsScanned: 0,
        flaggedCold: 0,
        unpaused: 0,
        runId: expect.any(String),
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
      });
    }
    expect(await handle.db.select().from(paceRuns)).toHaveLength(2);
  });
});
