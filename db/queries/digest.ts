import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { suggestChannelFor, todayIn, touchesByLead, type Channel } from "@/lib/domain";
import { digestLinkState, doneLinkExpiry, isWellFormedDigestToken, unsubscribeLinkExpiry, type DigestLinkState } from "@/lib/digest/links";
import type { MailPayload } from "@/lib/mail/messages";
import { dayWork, describeWork } from "@/lib/today/day-work";
import { firstRows, TODAY_ROWS } from "@/lib/today/sections";
import { hashSecretToken, newSecretToken } from "@/lib/server/secret-tokens";
import { rowsOf, type Db } from "../client";
import { digestLinks, leads, outboxMessages, touches, users } from "../schema";
import { inTransaction } from "../transaction";
import { listRecentTouches, listTodayLeads } from "./today";
import { logTouch, type LogTouchResult } from "./touches";

/*
 * The morning digest (docs/product.md, "The morning digest"). Queuing is one set-based statement
 * for every seeker at once (enqueueDueDigests); what the message says is decided when it is sent
 * (prepareDigest), from the same queries and the same dayWork rule as Today, so it lists the work
 * as it stands when it leaves, and its "Done" links exist only for a message that really goes.
 */

/** The seeker's clock in SQL, for users `u`: now in their zone. */
function localNow(at: string): SQL {
  return sql`(${at}::timestamptz at time zone u.time_zone)`;
}

/**
 * Whether lead `l` (of user `u`) needs a touch today, as lib/domain/lead-pace.ts's leadPace and
 * needsTouchToday decide it (due today, or 1 to 7 days late): a hand-set date until a touch after
 * it; the return day of a pause with no touch since; the planned first contact; a thank-you on the
 * next contact day after a conversation or a meeting set; a reply owed the day it came; else the
 * last touch plus the cadence. A touch's day is its day in the seeker's zone.
 */
function needsTouchTodaySql(at: string): SQL {
  const today = sql`${localNow(at)}::date`;
  const lastDay = sql`(last.at at time zone u.time_zone)::date`;
  const nextDue = sql`case
    when l.next_due_override is not null
         and (last.at is null or (l.next_due_override_set_at is not null and last.at < l.next_due_override_set_at))
      then l.next_due_override
    when l.paused_until is not null and (last.at is null or ${lastDay} < l.paused_until) then l.paused_until
    when last.at is null then l.planned_first_contact
    when last.outcome in ('conversation', 'meeting_set')
      then (select min(${lastDay} + k) from generate_series(1, 7) k where extract(dow from ${lastDay} + k)::smallint = any(u.contact_days))
    when last.direction = 'inbound' then ${lastDay}
    else ${lastDay} + l.cadence_days
  end`;
  return sql`exists (
    select 1 from leads l
    left join lateral (
      select t.at, t.direction, t.outcome from touches t where t.lead_id = l.id order by t.at desc, t.id limit 1
    ) last on true
    where l.user_id = u.id
      and l.closed_at is null
      and (l.paused_until is null or l.paused_until <= ${today})
      and (${today} - (${nextDue})) between 0 and 7
  )`;
}

/**
 * Queues today's digest for every seeker due one, in ONE statement whatever their number: the
 * digest is on, the address verified, today (in their zone) is one of their contact days, their
 * hour has come, they have no digest for today yet, and some lead needs a touch today. The
 * `digests` primary key (user, local date) takes each seeker's day once: a run at the same time
 * on another server waits for this one's row and then inserts nothing, so there is at most one
 * digest per seeker per local day however many servers and runs. The outbox row holds only the
 * day; the message is written when it is sent (prepareDigest). Answers how many were queued.
 */
export async function enqueueDueDigests(db: Db, { now }: { now: Date }): Promise<number> {
  const at = now.toISOString();
  const result = await db.execute(sql`
    with due as (
      select u.id, u.email, ${localNow(at)}::date as local_date
      from users u
      where u.digest_enabled
        and u.email_verified_at is not null
        and extract(hour from ${localNow(at)}) >= u.digest_hour
        and extract(dow from ${localNow(at)})::smallint = any(u.contact_days)
        and not exists (select 1 from digests d where d.user_id = u.id and d.local_date = ${localNow(at)}::date)
        and ${needsTouchTodaySql(at)}
    ),
    claimed as (
      insert into digests (user_id, local_date, created_at)
      select id, local_date, ${at}::timestamptz from due
      on conflict do nothing
      returning user_id, local_date
    ),
    queued as (
      insert into ${outboxMessages} (kind, user_id, to_address, payload, created_at, next_attempt_at)
      select 'digest', c.user_id, due.email, jsonb_build_object('localDate', c.local_date), ${at}::timestamptz, ${at}::timestamptz
      from claimed c join due on due.id = c.user_id
      returning 1
    )
    select count(*)::int as queued from queued`);
  return Number(rowsOf<{ queued: number }>(result)[0]?.queued ?? 0);
}

export type DigestPayload = MailPayload<"digest">;

/** Whether a digest row's payload is already written out (a retry sends the same message, same links). */
export function isPreparedDigest(payload: unknown): boolean {
  return typeof payload === "object" && payload !== null && "items" in payload;
}

/**
 * Writes out a queued digest as it goes: the day's work not yet done (dayWork, from the queries
 * Today reads), each lead with its suggested channel and a "Done" link valid until the end of that
 * local day, and an unsubscribe link; saved on the outbox row so a retry sends the same links.
 * Null when it should not go after all: the day is over, the digest was turned off, the address
 * is no longer verified, or nothing is left to do.
 */
export async function prepareDigest(
  db: Db,
  { outboxId, userId, localDate, now }: { outboxId: string; userId: string; localDate: string; now: Date },
): Promise<DigestPayload | null> {
  return inTransaction(db, async (tx) => {
    const [user] = await tx
      .select({
        name: users.name,
        timeZone: users.timeZone,
        contactDays: users.contactDays,
        enabled: users.digestEnabled,
        verifiedAt: users.emailVerifiedAt,
      })
      .from(users)
      .where(eq(users.id, userId));
    if (!user || !user.enabled || !user.verifiedAt || todayIn(now, user.timeZone) !== localDate) return null;
    // Each touch with the day it was logged on, as stored (a move to another zone rewrites no past day).
    const [leadRows, dated] = await Promise.all([listTodayLeads(tx, { userId }), listRecentTouches(tx, { userId })]);
    const work = dayWork({ leads: leadRows, touches: dated, contactDays: user.contactDays, now, timeZone: user.timeZone });
    const pending = work.items.filter((item) => !item.done);
    if (pending.length === 0) return null;

    const expiresAt = doneLinkExpiry(localDate, user.timeZone);
    const byLead = touchesByLead(dated);
    // The first rows of the day's work, as Today shows them; the count of the rest. A digest (and
    // its links) stays the same size whatever the number of leads due.
    const listed = firstRows(pending, TODAY_ROWS.work);
    const items = listed.shown.map((item) => {
      const leadTouches = byLead.get(item.lead.id) ?? [];
      const channel: Channel = suggestChannelFor(leadTouches, item.lead) ?? "phone";
      return {
        token: newSecretToken(),
        leadId: item.lead.id,
        company: item.lead.company,
        person: [item.lead.contactName, item.lead.title].filter(Boolean).join(", "),
        reason: describeWork(item),
        channel,
        phone: item.lead.phone,
        email: item.lead.email,
      };
    });
    const unsubscribeToken = newSecretToken();
    await tx.insert(digestLinks).values([
      ...items.map((item) => ({
        tokenHash: hashSecretToken(item.token),
        userId,
        purpose: "done" as const,
        leadId: item.leadId,
        channel: item.channel,
        localDate,
        expiresAt,
        createdAt: now,
      })),
      { tokenHash: hashSecretToken(unsubscribeToken), userId, purpose: "unsubscribe" as const, expiresAt: unsubscribeLinkExpiry(now, user.timeZone), createdAt: now },
    ]);
    const payload: DigestPayload = {
      localDate,
      timeZone: user.timeZone,
      name: user.name,
      unsubscribeToken,
      items: items.map((item) => ({
        company: item.company,
        person: item.person,
        reason: item.reason,
        channel: item.channel,
        phone: item.phone,
        email: item.email,
        token: item.token,
      })),
      more: listed.more,
    };
    await tx.update(outboxMessages).set({ payload }).where(eq(outboxMessages.id, outboxId));
    return payload;
  });
}

/** The seeker's digest settings (Settings › Morning digest). */
export async function getDigestSettings(
  db: Db,
  { userId }: { userId: string },
): Promise<{ enabled: boolean; hour: number; verified: boolean } | null> {
  const [row] = await db
    .select({ enabled: users.digestEnabled, hour: users.digestHour, verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId));
  return row ? { enabled: row.enabled, hour: row.hour, verified: row.verifiedAt !== null } : null;
}

export async function updateDigestSettings(
  db: Db,
  { userId, enabled, hour }: { userId: string; enabled: boolean; hour: number },
): Promise<void> {
  await db.update(users).set({ digestEnabled: enabled, digestHour: hour, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

type LinkRow = {
  id: string;
  userId: string;
  leadId: string | null;
  channel: Channel | null;
  localDate: string | null;
  expiresAt: Date;
  usedAt: Date | null;
};

async function selectLink(db: Db, { token, purpose }: { token: string; purpose: "done" | "unsubscribe" }): Promise<LinkRow | null> {
  if (!isWellFormedDigestToken(token)) return null;
  const [row] = await db
    .select({
      id: digestLinks.id,
      userId: digestLinks.userId,
      leadId: digestLinks.leadId,
      channel: digestLinks.channel,
      localDate: digestLinks.localDate,
      expiresAt: digestLinks.expiresAt,
      usedAt: digestLinks.usedAt,
    })
    .from(digestLinks)
    .where(and(eq(digestLinks.tokenHash, hashSecretToken(token)), eq(digestLinks.purpose, purpose)));
  return row ?? null;
}

export type DoneLinkView =
  | { state: Exclude<DigestLinkState, "open"> }
  | {
      state: "open";
      lead: { company: string; contactName: string; title: string; phone: string; email: string };
      channel: Channel | null;
      localDate: string;
      timeZone: string;
    };

/** What a "Done" link's page shows before the tap (opening it changes nothing): the lead, and only for an open link. */
export async function findDoneLink(
  db: Db,
  { token, signedInUserId, now }: { token: string; signedInUserId: string | null; now: Date },
): Promise<DoneLinkView> {
  const link = await selectLink(db, { token, purpose: "done" });
  const state = digestLinkState(link, { now, signedInUserId });
  if (state !== "open") return { state };
  const [row] = await db
    .select({
      company: leads.company,
      contactName: leads.contactName,
      title: leads.title,
      phone: leads.phone,
      email: leads.email,
      timeZone: users.timeZone,
    })
    .from(leads)
    .innerJoin(users, eq(users.id, leads.userId))
    .where(and(eq(leads.id, link!.leadId!), eq(leads.userId, link!.userId)));
  if (!row) return { state: "not_found" };
  const { timeZone, ...lead } = row;
  return { state: "open", lead, channel: link!.channel, localDate: link!.localDate!, timeZone };
}

export type DoneLinkOutcome = { state: Exclude<DigestLinkState, "open"> } | { state: "open"; result: LogTouchResult };

/**
 * The tap on a "Done" page: one outbound touch now on the link's lead, on the channel chosen,
 * through logTouch (the too-soon warning, the idempotency key). The key is the link's own, so a
 * link logs one touch at most however often it is tapped; the link is then spent.
 */
export async function logTouchWithDoneLink(
  db: Db,
  {
    token,
    channel,
    confirmTooSoon,
    signedInUserId,
    now,
  }: { token: string; channel: Channel; confirmTooSoon: boolean; signedInUserId: string | null; now: Date },
): Promise<DoneLinkOutcome> {
  const link = await selectLink(db, { token, purpose: "done" });
  const state = digestLinkState(link, { now, signedInUserId });
  if (state !== "open") return { state };
  const [owner] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, link!.userId));
  if (!owner) return { state: "not_found" };
  const result = await logTouch(db, {
    userId: link!.userId,
    timeZone: owner.timeZone,
    now,
    touch: {
      leadId: link!.leadId!,
      at: now,
      channel,
      direction: "outbound",
      outcome: null,
      note: "",
      materialId: null,
      idempotencyKey: `digest:${link!.id}`,
    },
    confirmTooSoon,
  });
  if (result.status === "logged" || result.status === "duplicate") {
    await db.update(digestLinks).set({ usedAt: now }).where(and(eq(digestLinks.id, link!.id), sql`${digestLinks.usedAt} is null`));
  }
  return { state, result };
}

/** Whether an unsubscribe link is open (a GET shows its button; nothing changes by opening it). */
export async function findUnsubscribeLink(db: Db, { token, now }: { token: string; now: Date }): Promise<DigestLinkState> {
  const link = await selectLink(db, { token, purpose: "unsubscribe" });
  // Anyone holding the message may stop it (the one-click POST comes with no cookie), again and again.
  return digestLinkState(link, { now, signedInUserId: null, reusable: true });
}

/** Turns the digest of the link's seeker off (RFC 8058 one-click, or the page's button). */
export async function unsubscribeWithLink(db: Db, { token, now }: { token: string; now: Date }): Promise<DigestLinkState> {
  const link = await selectLink(db, { token, purpose: "unsubscribe" });
  const state = digestLinkState(link, { now, signedInUserId: null, reusable: true });
  if (state !== "open") return state;
  await inTransaction(db, async (tx) => {
    await tx.update(users).set({ digestEnabled: false, updatedAt: sql`now()` }).where(eq(users.id, link!.userId));
    await tx.update(digestLinks).set({ usedAt: now }).where(eq(digestLinks.id, link!.id));
  });
  return state;
}

/** Touches logged through digest links (tests and the operator's look-ups). */
export async function countDigestTouches(db: Db, { userId }: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(touches)
    .where(and(eq(touches.userId, userId), sql`${touches.idempotencyKey} like 'digest:%'`));
  return Number(row?.count ?? 0);
}
