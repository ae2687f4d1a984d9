import { and, asc, desc, eq, gt, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { COLD_AFTER_DAYS } from "@/lib/domain";
import {
  invitationExpiry,
  invitationState,
  isWellFormedCode,
  isWellFormedToken,
  normalizeCode,
  type InvitationState,
} from "@/lib/coach/invitations";
import { hashInvitationToken, newInvitationCode, newInvitationToken } from "@/lib/server/invitation-tokens";
import { calendarDateOf } from "@/lib/coach/days";
import type { ClientFacts } from "@/lib/coach/metrics";
import { rowsOf, type Db } from "../client";
import { coachInvitations, coachLinks, coachNotes, leads, touches, users } from "../schema";
import { enqueueInvitationMail } from "./invitation-mail";
import { normalizeEmail } from "./users";

/*
 * Consent and the coach's read-only view. Every read of a client's data joins a live
 * coach_links row (ended_at is null) for this coach and that client in the same statement,
 * so access ends with the next statement after either side ends the connection.
 */

// ---------------------------------------------------------------------------------------------
// Invitations

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
  return db.transaction(async (tx) => {
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
 * Codes only ever find a coach's invitation (any seeker may answer it); a link finds a coach's, or
 * a seeker's addressed to the viewer's own e-mail; an id only the latter. Null: malformed, so forged.
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
  if (!UUID.test(ref.id)) return null;
  return and(
    eq(coachInvitations.id, ref.id),
    eq(coachInvitations.creatorRole, "seeker"),
    eq(coachInvitations.inviteeEmail, normalizeEmail(viewer.email)),
  )!;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
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
  return db.transaction(async (tx) => {
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
  if (!UUID.test(invitationId)) return false;
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

// ---------------------------------------------------------------------------------------------
// Connections

/** The seeker's live coaches. */
export async function listCoachesOf(
  db: Db,
  { seekerId }: { seekerId: string },
): Promise<{ coachId: string; name: string; email: string; since: Date }[]> {
  return db
    .select({ coachId: coachLinks.coachId, name: users.name, email: users.email, since: coachLinks.createdAt })
    .from(coachLinks)
    .innerJoin(users, eq(users.id, coachLinks.coachId))
    .where(and(eq(coachLinks.seekerId, seekerId), isNull(coachLinks.endedAt)))
    .orderBy(asc(users.name));
}

/**
 * Ends the live connection between this coach and this seeker; `endedBy` must be one of them
 * (the actions pass the signed-in user as their own side). False when there is none.
 */
export async function endConnection(
  db: Db,
  { coachId, seekerId, endedBy, now }: { coachId: string; seekerId: string; endedBy: string; now: Date },
): Promise<boolean> {
  if (!UUID.test(coachId) || !UUID.test(seekerId) || (endedBy !== coachId && endedBy !== seekerId)) return false;
  const rows = await db
    .update(coachLinks)
    .set({ endedAt: now, endedBy })
    .where(and(eq(coachLinks.coachId, coachId), eq(coachLinks.seekerId, seekerId), isNull(coachLinks.endedAt)))
    .returning({ id: coachLinks.id });
  return rows.length > 0;
}

/** The live connection of this coach with the owner of the joined row. */
function liveLinkTo(coachId: string, ownerColumn: AnyPgColumn): SQL {
  return and(eq(coachLinks.coachId, coachId), eq(coachLinks.seekerId, ownerColumn), isNull(coachLinks.endedAt))!;
}

// ---------------------------------------------------------------------------------------------
// The coach's view

type FactsRow = {
  seeker_id: string;
  name: string;
  time_zone: string;
  today: string;
  campaign_start_date: string | null;
  first_contacts_per_week: number;
  contact_days: string;
  daily_goal: number;
  weekly_goal: number;
  leads_total: number;
  leads_contacted: number;
  overdue: number;
  cold: number;
  outbound: number;
  phone_outbound: number;
  too_soon: number;
  last_at_ms: number | null;
  /** Days since 1970-01-01, in the client's zone. */
  last_day: number | null;
  outbound_days: string | null;
};

/**
 * Every live client's facts in one statement, whatever the number of clients, leads and touches:
 * pace states are counted per lead and outbound touches per day in each client's own zone, in
 * SQL; lib/coach/metrics turns them into the figures. The pace rule here is computePace's
 * (lib/domain/pace), restated in SQL because running it per lead in JS costs ~0.1 ms a lead;
 * coach.test.ts holds the two equal on generated leads.
 */
export async function listClientFacts(
  db: Db,
  { coachId, now, seekerId }: { coachId: string; now: Date; seekerId?: string },
): Promise<ClientFacts[]> {
  if (seekerId !== undefined && !UUID.test(seekerId)) return [];
  const onlySeeker = seekerId === undefined ? sql`` : sql`and cl.seeker_id = ${seekerId}`;
  const result = await db.execute(sql`
    with clients as materialized (
      select u.id as seeker_id, u.name, u.time_zone, u.campaign_start_date, u.first_contacts_per_week,
             u.contact_days, u.daily_goal, u.weekly_goal,
             (${now.toISOString()}::timestamptz at time zone u.time_zone)::date as today
      from ${coachLinks} cl
      join ${users} u on u.id = cl.seeker_id
      where cl.coach_id = ${coachId} and cl.ended_at is null ${onlySeeker}
    ),
    -- The clients' touches are read once, each with its day in its owner's zone (days since 1970).
    client_touches as materialized (
      select t.user_id as seeker_id, t.lead_id, t.at, t.direction, t.channel, t.too_soon,
             (t.at at time zone c.time_zone)::date - date '1970-01-01' as day
      from ${touches} t join clients c on c.seeker_id = t.user_id
    ),
    lead_touches as (
      select lead_id, max(at) as last_at, max(day) as last_day,
             count(*) filter (where direction = 'outbound') as outbound,
             count(*) filter (where direction = 'outbound' and channel = 'phone') as phone_outbound,
             count(*) filter (where too_soon) as too_soon
      from client_touches
      group by lead_id
    ),
    lead_paces as (
      select l.user_id as seeker_id, lt.lead_id is not null as contacted, lt.outbound, lt.phone_outbound,
             lt.too_soon, lt.last_at, lt.last_day,
             case
               when l.closed_at is not null or l.paused_until > c.today then null
               else c.today - case
                 -- A date set by hand holds until the next touch after it was set.
                 when l.next_due_override is not null
                      and (lt.last_at is null or lt.last_at < l.next_due_override_set_at) then l.next_due_override
                 when lt.last_at is null then l.planned_first_contact
                 else date '1970-01-01' + lt.last_day + l.cadence_days
               end
             end as days_late
      from ${leads} l
      join clients c on c.seeker_id = l.user_id
      left join lead_touches lt on lt.lead_id = l.id
    ),
    lead_stats as (
      select seeker_id,
             count(*)::int as leads_total,
             count(*) filter (where contacted)::int as leads_contacted,
             count(*) filter (where days_late between 1 and ${COLD_AFTER_DAYS})::int as overdue,
             count(*) filter (where days_late > ${COLD_AFTER_DAYS})::int as cold,
             coalesce(sum(outbound), 0)::int as outbound,
             coalesce(sum(phone_outbound), 0)::int as phone_outbound,
             coalesce(sum(too_soon), 0)::int as too_soon,
             max(last_at) as last_at,
             max(last_day) as last_day
      from lead_paces
      group by seeker_id
    ),
    outbound_days as (
      select seeker_id, day, count(*)::int as n
      from client_touches
      where direction = 'outbound'
      group by seeker_id, day
    ),
    day_series as (
      select seeker_id, json_agg(json_build_array(day, n))::text as outbound_days
      from outbound_days
      group by seeker_id
    )
    select c.seeker_id, c.name, c.time_zone, c.today::text as today,
           c.campaign_start_date::text as campaign_start_date, c.first_contacts_per_week,
           array_to_json(c.contact_days)::text as contact_days, c.daily_goal, c.weekly_goal,
           coalesce(ls.leads_total, 0) as leads_total, coalesce(ls.leads_contacted, 0) as leads_contacted,
           coalesce(ls.overdue, 0) as overdue, coalesce(ls.cold, 0) as cold,
           coalesce(ls.outbound, 0) as outbound, coalesce(ls.phone_outbound, 0) as phone_outbound,
           coalesce(ls.too_soon, 0) as too_soon,
           (extract(epoch from ls.last_at) * 1000)::float8 as last_at_ms,
           ls.last_day,
           ds.outbound_days
    from clients c
    left join lead_stats ls on ls.seeker_id = c.seeker_id
    left join day_series ds on ds.seeker_id = c.seeker_id
  `);
  return rowsOf<FactsRow>(result).map(toClientFacts);
}

function toClientFacts(row: FactsRow): ClientFacts {
  return {
    seekerId: row.seeker_id,
    name: row.name,
    timeZone: row.time_zone,
    today: row.today,
    campaign: row.campaign_start_date
      ? {
          startDate: row.campaign_start_date,
          firstContactsPerWeek: Number(row.first_contacts_per_week),
          contactDays: JSON.parse(row.contact_days) as number[],
        }
      : null,
    goals: { dailyTouches: Number(row.daily_goal), weeklyTouches: Number(row.weekly_goal) },
    contactDays: JSON.parse(row.contact_days) as number[],
    leads: {
      total: Number(row.leads_total),
      contacted: Number(row.leads_contacted),
      overdue: Number(row.overdue),
      cold: Number(row.cold),
    },
    touches: {
      outbound: Number(row.outbound),
      phoneOutbound: Number(row.phone_outbound),
      tooSoon: Number(row.too_soon),
      lastAt: row.last_at_ms === null ? null : new Date(Number(row.last_at_ms)),
      lastDay: row.last_day === null ? null : calendarDateOf(Number(row.last_day)),
    },
    outboundByDay: row.outbound_days
      ? (JSON.parse(row.outbound_days) as [number, number][]).map(([day, outbound]) => ({ day, outbound }))
      : [],
  };
}

/** One client's facts, or null when this coach has no live connection with them. */
export async function getClientFacts(
  db: Db,
  { coachId, seekerId, now }: { coachId: string; seekerId: string; now: Date },
): Promise<ClientFacts | null> {
  const [facts] = await listClientFacts(db, { coachId, seekerId, now });
  return facts ?? null;
}

export type ClientLead = {
  id: string;
  company: string;
  contactName: string;
  title: string;
  cadenceDays: number;
  plannedFirstContact: string | null;
  nextDueOverride: string | null;
  nextDueOverrideSetAt: Date | null;
  pausedUntil: string | null;
  closedAt: Date | null;
  closedAs: "won" | "dropped" | null;
  lastTouch: { at: Date; channel: (typeof touches.channel.enumValues)[number]; direction: "outbound" | "inbound" } | null;
};

/**
 * The client's leads in their list order, with what the pace needs (the latest touch decides
 * it). No contact details: the coach sees the company, the person's name and title, and the pace.
 */
export async function listClientLeads(
  db: Db,
  { coachId, seekerId }: { coachId: string; seekerId: string },
): Promise<ClientLead[]> {
  if (!UUID.test(seekerId)) return [];
  const lastTouches = db
    .selectDistinctOn([touches.leadId], {
      leadId: touches.leadId,
      at: touches.at,
      channel: touches.channel,
      direction: touches.direction,
    })
    .from(touches)
    .where(eq(touches.userId, seekerId))
    .orderBy(touches.leadId, desc(touches.at), desc(touches.createdAt))
    .as("last_touches");
  const rows = await db
    .select({
      id: leads.id,
      company: leads.company,
      contactName: leads.contactName,
      title: leads.title,
      cadenceDays: leads.cadenceDays,
      plannedFirstContact: leads.plannedFirstContact,
      nextDueOverride: leads.nextDueOverride,
      nextDueOverrideSetAt: leads.nextDueOverrideSetAt,
      pausedUntil: leads.pausedUntil,
      closedAt: leads.closedAt,
      closedAs: leads.closedAs,
      lastAt: lastTouches.at,
      lastChannel: lastTouches.channel,
      lastDirection: lastTouches.direction,
    })
    .from(leads)
    .innerJoin(coachLinks, liveLinkTo(coachId, leads.userId))
    .leftJoin(lastTouches, eq(lastTouches.leadId, leads.id))
    .where(eq(leads.userId, seekerId))
    .orderBy(asc(leads.position), asc(leads.createdAt));
  return rows.map(({ lastAt, lastChannel, lastDirection, ...lead }) => ({
    ...lead,
    lastTouch: lastAt && lastChannel && lastDirection ? { at: lastAt, channel: lastChannel, direction: lastDirection } : null,
  }));
}

export type ClientTouch = {
  id: string;
  leadId: string;
  company: string;
  at: Date;
  channel: (typeof touches.channel.enumValues)[number];
  direction: "outbound" | "inbound";
  outcome: (typeof touches.outcome.enumValues)[number] | null;
  note: string;
  tooSoon: boolean;
};

/** The client's touches, newest first, at most `limit`, with how many there are in all. */
export async function listClientTouches(
  db: Db,
  { coachId, seekerId, limit }: { coachId: string; seekerId: string; limit: number },
): Promise<{ touches: ClientTouch[]; total: number }> {
  if (!UUID.test(seekerId)) return { touches: [], total: 0 };
  const rows = await db
    .select({
      id: touches.id,
      leadId: touches.leadId,
      company: leads.company,
      at: touches.at,
      channel: touches.channel,
      direction: touches.direction,
      outcome: touches.outcome,
      note: touches.note,
      tooSoon: touches.tooSoon,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(touches)
    .innerJoin(leads, eq(leads.id, touches.leadId))
    .innerJoin(coachLinks, liveLinkTo(coachId, touches.userId))
    .where(eq(touches.userId, seekerId))
    .orderBy(desc(touches.at), desc(touches.createdAt))
    .limit(limit);
  // Each row carries the total (a window count), so the page needs no second statement.
  return { touches: rows, total: rows[0]?.total ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Notes

/** Leaves a note for a live client (shown on their Today until dismissed); null without a live connection. */
export async function createCoachNote(
  db: Db,
  { coachId, seekerId, body, now }: { coachId: string; seekerId: string; body: string; now: Date },
): Promise<{ id: string } | null> {
  if (!UUID.test(seekerId)) return null;
  // One statement: the connection is checked by the insert itself.
  const result = await db.execute(sql`
    insert into ${coachNotes} (coach_id, seeker_id, body, created_at)
    select ${coachId}, ${seekerId}, ${body}, ${now.toISOString()}::timestamptz
    from ${coachLinks} cl
    where cl.coach_id = ${coachId} and cl.seeker_id = ${seekerId} and cl.ended_at is null
    returning id`);
  const [row] = rowsOf<{ id: string }>(result);
  return row ? { id: row.id } : null;
}

/** The notes this coach left for this live client, newest first. */
export async function listNotesToClient(
  db: Db,
  { coachId, seekerId }: { coachId: string; seekerId: string },
): Promise<{ id: string; body: string; createdAt: Date; dismissedAt: Date | null }[]> {
  if (!UUID.test(seekerId)) return [];
  return db
    .select({ id: coachNotes.id, body: coachNotes.body, createdAt: coachNotes.createdAt, dismissedAt: coachNotes.dismissedAt })
    .from(coachNotes)
    .innerJoin(coachLinks, liveLinkTo(coachId, coachNotes.seekerId))
    .where(and(eq(coachNotes.coachId, coachId), eq(coachNotes.seekerId, seekerId)))
    .orderBy(desc(coachNotes.createdAt));
}
