import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users } from "../schema";

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  timeZone: string;
  emailVerified: boolean;
  /** What they use Cadence for (lib/settings/uses.ts): the menu and the landing screen follow it. */
  seeks: boolean;
  coaches: boolean;
};

/** The user as a session sees it (db/queries/sessions.ts reads these with the session's row). */
export const sessionUserColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  timeZone: users.timeZone,
  seeks: users.seeks,
  coaches: users.coaches,
  // Read with the session check, so the "verify your address" banner costs no statement of its own.
  emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`.mapWith(Boolean),
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates the user; null when the e-mail is taken. */
export async function createUser(
  db: Db,
  input: { name: string; email: string; passwordHash: string; timeZone: string; seeks?: boolean; coaches?: boolean; digestEnabled?: boolean },
): Promise<SessionUser | null> {
  const rows = await db
    .insert(users)
    .values({ ...input, email: normalizeEmail(input.email) })
    .onConflictDoNothing({ target: users.email })
    .returning(sessionUserColumns);
  return rows[0] ?? null;
}

export async function findUserCredentials(db: Db, { email }: { email: string }) {
  const rows = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return rows[0] ?? null;
}

export async function getPasswordHash(db: Db, { userId }: { userId: string }): Promise<string | null> {
  const rows = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return rows[0]?.passwordHash ?? null;
}

export async function updateUserProfile(
  db: Db,
  { userId, name, timeZone }: { userId: string; name: string; timeZone: string },
): Promise<void> {
  await db.update(users).set({ name, timeZone, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

/** What the user uses Cadence for (Settings › What you use Cadence for). */
export async function updateUserUses(db: Db, { userId, seeks, coaches }: { userId: string; seeks: boolean; coaches: boolean }): Promise<void> {
  await db.update(users).set({ seeks, coaches, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

export async function updatePasswordHash(db: Db, { userId, passwordHash }: { userId: string; passwordHash: string }): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
}
