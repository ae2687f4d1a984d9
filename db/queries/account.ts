import "server-only";
import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { accountThrottleKeys } from "@/lib/account/deletion";
import type { Db } from "../client";
import { coachInvitations, mailRequests, outboxMessages, signInFailures, users } from "../schema";
import { inTransaction } from "../transaction";

function keyIsAny(column: AnyPgColumn, { exact, prefixes }: { exact: string[]; prefixes: string[] }): SQL {
  return or(inArray(column, exact), ...prefixes.map((prefix) => sql`starts_with(${column}, ${prefix})`))!;
}

/**
 * Deletes the account and everything it owns, in one transaction; false when there is no such user.
 * What references the user by id goes with it (ON DELETE CASCADE: leads, touches, materials, coach
 * links and notes on both sides, invitations they made, sessions, account tokens, the calendar feed,
 * their outbox rows); this removes what names them otherwise: mail to their address, invitations
 * addressed to it, and the throttle counters keyed by their address or id. A coach connection
 * ends with its row, so the other side's next request already finds no access.
 */
export async function deleteAccount(db: Db, { userId }: { userId: string }): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const rows = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).for("update");
    const email = rows[0]?.email;
    if (email === undefined) return false;
    const keys = accountThrottleKeys({ userId, email });
    await tx.delete(signInFailures).where(keyIsAny(signInFailures.key, keys));
    await tx.delete(mailRequests).where(keyIsAny(mailRequests.key, keys));
    await tx.delete(outboxMessages).where(or(eq(outboxMessages.userId, userId), eq(outboxMessages.toAddress, email)));
    await tx.delete(coachInvitations).where(or(eq(coachInvitations.createdBy, userId), eq(coachInvitations.inviteeEmail, email)));
    await tx.delete(users).where(eq(users.id, userId));
    return true;
  });
}
