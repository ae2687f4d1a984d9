import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users } from "../schema";

export type SessionUser = { id: string; name: string; email: string; timeZone: string; emailVerified: boolean };

const sessionUserColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  timeZone: users.timeZone,
  // Read with the session check, so the "verify your address" banner costs no statement of its own.
  emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`.mapWith(Boolean),
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates the user; null when the e-mail is taken. */
export async function createUser(
  db: Db,
  input: { name: string; email: string; passwordHash: string; timeZone: string },
): Promise<(SessionUser & { sessionEpoch: string }) | null> {
  const rows = await db
    .insert(users)
    .values({ ...input, email: normalizeEmail(input.email) })
    .onConflictDoNothing({ target: users.email })
    .returning({ ...sessionUserColumns, sessionEpoch: users.sessionEpoch });
  return rows[0] ?? null;
}

export async function findUserCredentials(db: Db, { email }: { email: string }) {
  const rows = await db
    .select({ id: users.id, passwordHash: users.passwordHash, sessionEpoch: users.sessionEpoch })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return rows[0] ?? null;
}

export async function getPasswordHash(db: Db, { userId }: { userId: string }): Promise<string | null> {
  const rows = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return rows[0]?.passwordHash ?? null;
}

/** The user behind a session token, or null when the token's epoch was revoked. */
export async function getSessionUser(
  db: Db,
  { userId, sessionEpoch }: { userId: string; sessionEpoch: string },
): Promise<SessionUser | null> {
  const rows = await db
    .select(sessionUserColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.sessionEpoch, sessionEpoch)));
  return rows[0] ?? null;
}

export async function updateUserProfile(
  db: Db,
  { userId, name, timeZone }: { userId: string; name: string; timeZone: string },
): Promise<void> {
  await db.update(users).set({ name, timeZone, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

/** Revokes every session of the user; returns the new epoch (for the session that asked, if it stays). */
export async function rotateSessionEpoch(
  db: Db,
  { userId, passwordHash }: { userId: string; passwordHash?: string },
): Promise<string> {
  const sessionEpoch = randomUUID();
  await db
    .update(users)
    .set({ sessionEpoch, updatedAt: sql`now()`, ...(passwordHash ? { passwordHash } : {}) })
    .where(eq(users.id, userId));
  return sessionEpoch;
}
