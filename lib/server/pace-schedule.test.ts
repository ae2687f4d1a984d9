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
    // A run already under way when stopped still records itself (slowly, on a busy machine).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const settled = (await internalRuns()).length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await internalRuns()).length).toBe(settled);
  });
});

describe("two servers' schedules on one database", () => {
  it("run the job once an interval between them: the later one's ticks skip", async () => {
    await handle.db.delete(paceRuns);
    const first = startInternalPaceSchedule(handle, 2_000);
    const runs = () => handle.db.select({ status: paceRuns.status }).from(paceRuns).where(eq(paceRuns.trigger, "internal"));
    await expect.poll(async () => (await runs()).length, { timeout: 10_000 }).toBe(1);
    // The second server starts half an interval later.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const second = startInternalPaceSchedule(handle, 2_000);
    await expect.poll(async () => (await runs()).length, { timeout: 10_000 }).toBe(2);
    // Over two more intervals: the first runs at each, the second skips each time.
    await new Promise((resolve) => setTimeout(resolve, 4_200));
    first();
    second();
    const statuses = (await runs()).map((run) => run.status);
    expect(statuses.filter((status) => status === "ran").length).toBe(3);
    expect(statuses.filter((status) => status === "skipped").length).toBeGreaterThanOrEqual(2);
  });
});
