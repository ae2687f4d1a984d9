import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { paceRuns } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { startInternalPaceSchedule } from "./pace-schedule";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => handle.close());

describe("startInternalPaceSchedule", () => {
  it("runs the job at once and then at every interval until stopped", async () => {
    const stop = startInternalPaceSchedule(handle, 100);
    const internalRuns = () => handle.db.select({ id: paceRuns.id }).from(paceRuns).where(eq(paceRuns.trigger, "internal"));
    await expect.poll(async () => (await internalRuns()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const settled = (await internalRuns()).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await internalRuns()).length).toBe(settled);
  });
});
