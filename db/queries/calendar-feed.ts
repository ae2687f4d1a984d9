import "server-only";
import { eq } from "drizzle-orm";
import { hashSecretToken, newSecretToken } from "@/lib/server/secret-tokens";
import type { Db } from "../client";
import { calendarFeeds, users } from "../schema";
import { listRecentTouches, listTodayLeads, type RecentTouch, type TodayLead } from "./today";

/** When the seeker's feed address was made, or null while the feed is off. */
export async function getCalendarFeed(db: Db, { userId }: { userId: string }): Promise<{ createdAt: Date } | null> {
  const rows = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return rows[0] ?? null;
}

/**
 * Turns the seeker's feed on with a new secret, or gives it a new one: the old address stops
 * working at once. Answers the secret, which is not stored (only its hash): show it now or never.
 */
export async function renewCalendarFeed(db: Db, { userId, now }: { userId: string; now: Date }): Promise<{ token: string }> {
  const token = newSecretToken();
  const tokenHash = hashSecretToken(token);
  await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now } });
  return { token };
}

/** Turns the seeker's feed off: its address answers 404 from now on. False when it was off. */
export async function deleteCalendarFeed(db: Db, { userId }: { userId: string }): Promise<boolean> {
  const rows = await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ userId: calendarFeeds.userId });
  return rows.length > 0;
}

export type CalendarFeedData = { timeZone: string; contactDays: number[]; leads: TodayLead[]; recentTouches: RecentTouch[] };

/**
 * What the feed at a secret shows, read as Today reads it (its leads and recent touches), with the
 * owner's zone and contact days; null when no feed has this secret. The secret is only hashed, never stored or logged.
 */
export async function getCalendarFeedData(db: Db, { token }: { token: string }): Promise<CalendarFeedData | null> {
  const owners = await db
    .select({ userId: calendarFeeds.userId, timeZone: users.timeZone, contactDays: users.contactDays })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hashSecretToken(token)));
  const owner = owners[0];
  if (!owner) return null;
  const [leads, recentTouches] = await Promise.all([
    listTodayLeads(db, { userId: owner.userId }),
    listRecentTouches(db, { userId: owner.userId }),
  ]);
  return { timeZone: owner.timeZone, contactDays: owner.contactDays, leads, recentTouches };
}
