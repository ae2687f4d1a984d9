import "server-only";
import { and, asc, eq, gt, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import {
  invitationExpiry,
  invitationState,
  isWellFormedCode,
  isWellFormedToken,
  normalizeCode,
  type InvitationState,
} from "@/lib/coach/invitations";
import { hashInvitationToken, newInvitationCode, newInvitationToken } from "@/lib/server/invitation-tokens";
import { isUuid } from "@/lib/ids";
import type { Db } from "../client";
import { coachInvitations, coachLinks, users } from "../schema";
import { inTransaction } from "../transaction";
import { enqueueInvitationMail } from "./invitation-mail";
import { normalizeEmail } from "./users";

/*
 * Invitations to connect a coach and a seeker: a coach's link or code for any seeker, or a
 * seeker's invitation to a coach's e-mail. Answering one (once) creates the connection.
 */

/** A coach's invitation for any one seeker: the link token and the code are shown once, here. */
export async function createCoachInvitation(
  db: Db,
  { coachId, now }: { coachId: string; now: Date },
): Promise<{ id: string; token: string; code: string; expiresAt: Date }> {
  const expiresAt = invitationExpiry(now);
  // A code is 40 random bits, so a clash with a stored one is rare; draw again if it happens.
  for (let attempt = 0; attempt < 5; attempt++) {
    const token = newInvitationToken();
    const code = newInvitationCode();
    const rows = await db
      .insert(coachInvitations)
      .values({ createdBy: coachId, creatorRole: "coach", tokenHash: hashInvitationToken(token), code, expiresAt })
      .onConflictDoNothing()
      .returning({ id: coachInvitations.id });
    if (rows[0]) return { id: rows[0].id, token, code, expiresAt };
  }
  throw new Error("Could not draw a free invitation code");
}

export type InviteCoachOutcome =
  | { ok: true; expiresAt: Date; mailed: boolean; invitationId: string }
  | { ok: false; reason: "own_email" | "already_connected" };

/**
 * A seeker's invitation to the coach with this e-mail, who sees it on /coach once signed in with
 * it. Whether such an account exists is not told. A repeated invitation replaces the open one.
 */
export async function inviteCoachByEmail(
  db: Db,
  { seekerId, coachEmail, now }: { seekerId: string; coachEmail: string; now: Date },
): Promise<InviteCoachOutcome> {
  const email = normalizeEmail(coachEmail);
  return inTransaction(db, async (tx) => {
    const [seeker] = await tx
      .select({ email: users.email, name: users.name, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, seekerId));
    if (!seeker || seeker.email === email) return { ok: false, reason: "own_email" } as const;
    const connected = await tx
      .select({ id: coachLinks.id })
      .from(coachLinks)
      .innerJoin(users, eq(users.id, coachLinks.coachId))
      .where(and(eq(coachLinks.seekerId, seekerId), isNull(coachLinks.endedAt), eq(users.email, email)));
    if (connected.length > 0) return { ok: false, reason: "already_connected" } as const;

    await tx
      .delete(coachInvitations)
      .where(and(eq(coachInvitations.createdBy, seekerId), eq(coachInvitations.inviteeEmail, email), openInvitation()));
    const expiresAt = invitationExpiry(now);
    // The link's token goes to the coach's address by e-mail (once the seeker's own address is
    // verified: see mailWaitingInvitations); the code is never shown, and codes only find a coach's invitations.
    const token = newInvitationToken();
    const [invitation] = await tx
      .insert(coachInvitations)
      .values({
        createdBy: seekerId,
        creatorRole: "seeker",
        tokenHash: hashInvitationToken(token),
        code: `S${newInvitationCode()}`,
        inviteeEmail: email,
        expiresAt,
      })
      .returning({ id: coachInvitations.id });
    if (seeker.verifiedAt) await enqueueInvitationMail(tx, { seekerId, seeker, coachEmail: email, token, expiresAt });
    return { ok: true, expiresAt, mailed: Boolean(seeker.verifiedAt), invitationId: invitation!.id } as const;
  });
}

function openInvitation(): SQL {
  return and(isNull(coachInvitations.usedAt), isNull(coachInvitations.declinedAt))!;
}

/** How the one answering names the invitation: a link's token, a typed code, or (the coach answering a seeker) its id. */
export type InvitationRef = { token: string } | { code: string } | { id: string };

export type InvitationView = {
  id: string;
  creatorRole: "coach" | "seeker";
  inviter: { id: string; name: string; email: string };
  state: InvitationState;
  expiresAt: Date;
  /** The viewer made it. */
  own: boolean;
  /** The inviter and the viewer are connected now (the viewer accepted it, or connected otherwise). */
  connected: boolean;
};

/** The invitation as the person answering it may see it; null when there is none (forged, withdrawn, or not theirs). */
export async function findInvitation(
  db: Db,
  { ref, viewer, now }: { ref: InvitationRef; viewer: { id: string; email: string }; now: Date },
): Promise<InvitationView | null> {
  const match = invitationMatch(ref, viewer);
  if (!match) return null;
  const inviter = users;
  const rows = await db
    .select({
      id: coachInvitations.id,
      creatorRole: coachInvitations.creatorRole,
      inviterId: inviter.id,
      inviterName: inviter.name,
      inviterEmail: inviter.email,
      expiresAt: coachInvitations.expiresAt,
      usedAt: coachInvitations.usedAt,
      declinedAt: coachInvitations.declinedAt,
      connected: sql<boolean>`exists (
        select 1 from ${coachLinks}
        where ${coachLinks.endedAt} is null and (
          (${coachInvitations.creatorRole} = 'coach' and ${coachLinks.coachId} = ${coachInvitations.createdBy} and ${coachLinks.seekerId} = ${viewer.id})
          or (${coachInvitations.creatorRole} = 'seeker' and ${coachLinks.seekerId} = ${coachInvitations.createdBy} and ${coachLinks.coachId} = ${viewer.id})))`,
    })
    .from(coachInvitations)
    .innerJoin(inviter, eq(inviter.id, coachInvitations.createdBy))
    .where(match);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    creatorRole: row.creatorRole,
    inviter: { id: row.inviterId, name: row.inviterName, email: row.inviterEmail },
    state: invitationState(row, now),
    expiresAt: row.expiresAt,
    own: row.inviterId === viewer.id,
    connected: Boolean(row.connected),
  };
}

/**
 * For someone not signed in who opened an invitation link: only the inviter's name and which side
 * invited, while the invitation is open; nothing else (no address, no dates). Null: forged, withdrawn,
 * answered or expired, all told alike.
 */
export async function findOpenInvitationInviter(
  db: Db,
  { token, now }: { token: string; now: Date },
): Promise<{ inviterName: string; creatorRole: "coach" | "seeker" } | null> {
  if (!isWellFormedToken(token)) return null;
  const rows = await db
    .select({ inviterName: users.name, creatorRole: coachInvitations.creatorRole })
    .from(coachInvitations)
    .innerJoin(users, eq(users.id, coachInvitations.createdBy))
    .where(
      and(
        eq(coachInvitations.tokenHash, hashInvitationToken(token)),
        isNull(coachInvitations.usedAt),
        isNull(coachInvitations.declinedAt),
        gt(coachInvitations.expiresAt, now),
      ),
    );
  return rows[0] ?? null;
}

/**
 * Codes only ever find a coach's invitation (any seeker may answer it); a link finds a coach's, or a
 * seeker's addressed to the viewer's e-mail; an id only
 * finds a seeker's invitation addressed to the viewer's own e-mail. Null: malformed, so forged.
 */
function invitationMatch(ref: InvitationRef, viewer: { email: string }): SQL | null {
  if ("token" in ref) {
    if (!isWellFormedToken(ref.token)) return null;
    // A coach's link is for any seeker; a seeker's e-mailed link only for the address it went to.
    return and(
      eq(coachInvitations.tokenHash, hashInvitationToken(ref.token)),
      or(
        eq(coachInvitations.creatorRole, "coach"),
        and(eq(coachInvitations.creatorRole, "seeker"), eq(coachInvitations.inviteeEmail, normalizeEmail(viewer.email))),
      ),
    )!;
  }
  if ("code" in ref) {
    const code = normalizeCode(ref.code);
    if (!isWellFormedCode(code)) return null;
    return and(eq(coachInvitations.code, code), eq(coachInvitations.creatorRole, "coach"))!;
  }
  if (!isUuid(ref.id)) return null;
  return and(
    eq(coachInvitations.id, ref.id),
    eq(coachInvitations.creatorRole, "seeker"),
    eq(coachInvitations.inviteeEmail, normalizeEmail(viewer.email)),
  )!;
}


export type AnswerOutcome =
  | { ok: true; coachId: string; seekerId: string; inviterName: string }
  | { ok: false; reason: "not_found" | "own" | "unverified" | Exclude<InvitationState, "open"> };

/**
 * Accepts (connects the coach and the seeker) or declines an open invitation, once: the row is
 * locked, so two answers at once cannot both count. Nobody can answer their own invitation.
 */
export async function answerInvitation(
  db: Db,
  {
    ref,
    viewer,
    answer,
    now,
  }: { ref: InvitationRef; viewer: { id: string; email: string; emailVerified: boolean }; answer: "accept" | "decline"; now: Date },
): Promise<AnswerOutcome> {
  const match = invitationMatch(ref, viewer);
  if (!match) return { ok: false, reason: "not_found" };
  return inTransaction(db, async (tx) => {
    const [invitation] = await tx
      .select({
        id: coachInvitations.id,
        createdBy: coachInvitations.createdBy,
        creatorRole: coachInvitations.creatorRole,
        expiresAt: coachInvitations.expiresAt,
        usedAt: coachInvitations.usedAt,
        declinedAt: coachInvitations.declinedAt,
        inviterName: users.name,
      })
      .from(coachInvitations)
      .innerJoin(users, eq(users.id, coachInvitations.createdBy))
      .where(match)
      .for("update", { of: coachInvitations });
    if (!invitation) return { ok: false, reason: "not_found" } as const;
    if (invitation.createdBy === viewer.id) return { ok: false, reason: "own" } as const;
    const state = invitationState(invitation, now);
    if (state !== "open") return { ok: false, reason: state } as const;
    // Addressed to an e-mail: only the one who proved they read it may accept (anyone could sign up with it).
    if (invitation.creatorRole === "seeker" && answer === "accept" && !viewer.emailVerified) {
      return { ok: false, reason: "unverified" } as const;
    }

    const [coachId, seekerId] =
      invitation.creatorRole === "coach" ? [invitation.createdBy, viewer.id] : [viewer.id, invitation.createdBy];
    if (answer === "decline") {
      await tx.update(coachInvitations).set({ declinedAt: now }).where(eq(coachInvitations.id, invitation.id));
    } else {
      await tx.update(coachInvitations).set({ usedAt: now }).where(eq(coachInvitations.id, invitation.id));
      // Already connected is fine: the live pair is unique, and the answer is the same.
      await tx.insert(coachLinks).values({ coachId, seekerId, createdAt: now }).onConflictDoNothing();
    }
    return { ok: true, coachId, seekerId, inviterName: invitation.inviterName } as const;
  });
}

/** Withdraws an invitation its creator made and nobody answered; false when there is none. */
export async function withdrawInvitation(
  db: Db,
  { userId, invitationId }: { userId: string; invitationId: string },
): Promise<boolean> {
  if (!isUuid(invitationId)) return false;
  const rows = await db
    .delete(coachInvitations)
    .where(and(eq(coachInvitations.id, invitationId), eq(coachInvitations.createdBy, userId), openInvitation()))
    .returning({ id: coachInvitations.id });
  return rows.length > 0;
}

export type OpenInvitation = { id: string; code: string; inviteeEmail: string | null; expiresAt: Date };

/** Invitations the user made that are still waiting for an answer. */
export async function listOpenInvitationsBy(
  db: Db,
  { userId, role, now }: { userId: string; role: "coach" | "seeker"; now: Date },
): Promise<OpenInvitation[]> {
  return db
    .select({
      id: coachInvitations.id,
      code: coachInvitations.code,
      inviteeEmail: coachInvitations.inviteeEmail,
      expiresAt: coachInvitations.expiresAt,
    })
    .from(coachInvitations)
    .where(
      and(
        eq(coachInvitations.createdBy, userId),
        eq(coachInvitations.creatorRole, role),
        openInvitation(),
        gt(coachInvitations.expiresAt, now),
      ),
    )
    .orderBy(asc(coachInvitations.createdAt));
}

/** Seekers' open invitations addressed to this coach's e-mail. */
export async function listInvitationsToCoach(
  db: Db,
  { coachId, email, now }: { coachId: string; email: string; now: Date },
): Promise<{ id: string; seeker: { name: string; email: string }; expiresAt: Date }[]> {
  const rows = await db
    .select({ id: coachInvitations.id, name: users.name, email: users.email, expiresAt: coachInvitations.expiresAt })
    .from(coachInvitations)
    .innerJoin(users, eq(users.id, coachInvitations.createdBy))
    .where(
      and(
        eq(coachInvitations.creatorRole, "seeker"),
        eq(coachInvitations.inviteeEmail, normalizeEmail(email)),
        ne(coachInvitations.createdBy, coachId),
        openInvitation(),
        gt(coachInvitations.expiresAt, now),
      ),
    )
    .orderBy(asc(coachInvitations.createdAt));
  return rows.map(({ id, name, email: seekerEmail, expiresAt }) => ({ id, seeker: { name, email: seekerEmail }, expiresAt }));
}
