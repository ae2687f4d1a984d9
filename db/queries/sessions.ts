import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../client";
import { sessions, users } from "../schema";
import { sessionUserColumns, type SessionUser } from "./users";

/** How often a session's "last seen" is brought forward: at most one write per session per five minutes. */
export const SESSION_SEEN_EVERY_SECONDS = 5 * 60;

/** The user behind a session, with the session's id. */
export type SignedInUser = SessionUser & { sessionId: string };

/** A sign-in on one device: a new row, whose id goes into the session token. */
export async function createSession(
  db: Db,
  { userId, device, address, now }: { userId: string; device: string; address: string; now: Date },
): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({ userId, device, address, createdAt: now, lastSeenAt: now })
    .returning({ id: sessions.id });
  return row!.id;
}

/**
 * The user behind a session token, or null when its row was ended (signed out, "sign out everywhere",
 * a password change). One read by primary key; "last seen" is written only when it is stale.
 */
export async function getSessionUser(
  db: Db,
  { sessionId, userId, now = new Date() }: { sessionId: string; userId: string; now?: Date },
): Promise<SignedInUser | null> {
  const rows = await db
    .select({ ...sessionUserColumns, sessionId: sessions.id, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
  const row = rows[0];
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_SEEN_EVERY_SECONDS * 1000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  const { lastSeenAt, ...user } = row;
  void lastSeenAt;
  return user;
}

export type DeviceSession = { id: string; device: string; address: string; createdAt: Date; lastSeenAt: Date };

/** The user's devices signed in, the most recently seen first. */
export async function listSessions(db: Db, { userId }: { userId: string }): Promise<DeviceSession[]> {
  return db
    .select({
      id: sessions.id,
      device: sessions.device,
      address: sessions.address,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
}

/** Ends one of the user's sessions; false when they have no such session. */
export async function endSession(db: Db, { userId, sessionId }: { userId: string; sessionId: string }): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every session of the user ("sign out everywhere", a password change). */
export async function endAllSessions(db: Db, { userId }: { userId: string }): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * Forgets sessions unused for longer than a token lives (their cookies have expired): run at each
 * sign-in, for that user only.
 */
export async function forgetExpiredSessions(db: Db, { userId, unusedSince }: { userId: string; unusedSince: Date }): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.lastSeenAt, unusedSince)));
}
