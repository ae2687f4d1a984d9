import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { hashInvitationToken, newInvitationToken } from "@/lib/server/invitation-tokens";
import type { Db } from "../client";
import { coachInvitations, users } from "../schema";
import { enqueueMail } from "./outbox";

/** The coach's e-mail with the one-time link to a seeker's invitation; in the transaction that made the link. */
export async function enqueueInvitationMail(
  db: Db,
  {
    seekerId,
    seeker,
    coachEmail,
    token,
    expiresAt,
  }: { seekerId: string; seeker: { name: string; email: string }; coachEmail: string; token: string; expiresAt: Date },
): Promise<void> {
  await enqueueMail(db, {
    userId: seekerId,
    message: {
      kind: "coach_invitation",
      to: coachEmail,
      payload: { seekerName: seeker.name, seekerEmail: seeker.email, token, expiresAt: expiresAt.toISOString() },
    },
  });
}

/**
 * Invitations by e-mail wait for the seeker's verified address (nobody can use Cadence to mail
 * strangers from an address they do not own): when it is verified, each open one gets a fresh link,
 * mailed now. Call it in the transaction that verifies the address.
 */
export async function mailWaitingInvitations(db: Db, { seekerId, now }: { seekerId: string; now: Date }): Promise<number> {
  const [seeker] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, seekerId));
  if (!seeker) return 0;
  const waiting = await db
    .select({ id: coachInvitations.id, inviteeEmail: coachInvitations.inviteeEmail, expiresAt: coachInvitations.expiresAt })
    .from(coachInvitations)
    .where(
      and(
        eq(coachInvitations.createdBy, seekerId),
        eq(coachInvitations.creatorRole, "seeker"),
        isNull(coachInvitations.usedAt),
        isNull(coachInvitations.declinedAt),
        gt(coachInvitations.expiresAt, now),
      ),
    );
  for (const invitation of waiting) {
    if (!invitation.inviteeEmail) continue;
    const token = newInvitationToken();
    await db.update(coachInvitations).set({ tokenHash: hashInvitationToken(token) }).where(eq(coachInvitations.id, invitation.id));
    await enqueueInvitationMail(db, { seekerId, seeker, coachEmail: invitation.inviteeEmail, token, expiresAt: invitation.expiresAt });
  }
  return waiting.length;
}
