import "server-only";
import { and, gt, inArray, lt, sql } from "drizzle-orm";
import { MAIL_REQUEST_WINDOW_MS, mailRequestAllowed, mailRequestKey, type MailRequestScope } from "@/lib/mail/throttle";
import type { Db } from "../client";
import { mailRequests } from "../schema";

/**
 * Counts one request that sends mail against each key, if every key is still under its limit for
 * the hour (lib/mail/throttle.ts); false, counting nothing, when one is over.
 */
export async function takeMailRequest(
  db: Db,
  { keys, now }: { keys: { scope: MailRequestScope; value: string }[]; now: Date },
): Promise<boolean> {
  const named = keys.map(({ scope, value }) => ({ scope, key: mailRequestKey(scope, value) }));
  const since = new Date(now.getTime() - MAIL_REQUEST_WINDOW_MS);
  const rows = await db
    .select({ key: mailRequests.key, count: sql<number>`count(*)::int` })
    .from(mailRequests)
    .where(and(inArray(mailRequests.key, named.map(({ key }) => key)), gt(mailRequests.at, since)))
    .groupBy(mailRequests.key);
  const counts = named.map(({ scope, key }) => ({ scope, count: Number(rows.find((row) => row.key === key)?.count ?? 0) }));
  if (!mailRequestAllowed(counts)) return false;
  // Forget what is past the window for these keys, then count this request.
  await db.delete(mailRequests).where(and(inArray(mailRequests.key, named.map(({ key }) => key)), lt(mailRequests.at, since)));
  await db.insert(mailRequests).values(named.map(({ key }) => ({ key, at: now })));
  return true;
}
