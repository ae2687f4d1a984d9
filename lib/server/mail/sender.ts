import "server-only";
import type { Db, DbHandle } from "@/db/client";
import { isPreparedDigest, prepareDigest } from "@/db/queries/digest";
import { claimDueMail, dropMail, markMailSent, recordMailFailure, type ClaimedMail } from "@/db/queries/outbox";
import { todayIn } from "@/lib/domain/dates";
import { parseMailMessage, renderMail } from "@/lib/mail/messages";
import type { MailConfig } from "@/lib/server/env";
import type { MailTransport } from "./transport";
import { currentMailWake, setMailWake } from "./wake";

export const MAIL_POLL_INTERVAL_MS = 2_000;

export type SendReport = { sent: number; retrying: number; failed: number; dropped: number };

/**
 * One pass of the outbox: claims the due messages (lib/mail/retry.ts's lease), renders each from its
 * payload and APP_URL, hands it to the transport, and marks it sent in its own statement right after
 * the acknowledgement. A failure is recorded on the row and retried with backoff; a 5xx answer (the
 * server refuses this message for good) and a payload that no longer fits its kind are given up.
 */
export async function sendDueMail(
  db: Db,
  transport: MailTransport,
  { appUrl, now = () => new Date(), limit = 10, log = console.error }: { appUrl: string; now?: () => Date; limit?: number; log?: (line: string) => void },
): Promise<SendReport> {
  const report: SendReport = { sent: 0, retrying: 0, failed: 0, dropped: 0 };
  const claimed = await claimDueMail(db, { now: now(), limit });
  for (const claimedRow of claimed) {
    const row = await withDigestWritten(db, claimedRow, now());
    if (!row) {
      await dropMail(db, { id: claimedRow.id, reason: "the digest's day is over, it was turned off, or nothing is left to do", now: now() });
      report.dropped++;
      continue;
    }
    const message = parseMailMessage(row);
    if (!message) {
      await recordMailFailure(db, { id: row.id, attempts: row.attempts, error: "the stored payload does not fit its kind", now: now(), permanent: true });
      report.failed++;
      continue;
    }
    const rendered = renderMail(message, { appUrl });
    try {
      await transport.send({ id: row.id, to: message.to, ...rendered });
    } catch (error) {
      const { summary, permanent } = describeSmtpError(error);
      const outcome = await recordMailFailure(db, { id: row.id, attempts: row.attempts, error: String((error as Error)?.message ?? error), now: now(), permanent });
      // The row has the whole error; the log line names neither the address nor the link.
      log(`[cadence] mail ${row.id} (${row.kind}), attempt ${row.attempts}: ${summary}; ${outcome === "retry" ? "will retry" : "given up"}`);
      report[outcome === "retry" ? "retrying" : "failed"]++;
      continue;
    }
    await markMailSent(db, { id: row.id, now: now() });
    report.sent++;
  }
  return report;
}

/**
 * A digest is queued with its day alone and written out as it goes (db/queries/digest.ts), once:
 * the written payload is saved, so a retry sends the same message. Null: it should not go.
 */
async function withDigestWritten(db: Db, row: ClaimedMail, now: Date): Promise<ClaimedMail | null> {
  if (row.kind !== "digest") return row;
  if (isPreparedDigest(row.payload)) {
    // A retry after the day ended: its "Done" links no longer work, and the day's work is another.
    const { localDate, timeZone } = row.payload as { localDate: string; timeZone: string };
    return todayIn(now, timeZone) === localDate ? row : null;
  }
  const localDate = (row.payload as { localDate?: unknown } | null)?.localDate;
  if (!row.userId || typeof localDate !== "string") return null;
  const payload = await prepareDigest(db, { outboxId: row.id, userId: row.userId, localDate, now });
  return payload ? { ...row, payload } : null;
}

/** What may be logged of an SMTP failure (codes only: a server's text can quote the address), and whether to retry. */
export function describeSmtpError(error: unknown): { summary: string; permanent: boolean } {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const status = typeof responseCode === "number" ? responseCode : undefined;
  const parts = [typeof code === "string" ? code : "error", status ? `SMTP ${status}` : ""].filter(Boolean);
  return { summary: parts.join(" "), permanent: status !== undefined && status >= 500 && status < 600 };
}

/**
 * The sender that runs inside every app server (started by lib/server/startup.ts): it polls the
 * outbox every few seconds, and at once when an action queued something in this process. Several
 * servers on one database each run one; SKIP LOCKED and the lease keep them off each other's rows.
 */
export function startMailSender(
  handle: DbHandle,
  transport: MailTransport,
  config: MailConfig,
  intervalMs = MAIL_POLL_INTERVAL_MS,
): () => void {
  let running = false;
  let again = false;
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    sendDueMail(handle.db, transport, { appUrl: config.appUrl })
      .then((report) => {
        // A full batch: there may be more waiting.
        if (report.sent + report.retrying + report.failed + report.dropped >= 10) again = true;
      })
      .catch((error: unknown) => console.error("[cadence] mail sender:", (error as Error)?.message ?? error))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          setImmediate(tick);
        }
      });
  };
  setMailWake(tick);
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (currentMailWake() === tick) setMailWake(undefined);
    transport.close();
  };
}
