import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { MailKind } from "@/lib/mail/kinds";
import type { MailMessage } from "@/lib/mail/messages";
import { MAIL_LEASE_MS, MAIL_MAX_ATTEMPTS, mailRetryDelayMs } from "@/lib/mail/retry";
import { rowsOf, type Db } from "../client";
import { outboxMessages } from "../schema";

/*
 * The outbox (docs/reliability.md, "Mail"): a message is a row written in the transaction of what
 * caused it; a sender claims due rows with FOR UPDATE SKIP LOCKED and a lease, sends each, and marks
 * it sent in its own statement right after the SMTP server's acknowledgement.
 */

/** Queues a message; call it with the transaction that writes its cause. */
export async function enqueueMail(db: Db, { message, userId }: { message: MailMessage; userId: string | null }): Promise<void> {
  await db.insert(outboxMessages).values({ kind: message.kind, userId, toAddress: message.to, payload: message.payload });
}

export type ClaimedMail = { id: string; kind: MailKind; userId: string | null; toAddress: string; payload: unknown; attempts: number };

/**
 * Takes up to `limit` due messages for this sender: not sent, not given up, due, and not held by a
 * live lease. SKIP LOCKED lets several senders (several app servers on one database) claim at once
 * without taking the same row; the lease (counted as an attempt) lets another sender take a row
 * whose sender died before it finished.
 */
export async function claimDueMail(
  db: Db,
  { now, limit = 10, leaseMs = MAIL_LEASE_MS }: { now: Date; limit?: number; leaseMs?: number },
): Promise<ClaimedMail[]> {
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  const result = await db.execute(sql`
    with due as (
      select ${outboxMessages.id} as id from ${outboxMessages}
      where ${outboxMessages.sentAt} is null and ${outboxMessages.failedAt} is null
        and ${outboxMessages.nextAttemptAt} <= ${nowIso}::timestamptz
        and (${outboxMessages.leaseUntil} is null or ${outboxMessages.leaseUntil} <= ${nowIso}::timestamptz)
      order by ${outboxMessages.nextAttemptAt}
      limit ${limit}
      for update skip locked
    )
    update ${outboxMessages} set lease_until = ${leaseUntil}::timestamptz, attempts = ${outboxMessages.attempts} + 1
    from due where ${outboxMessages.id} = due.id
    returning ${outboxMessages.id} as id, ${outboxMessages.kind} as kind, ${outboxMessages.userId} as "userId", ${outboxMessages.toAddress} as "toAddress",
      ${outboxMessages.payload} as payload, ${outboxMessages.attempts} as attempts`);
  return rowsOf<ClaimedMail>(result).map((row) => ({
    ...row,
    // postgres.js parses jsonb; a raw PGlite result may hand it back as text.
    payload: typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload,
    attempts: Number(row.attempts),
  }));
}

/**
 * The SMTP server took the message: sent, once and for all. Its own statement, right after the
 * acknowledgement, so the window in which a crash sends it again is as short as it can be. The
 * payload (a link's token) is cleared: the database keeps no usable link once it is mailed.
 */
export async function markMailSent(db: Db, { id, now }: { id: string; now: Date }): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ sentAt: now, leaseUntil: null, payload: null, lastError: null })
    .where(and(eq(outboxMessages.id, id), isNull(outboxMessages.sentAt)));
}

/** The attempt failed: due again after the backoff, or given up after the last attempt. */
export async function recordMailFailure(
  db: Db,
  { id, attempts, error, now, permanent = false }: { id: string; attempts: number; error: string; now: Date; permanent?: boolean },
): Promise<"retry" | "failed"> {
  const giveUp = permanent || attempts >= MAIL_MAX_ATTEMPTS;
  await db
    .update(outboxMessages)
    .set({
      leaseUntil: null,
      lastError: error.slice(0, 1000),
      ...(giveUp ? { failedAt: now, payload: null } : { nextAttemptAt: new Date(now.getTime() + mailRetryDelayMs(attempts)) }),
    })
    .where(and(eq(outboxMessages.id, id), isNull(outboxMessages.sentAt)));
  return giveUp ? "failed" : "retry";
}

/** A message that should not go after all (a digest whose day is over, or with nothing left to do): set aside, never sent. */
export async function dropMail(db: Db, { id, reason, now }: { id: string; reason: string; now: Date }): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ failedAt: now, leaseUntil: null, payload: null, lastError: `not sent: ${reason}` })
    .where(and(eq(outboxMessages.id, id), isNull(outboxMessages.sentAt)));
}

export type OutboxRow = typeof outboxMessages.$inferSelect;

/** The messages queued for an address, newest first (tests and the operator's look-ups). */
export async function listMailTo(db: Db, { toAddress }: { toAddress: string }): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.toAddress, toAddress))
    .orderBy(sql`${outboxMessages.createdAt} desc`);
}
