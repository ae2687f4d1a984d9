import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { leadsToImport, type ImportCandidate, type LeadIdentity } from "@/lib/csv/import-leads";
import type { CalendarDate, Channel, ClosedAs, Direction, Outcome } from "@/lib/domain";
import { isUuid } from "@/lib/ids";
import type { LeadImportValues, LeadInput } from "@/lib/leads/schemas";
import type { Db } from "../client";
import { leads, materials, touches } from "../schema";
import { inTransaction, lockSeeker } from "../transaction";
import { nextLeadPosition, replanCampaign } from "./campaign";
import { timelineTouchColumns } from "./touches";
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

/**
 * Runs a change to some of the seeker's leads in one transaction, re-planning the campaign
 * after it when the list changed. False, with nothing changed, unless every id is theirs.
 */
async function changeOwnedLeads(
  db: Db,
  { userId, leadIds, now, replan }: { userId: string; leadIds: readonly string[]; now: Date; replan: boolean },
  change: (tx: Db, ids: string[]) => Promise<void>,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    await lockSeeker(tx, userId);
    if (!(await ownsAll(tx, userId, leadIds))) return false;
    await change(tx, [...new Set(leadIds)]);
    if (replan) await replanCampaign(tx, { userId, now });
    return true;
  });
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
  channel: Channel;
  direction: Direction;
  outcome: Outcome | null;
  note: string;
  tooSoon: boolean;
  material: { id: string; title: string; url: string } | null;
};

/** A lead with its whole touch timeline, newest first, and the material each touch carried. Two queries. */
export async function getLeadDetail(
  db: Db,
  { userId, leadId }: { userId: string; leadId: string },
): Promise<{ lead: LeadRecord; touches: TimelineTouch[] } | null> {
  const lead = await getLead(db, { userId, leadId });
  if (!lead) return null;
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

/** Adds the lead at the end of the list and plans its first contact. */
export async function createLead(
  db: Db,
  { userId, lead, now }: { userId: string; lead: LeadInput; now: Date },
): Promise<{ id: string }> {
  return inTransaction(db, async (tx) => {
    await lockSeeker(tx, userId);
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
  const rows = await db
    .update(leads)
    .set({ ...lead, updatedAt: sql`now()` })
    .where(and(eq(leads.id, leadId), eq(leads.userId, userId)))
    .returning({ id: leads.id });
  return rows.length > 0;
}

/** Snoozes the leads until `until` (a day after today, checked by the caller). */
export async function pauseLeads(
  db: Db,
  { userId, leadIds, until, now }: { userId: string; leadIds: readonly string[]; until: CalendarDate; now: Date },
): Promise<boolean> {
  return changeOwnedLeads(db, { userId, leadIds, now, replan: false }, async (tx, ids) => {
    await tx.update(leads).set({ pausedUntil: until, coldSince: null, updatedAt: sql`now()` }).where(ownLeads(userId, ids));
  });
}

export async function resumeLead(db: Db, { userId, leadId, now }: { userId: string; leadId: string; now: Date }): Promise<boolean> {
  return changeOwnedLeads(db, { userId, leadIds: [leadId], now, replan: false }, async (tx, ids) => {
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

/** Writes positions 0..n-1 in the given order, in one statement. */
async function renumber(tx: Db, userId: string, orderedIds: readonly string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  const values = sql.join(
    orderedIds.map((id, position) => sql`(${id}::uuid, ${position}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    update ${leads} set position = ordered.position, updated_at = now()
    from (values ${values}) as ordered(id, position)
    where ${leads.id} = ordered.id and ${leads.userId} = ${userId} and ${leads.position} is distinct from ordered.position`);
}

/**
 * Swaps the lead with its neighbour above or below in the campaign order (at an end, nothing
 * moves) and re-plans. False when the lead is not the seeker's.
 */
export async function moveLead(
  db: Db,
  { userId, leadId, direction, now }: { userId: string; leadId: string; direction: "up" | "down"; now: Date },
): Promise<boolean> {
  return changeOwnedLeads(db, { userId, leadIds: [leadId], now, replan: true }, async (tx) => {
    const rows = await tx.select({ id: leads.id }).from(leads).where(eq(leads.userId, userId)).orderBy(...listOrder);
    const order = rows.map((row) => row.id);
    const from = order.indexOf(leadId);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    await renumber(tx, userId, order);
  });
}

/**
 * "They said call back on …": sets (or, with null, clears) the lead's next due by hand. It
 * holds until the next touch logged after `now`.
 */
export async function setNextDueOverride(
  db: Db,
  { userId, leadId, date, now }: { userId: string; leadId: string; date: CalendarDate | null; now: Date },
): Promise<boolean> {
  if (!isUuid(leadId)) return false;
  const rows = await db
    .update(leads)
    .set({ nextDueOverride: date, nextDueOverrideSetAt: date ? now : null, updatedAt: sql`now()` })
    .where(and(eq(leads.id, leadId), eq(leads.userId, userId)))
    .returning({ id: leads.id });
  return rows.length > 0;
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

/**
 * Imports checked rows in one transaction: all or none. Duplicates of the list (checked again
 * here, under the seeker's lock) are skipped unless `includeDuplicates`. Then re-plans.
 */
export async function importLeads(
  db: Db,
  {
    userId,
    candidates,
    includeDuplicates,
    now,
  }: { userId: string; candidates: readonly ImportCandidate[]; includeDuplicates: boolean; now: Date },
): Promise<{ imported: number; skipped: number }> {
  return inTransaction(db, async (tx) => {
    await lockSeeker(tx, userId);
    const existing = await listLeadIdentities(tx, { userId });
    const rows = leadsToImport({ candidates, existing, includeDuplicates });
    await insertLeadsAtEnd(tx, { userId, rows });
    await replanCampaign(tx, { userId, now });
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
