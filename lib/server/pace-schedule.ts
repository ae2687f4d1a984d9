import "server-only";
import type { DbHandle } from "@/db/client";
import { runPaceJob } from "@/db/queries/pace-job";

export const PACE_JOB_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The scheduler of last resort: where no outside scheduler calls the route, the server runs the
 * job once at start and then hourly. Several instances on one database run it once an hour between
 * them: the job's advisory lock lets one run at a time, and a tick skips when any instance ran the job
 * less than nine tenths of an interval ago (an instance's own ticks are a whole interval apart).
 */
export function startInternalPaceSchedule(handle: DbHandle, intervalMs = PACE_JOB_INTERVAL_MS): () => void {
  const tick = () => {
    runPaceJob(handle.db, { now: new Date(), trigger: "internal", skipIfRanWithinMs: intervalMs * 0.9 })
      .then((run) => {
        if (run.status === "failed") console.error(`[cadence] pace job failed: ${run.error}`);
      })
      .catch((error: unknown) => console.error("[cadence] pace job could not record its run", error));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
