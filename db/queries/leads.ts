import "server-only";
import { and, asc, count, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { leadsToImport, type ImportCandidate, type LeadIdentity } from "@/lib/csv/import-leads";
import type { CalendarDate, Channel, ClosedAs, Direction, Outcome } from "@/lib/domain";
import { isUuid } from "@/lib/ids";
import { DEFAULT_LEAD_LIMITS, IMPORT_WINDOW_MS, type LeadLimits } from "@/lib/leads/page";
import type { MatchingFilter } from "@/lib/leads/page-query";
import type { LeadImportValues, LeadInput } from "@/lib/leads/schemas";
import type { Db } from "../client";
import { leadImports, leads, materials, touches, users } from "../schema";
import { inTransaction, lockSeeker } from "../transaction";
import { nextLeadPosition, replanCampaign } from "./campaign";
import { timelineTouchColumns } from "./touches";
import { countLeads, listMatchingLeadIds } from "./leads-page";
import { paceColumns } from "./pace-sql";

/** The lead's own details: what the form edits and the CSV carries. */
const detailColumns = {
  company: leads.company,
  contactName: leads.contactName,
  title: leads.title,
  email: leads.email,
  phone: leads.phone,
  linkedinUrl: leads.linkedinUrl,
  notes: leads.notes,
  personalNotes: leads.personalNotes,
};

const leadColumns = {
  id: leads.id,
  ...detailColumns,
  position: leads.position,
  ...paceColumns,
  closedAs: leads.closedAs,
  closedReason: leads.closedReason,
};

/** A lead as the seeker's own pages read it: the columns above, typed by the schema. */
export type LeadRecord = Pick<typeof leads.$inferSelect, keyof typeof leadColumns>;

const listOrder = [asc(leads.position), asc(leads.createdAt), asc(leads.id)];

/** True when every id is one of the seeker's leads (and there is at least one). */
async function ownsAll(tx: Db, userId: string, leadIds: readonly string[]): Promise<boolean> {
  const unique = [...new Set(leadIds)];
  if (unique.length === 0 || !unique.every(isUuid)) return false;
  const rows = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(leads)
    .where(and(eq(leads.userId, userId), inArray(leads.id, unique)));
  return rows[0]?.count === unique.length;
}

/** Which leads a bulk change is for: ticked ones, or every lead the list's filter matches now. */
export type LeadSelection = { leadIds: readonly string[] } | { matching: MatchingFilter; timeZone: string };

/**
 * Runs a change to some of the seeker's leads in one transaction, re-planning the campaign
 * after it when the list changed. Answers how many leads it changed; null, with nothing
 * changed, unless every ticked id is theirs (a filter matching nothing changes 0).
 */
async function changeSelectedLeads(
  db: Db,
  { userId, selection, now, replan }: { userId: string; selection: LeadSelection; now: Date; replan: boolean },
  change: (tx: Db, ids: string[]) => Promise<void>,
): Promise<number | null> {
  return inTransaction(db, async (tx) => {
    await lockSeeker(tx, userId);
    let ids: string[];
    if ("matching" in selection) {
      ids = await listMatchingLeadIds(tx, { userId, now, timeZone: selection.timeZone, filter: selection.matching });
      if (ids.length === 0) return 0;
    } else {
      if (!(await ownsAll(tx, userId, selection.leadIds))) return null;
      ids = [...new Set(selection.leadIds)];
    }
    // In slices: a statement takes at most 65,535 parameters.
    for (let start = 0; start < ids.length; start += 1000) await change(tx, ids.slice(start, start + 1000));
    if (replan) await replanCampaign(tx, { userId, now });
    return ids.length;
  });
}

async function changeOwnedLeads(
  db: Db,
  { userId, leadIds, now, replan }: { userId: string; leadIds: readonly string[]; now: Date; replan: boolean },
  change: (tx: Db, ids: string[]) => Promise<void>,
): Promise<boolean> {
  return (await changeSelectedLeads(db, { userId, selection: { leadIds }, now, replan }, change)) !== null;
}

function ownLeads(userId: string, leadIds: string[]) {
  return and(eq(leads.userId, userId), inArray(leads.id, leadIds));
}

export type LastTouch = { at: Date; channel: Channel; direction: Direction; outcome: Outcome | null };
export type LeadListRow = LeadRecord & { lastTouch: LastTouch | null };

/**
 * The seeker's leads in campaign order, each with its latest touch (the only touch pace needs).
 * Two queries whatever the number of leads.
 */
export async function listLeads(db: Db, { userId }: { userId: string }): Promise<LeadListRow[]> {
  const rows = await db.select(leadColumns).from(leads).where(eq(leads.userId, userId)).orderBy(...listOrder);
  const latest = await db
    .selectDistinctOn([touches.leadId], {
      leadId: touches.leadId,
      at: touches.at,
      channel: touches.channel,
      direction: touches.direction,
      outcome: touches.outcome,
    })
    .from(touches)
    .where(eq(touches.userId, userId))
    .orderBy(touches.leadId, desc(touches.at));
  const byLead = new Map(latest.map(({ leadId, ...touch }) => [leadId, touch]));
  return rows.map((lead) => ({ ...lead, lastTouch: byLead.get(lead.id) ?? null }));
}

export async function getLead(db: Db, { userId, leadId }: { userId: string; leadId: string }): Promise<LeadRecord | null> {
  if (!isUuid(leadId)) return null;
  const rows = await db
    .select(leadColumns)
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.userId, userId)));
  return rows[0] ?? null;
}

export type TimelineTouch = {
  id: string;
  at: Date;
  /** The day it counts on, in the seeker's zone (DatedTouch.localDate). */
  localDate: string;
  channel: Channel;
  direction: Direction;
  outcome: Outcome | null;
  note: string;
  tooSoon: boolean;
  material: { id: string; title: string; url: string } | null;
};

/** A lead with its whole touch timeline, newest first, and the material each touch carried. Two queries. */
/**
 * The lead's page: the lead with its owner's contact days (leadPace's thank-you falls on the next
 * one) in one statement, then its whole timeline, each touch with its stored local date.
 */
export async function getLeadDetail(
  db: Db,
  { userId, leadId }: { userId: string; leadId: string },
): Promise<{ lead: LeadRecord; touches: TimelineTouch[]; contactDays: number[] } | null> {
  if (!isUuid(leadId)) return null;
  const [found] = await db
    .select({ lead: leadColumns, contactDays: users.contactDays })
    .from(leads)
    .innerJoin(users, eq(users.id, leads.userId))
    .where(and(eq(leads.id, leadId), eq(leads.userId, userId)));
  if (!found) return null;
  const { lead, contactDays } = found;
  const rows = await db
    .select({
      ...timelineTouchColumns,
      materialId: materials.id,
      materialTitle: materials.title,
      materialUrl: materials.url,
    })
    .from(touches)
    .leftJoin(materials, and(eq(materials.id, touches.materialId), eq(materials.userId, userId)))
    .where(and(eq(touches.leadId, leadId), eq(touches.userId, userId)))
    .orderBy(desc(touches.at), desc(touches.createdAt));
  return {
    lead,
    contactDays,
    touches: rows.map(({ materialId, materialTitle, materialUrl, ...touch }) => ({
      ...touch,
      material: materialId ? { id: materialId, title: materialTitle ?? "", url: materialUrl ?? "" } : null,
    })),
  };
}

/** Id and name of each of the given leads, in list order; null unless every one is the seeker's. */
export async function getLeadsByIds(
  db: Db,
  { userId, leadIds }: { userId: string; leadIds: readonly string[] },
): Promise<{ id: string; company: string; contactName: string }[] | null> {
  const unique = [...new Set(leadIds)];
  if (unique.length === 0 || !unique.every(isUuid)) return null;
  const rows = await db
    .select({ id: leads.id, company: leads.company, contactName: leads.contactName })
    .from(leads)
    .where(ownLeads(userId, unique))
    .orderBy(...listOrder);
  return rows.length === unique.length ? rows : null;
}

/** Thrown by createLead when the account already holds the most leads allowed. */
export class LeadLimitReached extends Error {
  constructor(readonly maxLeads: number) {
    super(`At most ${maxLeads} leads per account`);
  }
}

/** Adds the lead at the end of the list and plans its first contact (LeadLimitReached at the cap). */
export async function createLead(
  db: Db,
  { userId, lead, now, limits = DEFAULT_LEAD_LIMITS }: { userId: string; lead: LeadInput; now: Date; limits?: LeadLimits },
): Promise<{ id: string }> {
  return inTransaction(db, async (tx) => {
    await lockSeeker(tx, userId);
    if ((await countLeads(tx, { userId })) >= limits.maxLeads) throw new LeadLimitReached(limits.maxLeads);
    const position = await nextLeadPosition(tx, { userId });
    const rows = await tx.insert(leads).values({ userId, ...lead, position }).returning({ id: leads.id });
    await replanCampaign(tx, { userId, now });
    return rows[0]!;
  });
}

export async function updateLead(
  db: Db,
  { userId, leadId, lead }: { userId: string; leadId: string; lead: LeadInput },
): Promise<boolean> {
  if (!isUuid(leadId)) return false;
  return inTransaction(db, async (tx) => {
    // The seeker's row first, as every write to their leads takes it (transaction.ts).
    await lockSeeker(tx, userId);
    const rows = await tx
      .update(leads)
      .set({ ...lead, updatedAt: sql`now()` })
      .where(and(eq(leads.id, leadId), eq(leads.userId, userId)))
      .returning({ id: leads.id });
    return rows.length > 0;
  });
}

/**
 * Snoozes the leads until `until` (a day after today, checked by the caller), and re-plans: a
 * paused lead never contacted gives up its campaign day until it returns.
 */
export async function pauseLeads(
  db: Db,
  { userId, leadIds, until, now }: { userId: string; leadIds: readonly string[]; until: CalendarDate; now: Date },
): Promise<boolean> {
  return changeOwnedLeads(db, { userId, leadIds, now, replan: true }, async (tx, ids) => {
    await tx.update(leads).set({ pausedUntil: until, coldSince: null, updatedAt: sql`now()` }).where(ownLeads(userId, ids));
  });
}

/** Ends the pause now, and re-plans: a lead never contacted takes a campaign day again. */
export async function resumeLead(db: Db, { userId, leadId, now }: { userId: string; leadId: string; now: Date }): Promise<boolean> {
  return changeOwnedLeads(db, { userId, leadIds: [leadId], now, replan: true }, async (tx, ids) => {
    await tx.update(leads).set({ pausedUntil: null, updatedAt: sql`now()` }).where(ownLeads(userId, ids));
  });
}

/** Closes the leads as won or dropped; a closed lead leaves the campaign plan. */
export async function closeLeads(
  db: Db,
  {
    userId,
    leadIds,
    closedAs,
    reason,
    now,
  }: { userId: string; leadIds: readonly string[]; closedAs: ClosedAs; reason: string; now: Date },
): Promise<boolean> {
  return changeOwnedLeads(db, { userId, leadIds, now, replan: true }, async (tx, ids) => {
    await tx
      .update(leads)
      .set({ closedAt: now, closedAs, closedReason: reason, pausedUntil: null, coldSince: null, updatedAt: sql`now()` })
      .where(ownLeads(userId, ids));
  });
}

export async function reopenLead(db: Db, { userId, leadId, now }: { userId: string; leadId: string; now: Date }): Promise<boolean> {
  return changeOwnedLeads(db, { userId, leadIds: [leadId], now, replan: true }, async (tx, ids) => {
    await tx
      .update(leads)
      .set({ closedAt: null, closedAs: null, closedReason: "", updatedAt: sql`now()` })
      .where(ownLeads(userId, ids));
  });
}

/** Deletes the leads and, by the foreign key's cascade, their touches; nothing else. */
export async function deleteLeads(
  db: Db,
  { userId, leadIds, now }: { userId: string; leadIds: readonly string[]; now: Date },
): Promise<boolean> {
  return changeOwnedLeads(db, { userId, leadIds, now, replan: true }, async (tx, ids) => {
    await tx.delete(leads).where(ownLeads(userId, ids));
  });
}

/** The bulk changes for "Select all N matching": the filter is read again inside the transaction. */
export async function pauseMatchingLeads(
  db: Db,
  { userId, selection, until, now }: { userId: string; selection: LeadSelection; until: CalendarDate; now: Date },
): Promise<number | null> {
  return changeSelectedLeads(db, { userId, selection, now, replan: true }, async (tx, ids) => {
    await tx.update(leads).set({ pausedUntil: until, coldSince: null, updatedAt: sql`now()` }).where(ownLeads(userId, ids));
  });
}

export async function dropMatchingLeads(
  db: Db,
  { userId, selection, reason, now }: { userId: string; selection: LeadSelection; reason: string; now: Date },
): Promise<number | null> {
  return changeSelectedLeads(db, { userId, selection, now, replan: true }, async (tx, ids) => {
    await tx
      .update(leads)
      .set({ closedAt: now, closedAs: "dropped", closedReason: reason, pausedUntil: null, coldSince: null, updatedAt: sql`now()` })
      .where(ownLeads(userId, ids));
  });
}

export async function deleteMatchingLeads(
  db: Db,
  { userId, selection, now }: { userId: string; selection: LeadSelection; now: Date },
): Promise<number | null> {
  return changeSelectedLeads(db, { userId, selection, now, replan: true }, async (tx, ids) => {
    await tx.delete(leads).where(ownLeads(userId, ids));
  });
}

/** Writes positions 0..n-1 in the given order, in one statement (the ids as one array parameter). */
async function renumber(tx: Db, userId: string, orderedIds: readonly string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  // Every id was read from the table just before: uuids, safe in an array literal.
  const array = `{${orderedIds.join(",")}}`;
  await tx.execute(sql`
    update ${leads} set position = ordered.n - 1, updated_at = now()
    from unnest(${array}::uuid[]) with ordinality as ordered(id, n)
    where ${leads.id} = ordered.id and ${leads.userId} = ${userId} and ${leads.position} is distinct from ordered.n - 1`);
}

/**
 * Moves the lead to `position` (1-based) in the campaign order, the others shifting to make room
 * (past the end: last), and re-plans, in one transaction. False when the lead is not the seeker's.
 */
export async function moveLeadToPosition(
  db: Db,
  { userId, leadId, position, now }: { userId: string; leadId: string; position: number; now: Date },
): Promise<boolean> {
  return changeOwnedLeads(db, { userId, leadIds: [leadId], now, replan: true }, async (tx) => {
    const rows = await tx.select({ id: leads.id }).from(leads).where(eq(leads.userId, userId)).orderBy(...listOrder);
    const order = rows.map((row) => row.id).filter((id) => id !== leadId);
    const to = Math.min(Math.max(Math.trunc(position), 1), order.length + 1) - 1;
    order.splice(to, 0, leadId);
    await renumber(tx, userId, order);
  });
}

/**
 * "They said call back on …": sets (or, with null, clears) the lead's next due by hand. It
 * holds until the next touch logged after `now`. Re-plans in the same transaction: a hand-dated
 * lead never contacted takes no campaign day until its date.
 */
export async function setNextDueOverride(
  db: Db,
  { userId, leadId, date, now }: { userId: string; leadId: string; date: CalendarDate | null; now: Date },
): Promise<boolean> {
  return changeOwnedLeads(db, { userId, leadIds: [leadId], now, replan: true }, async (tx, ids) => {
    await tx
      .update(leads)
      .set({ nextDueOverride: date, nextDueOverrideSetAt: date ? now : null, updatedAt: sql`now()` })
      .where(ownLeads(userId, ids));
  });
}

export async function listLeadIdentities(db: Db, { userId }: { userId: string }): Promise<LeadIdentity[]> {
  return db
    .select({ company: leads.company, contactName: leads.contactName, email: leads.email })
    .from(leads)
    .where(eq(leads.userId, userId));
}

/** Appends leads at the end of the list, in order, in one statement (no re-plan). */
export async function insertLeadsAtEnd(
  tx: Db,
  { userId, rows }: { userId: string; rows: readonly (LeadImportValues & { id?: string })[] },
): Promise<void> {
  if (rows.length === 0) return;
  const start = await nextLeadPosition(tx, { userId });
  await tx.insert(leads).values(rows.map((lead, index) => ({ ...lead, userId, position: start + index })));
}

export type ImportRefusal =
  /** The list would pass the most leads allowed: `room` more fit. */
  | { refused: "limit"; room: number; wanted: number }
  /** As many imports in the last hour as allowed: the next is possible at `retryAt`. */
  | { refused: "rate"; retryAt: Date };

/** Imports in the window before `now`, and when the oldest of them leaves it. */
async function recentImports(tx: Db, { userId, now }: { userId: string; now: Date }): Promise<{ count: number; oldest: Date | null }> {
  const since = new Date(now.getTime() - IMPORT_WINDOW_MS);
  const rows = await tx
    .select({ count: count(), oldest: sql<string | null>`min(${leadImports.at})` })
    .from(leadImports)
    .where(and(eq(leadImports.userId, userId), gt(leadImports.at, since)));
  const oldest = rows[0]?.oldest;
  return { count: Number(rows[0]?.count ?? 0), oldest: oldest ? new Date(oldest) : null };
}

/** Whether an import may start now, before the file is read: the hourly limit and the room left. */
export async function importAllowance(
  db: Db,
  { userId, now, limits = DEFAULT_LEAD_LIMITS }: { userId: string; now: Date; limits?: LeadLimits },
): Promise<{ ok: true; room: number } | ImportRefusal> {
  const recent = await recentImports(db, { userId, now });
  if (recent.count >= limits.importsPerHour) return { refused: "rate", retryAt: new Date(recent.oldest!.getTime() + IMPORT_WINDOW_MS) };
  return { ok: true, room: Math.max(0, limits.maxLeads - (await countLeads(db, { userId }))) };
}

/**
 * Imports checked rows in one transaction: all or none. Duplicates of the list (checked again
 * here, under the seeker's lock) are skipped unless `includeDuplicates`. Then re-plans. Refused,
 * writing nothing, past `limits.importsPerHour` imports in the hour or when the list would pass
 * `limits.maxLeads` leads; an import is counted only when it writes.
 */
export async function importLeads(
  db: Db,
  {
    userId,
    candidates,
    includeDuplicates,
    now,
    limits = DEFAULT_LEAD_LIMITS,
  }: { userId: string; candidates: readonly ImportCandidate[]; includeDuplicates: boolean; now: Date; limits?: LeadLimits },
): Promise<{ imported: number; skipped: number } | ImportRefusal> {
  return inTransaction(db, async (tx) => {
    await lockSeeker(tx, userId);
    const recent = await recentImports(tx, { userId, now });
    if (recent.count >= limits.importsPerHour) return { refused: "rate" as const, retryAt: new Date(recent.oldest!.getTime() + IMPORT_WINDOW_MS) };
    const existing = await listLeadIdentities(tx, { userId });
    const rows = leadsToImport({ candidates, existing, includeDuplicates });
    const room = Math.max(0, limits.maxLeads - existing.length);
    if (rows.length > room) return { refused: "limit" as const, room, wanted: rows.length };
    await insertLeadsAtEnd(tx, { userId, rows });
    await replanCampaign(tx, { userId, now });
    // Forget imports past the window, then count this one.
    await tx.delete(leadImports).where(and(eq(leadImports.userId, userId), lt(leadImports.at, new Date(now.getTime() - IMPORT_WINDOW_MS))));
    await tx.insert(leadImports).values({ userId, at: now, imported: rows.length });
    return { imported: rows.length, skipped: candidates.length - rows.length };
  });
}

export type LeadExportRecord = LeadImportValues & {
  pausedUntil: CalendarDate | null;
  closedAs: ClosedAs | null;
  closedReason: string;
};

export async function listLeadsForExport(db: Db, { userId }: { userId: string }): Promise<LeadExportRecord[]> {
  return db
    .select({
      ...detailColumns,
      cadenceDays: leads.cadenceDays,
      pausedUntil: leads.pausedUntil,
      closedAs: leads.closedAs,
      closedReason: leads.closedReason,
    })
    .from(leads)
    .where(eq(leads.userId, userId))
    .orderBy(...listOrder);
}

export type TouchLogRecord = {
  at: Date;
  company: string;
  contactName: string;
  channel: Channel;
  direction: Direction;
  outcome: Outcome | null;
  note: string;
  materialTitle: string | null;
};

/** Every touch of the seeker, oldest first, with its lead and material. One query. */
export async function listTouchLogForExport(db: Db, { userId }: { userId: string }): Promise<TouchLogRecord[]> {
  return db
    .select({
      at: touches.at,
      company: leads.company,
      contactName: leads.contactName,
      channel: touches.channel,
      direction: touches.direction,
      outcome: touches.outcome,
      note: touches.note,
      materialTitle: materials.title,
    })
    .from(touches)
    .innerJoin(leads, and(eq(leads.id, touches.leadId), eq(leads.userId, userId)))
    .leftJoin(materials, and(eq(materials.id, touches.materialId), eq(materials.userId, userId)))
    .where(eq(touches.userId, userId))
    .orderBy(asc(touches.at), asc(touches.createdAt));
}
