import "server-only";
import type { DbHandle } from "@/db/client";
import { enqueueDueDigests } from "@/db/queries/digest";
import { wakeMailSender } from "./mail/wake";

/** Digest hours are whole hours in each seeker's zone; a run every ten minutes sends each within ten minutes of it. */
export const DIGEST_JOB_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Queues the morning digests that are due, then wakes this server's mail sender. Safe from every
 * server and every run at once: the digests' key lets each seeker's day be queued once.
 */
export async function runDigestJob(handle: Pick<DbHandle, "db">, now: Date): Promise<{ queued: number }> {
  const queued = await enqueueDueDigests(handle.db, { now });
  if (queued > 0) wakeMailSender();
  return { queued };
}

/** Like the pace job's (pace-schedule.ts): where no outside scheduler calls the route, the server runs it itself. */
export function startInternalDigestSchedule(handle: DbHandle, intervalMs = DIGEST_JOB_INTERVAL_MS): () => void {
  const tick = () => {
    runDigestJob(handle, new Date()).catch((error: unknown) => console.error("[cadence] digest job failed:", (error as Error)?.message ?? error));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
