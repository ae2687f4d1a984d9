import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import {
  accountTokenExpiry,
  accountTokenState,
  isWellFormedAccountToken,
  type AccountTokenPurpose,
  type AccountTokenState,
} from "@/lib/auth/account-tokens";
import { hashSecretToken, newSecretToken } from "@/lib/server/secret-tokens";
import type { Db } from "../client";
import { accountTokens, users } from "../schema";
import { mailWaitingInvitations } from "./invitation-mail";
import { takeMailRequest } from "./mail-requests";
import { enqueueMail } from "./outbox";
import { endAllSessions } from "./sessions";
import { createUser, normalizeEmail, type SessionUser } from "./users";

/*
 * The account's e-mailed links: verifying the address, resetting the password, changing the address.
 * Each query that sends one writes the token and the outbox row in one transaction; each that uses
 * one locks the token's row, checks it (lib/auth/account-tokens.ts) and spends it in the same
 * transaction as its effect, so a link works once however many times it is posted at once.
 */

/** A new link for the user; the token is returned once, to go into the message. */
export async function issueAccountToken(
  db: Db,
  { userId, purpose, email, now }: { userId: string; purpose: AccountTokenPurpose; email: string; now: Date },
): Promise<string> {
  const token = newSecretToken();
  await db
    .insert(accountTokens)
    .values({ userId, purpose, tokenHash: hashSecretToken(token), email, expiresAt: accountTokenExpiry(purpose, now), createdAt: now });
  return token;
}

async function queueVerification(db: Db, user: { id: string; name: string; email: string }, now: Date): Promise<void> {
  const token = await issueAccountToken(db, { userId: user.id, purpose: "verify_email", email: user.email, now });
  await enqueueMail(db, { userId: user.id, message: { kind: "verify_email", to: user.email, payload: { name: user.name, token } } });
}

export type SignUpOutcome = { created: true; user: SessionUser } | { created: false };

/**
 * A new account, with its verification link queued in the same transaction. When the address
 * already has an account, no account: its owner gets a note instead (at most a few an hour).
 */
export async function signUpUser(
  db: Db,
  input: { name: string; email: string; passwordHash: string; timeZone: string; seeks?: boolean; coaches?: boolean; digestEnabled?: boolean; now: Date },
): Promise<SignUpOutcome> {
  const { now, ...fields } = input;
  return db.transaction(async (tx) => {
    const user = await createUser(tx, fields);
    if (user) {
      await queueVerification(tx, user, now);
      return { created: true, user } as const;
    }
    const [existing] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, normalizeEmail(fields.email)));
    if (existing && (await takeMailRequest(tx, { keys: [{ scope: "address", value: existing.email }], now }))) {
      await enqueueMail(tx, { userId: existing.id, message: { kind: "sign_up_attempt", to: existing.email, payload: { name: existing.name } } });
    }
    return { created: false } as const;
  });
}

export async function isEmailVerified(db: Db, { userId }: { userId: string }): Promise<boolean> {
  const [row] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  return Boolean(row?.at);
}

/** Another verification link, on the owner's asking: "verified" when there is nothing to verify. */
export async function resendVerification(
  db: Db,
  { userId, now }: { userId: string; now: Date },
): Promise<"sent" | "verified" | "throttled"> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, userId));
    if (!user || user.verifiedAt) return "verified" as const;
    if (!(await takeMailRequest(tx, { keys: [{ scope: "account", value: user.id }], now }))) return "throttled" as const;
    await queueVerification(tx, user, now);
    return "sent" as const;
  });
}

/**
 * "Forgot password?": a reset link to the address if it has an account. The answer is the same
 * whether it has one or not ("sent"), and when the address or account is over its hourly limit
 * (nothing is sent then); only a client over its own limit hears "throttled".
 */
export async function requestPasswordReset(
  db: Db,
  { email, client, now }: { email: string; client: string; now: Date },
): Promise<"sent" | "throttled"> {
  const address = normalizeEmail(email);
  return db.transaction(async (tx) => {
    if (!(await takeMailRequest(tx, { keys: [{ scope: "client", value: client }], now }))) return "throttled" as const;
    const [user] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, address));
    const keys = [{ scope: "address" as const, value: address }, ...(user ? [{ scope: "account" as const, value: user.id }] : [])];
    if (!(await takeMailRequest(tx, { keys, now })) || !user) return "sent" as const;
    const token = await issueAccountToken(tx, { userId: user.id, purpose: "reset_password", email: user.email, now });
    await enqueueMail(tx, { userId: user.id, message: { kind: "reset_password", to: user.email, payload: { name: user.name, token } } });
    return "sent" as const;
  });
}

/** The e-mail change asked for in Settings: a link to the new address; the old one stays until it is followed. */
export async function requestEmailChange(
  db: Db,
  { userId, newEmail, now }: { userId: string; newEmail: string; now: Date },
): Promise<"sent" | "same" | "throttled"> {
  const email = normalizeEmail(newEmail);
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
    if (!user || user.email === email) return "same" as const;
    const keys = [{ scope: "account" as const, value: user.id }, { scope: "address" as const, value: email }];
    if (!(await takeMailRequest(tx, { keys, now }))) return "throttled" as const;
    const token = await issueAccountToken(tx, { userId: user.id, purpose: "change_email", email, now });
    await enqueueMail(tx, { userId: user.id, message: { kind: "change_email", to: email, payload: { name: user.name, token } } });
    return "sent" as const;
  });
}

export type AccountTokenView = { state: AccountTokenState; purpose: AccountTokenPurpose; name: string | null; email: string | null };

type TokenRow = {
  id: string;
  userId: string;
  email: string;
  currentEmail: string;
  name: string;
  verifiedAt: Date | null;
  expiresAt: Date;
  usedAt: Date | null;
};

async function selectToken(db: Db, { token, purpose, lock }: { token: string; purpose: AccountTokenPurpose; lock: boolean }): Promise<TokenRow | null> {
  if (!isWellFormedAccountToken(token)) return null;
  const query = db
    .select({
      id: accountTokens.id,
      userId: accountTokens.userId,
      email: accountTokens.email,
      currentEmail: users.email,
      name: users.name,
      verifiedAt: users.emailVerifiedAt,
      expiresAt: accountTokens.expiresAt,
      usedAt: accountTokens.usedAt,
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, hashSecretToken(token)), eq(accountTokens.purpose, purpose)));
  const rows = lock ? await query.for("update", { of: accountTokens }) : await query;
  return rows[0] ?? null;
}

/**
 * What a link's page may show before the button is pressed (opening it changes nothing). Only the
 * account's own name and the link's address, and only when the link is open and not someone else's.
 */
export async function findAccountToken(
  db: Db,
  { token, purpose, signedInUserId, now }: { token: string; purpose: AccountTokenPurpose; signedInUserId: string | null; now: Date },
): Promise<AccountTokenView> {
  const row = await selectToken(db, { token, purpose, lock: false });
  const state = accountTokenState(row, { now, signedInUserId, purpose });
  return { state, purpose, name: state === "open" ? row!.name : null, email: state === "open" ? row!.email : null };
}

/** Spends an open link of this purpose inside `tx` (and every other open link of the same purpose of the account). */
async function spendToken(
  tx: Db,
  { token, purpose, signedInUserId, now }: { token: string; purpose: AccountTokenPurpose; signedInUserId: string | null; now: Date },
): Promise<{ state: AccountTokenState; row: TokenRow | null }> {
  const row = await selectToken(tx, { token, purpose, lock: true });
  const state = accountTokenState(row, { now, signedInUserId, purpose });
  if (state !== "open") return { state, row };
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, row!.userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  return { state, row };
}

/** Follows a verification link: the address is verified. */
export async function verifyEmailWithToken(
  db: Db,
  args: { token: string; signedInUserId: string | null; now: Date },
): Promise<{ state: AccountTokenState; userId?: string }> {
  return db.transaction(async (tx) => {
    const { state, row } = await spendToken(tx, { ...args, purpose: "verify_email" });
    if (state !== "open") return { state };
    await tx.update(users).set({ emailVerifiedAt: args.now, updatedAt: sql`now()` }).where(eq(users.id, row!.userId));
    if (!row!.verifiedAt) await mailWaitingInvitations(tx, { seekerId: row!.userId, now: args.now });
    return { state, userId: row!.userId };
  });
}

/**
 * Follows a reset link: the new password, every session ended, and the
 * address counts as verified (the link was read there). Answers the e-mail, to sign in with.
 */
export async function resetPasswordWithToken(
  db: Db,
  args: { token: string; signedInUserId: string | null; passwordHash: string; now: Date },
): Promise<{ state: AccountTokenState; email?: string }> {
  return db.transaction(async (tx) => {
    const { state, row } = await spendToken(tx, { ...args, purpose: "reset_password" });
    if (state !== "open") return { state };
    await tx
      .update(users)
      .set({
        passwordHash: args.passwordHash,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${args.now.toISOString()}::timestamptz)`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, row!.userId));
    await endAllSessions(tx, { userId: row!.userId });
    if (!row!.verifiedAt) await mailWaitingInvitations(tx, { seekerId: row!.userId, now: args.now });
    return { state, email: row!.currentEmail };
  });
}

/** Follows an e-mail change link: the new address replaces the old one, verified. "taken": another account has it now. */
export async function changeEmailWithToken(
  db: Db,
  args: { token: string; signedInUserId: string | null; now: Date },
): Promise<{ state: AccountTokenState | "taken"; email?: string }> {
  return db.transaction(async (tx) => {
    const { state, row } = await spendToken(tx, { ...args, purpose: "change_email" });
    if (state !== "open") return { state };
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, row!.email));
    if (taken) {
      // Nothing changes; the link stays spent (it did its one job: telling the address is taken).
      return { state: "taken" as const };
    }
    await tx.update(users).set({ email: row!.email, emailVerifiedAt: args.now, updatedAt: sql`now()` }).where(eq(users.id, row!.userId));
    // The old address's other open links prove nothing about the new one.
    await tx
      .update(accountTokens)
      .set({ usedAt: args.now })
      .where(and(eq(accountTokens.userId, row!.userId), isNull(accountTokens.usedAt)));
    return { state, email: row!.email };
  });
}
