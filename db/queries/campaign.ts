import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { replanFirstContacts, todayIn, type CampaignSettings } from "@/lib/domain";
import type { Db } from "../client";
import { leads, touches, users } from "../schema";
import { inTransaction } from "../transaction";

export type SeekerSettings = {
  timeZone: string;
  campaignStartDate: string | null;
  firstContactsPerWeek: number;
  contactDays: number[];
};

/** The columns of the seeker's settings (getSeekerSettings, and Today's first statement). */
export const seekerSettingsColumns = {
  timeZone: users.timeZone,
  campaignStartDate: users.campaignStartDate,
  firstContactsPerWeek: users.firstContactsPerWeek,
  contactDays: users.contactDays,
};

export async function getSeekerSettings(db: Db, { userId }: { userId: string }): Promise<SeekerSettings | null> {
  const rows = await db
    .select(seekerSettingsColumns)
    .from(users)
    .where(eq(users.id, userId));
  return rows[0] ?? null;
}

export function campaignSettingsOf(settings: SeekerSettings): CampaignSettings | null {
  if (!settings.campaignStartDate) return null;
  return {
    startDate: settings.campaignStartDate,
    firstContactsPerWeek: settings.firstContactsPerWeek,
    contactDays: settings.contactDays,
  };
}

/**
 * Re-plans the first contacts of the seeker's leads never contacted, by `replanFirstContacts`
 * (lib/domain/campaign.ts): a planned day that is past or today stands (a missed first contact stays
 * in the day's work as overdue); only days still to come move, in list order; a paused or
 * hand-dated lead takes no day until it returns, then keeps its return day. Call it, in the same
 * transaction, after any change to the list (add, remove, reorder, import, close, reopen, pause,
 * resume, a date set by hand, a first touch logged, edited or deleted) or to the campaign settings.
 * Contacted leads keep the day they were planned for. Three statements whatever the number of leads.
 */
export async function replanCampaign(db: Db, { userId, now }: { userId: string; now: Date }): Promise<void> {
  const settings = await getSeekerSettings(db, { userId });
  if (!settings) return;
  const campaign = campaignSettingsOf(settings);

  // A first contact's day is its stored local date, as every day-based rule reads it.
  const firstTouches = db
    .select({ leadId: touches.leadId, firstDay: sql<string>`min(${touches.localDate})::text`.as("first_day") })
    .from(touches)
    .where(eq(touches.userId, userId))
    .groupBy(touches.leadId)
    .as("first_touches");
  const rows = await db
    .select({
      id: leads.id,
      closedAt: leads.closedAt,
      firstDay: firstTouches.firstDay,
      planned: leads.plannedFirstContact,
      pausedUntil: leads.pausedUntil,
      nextDueOverride: leads.nextDueOverride,
    })
    .from(leads)
    .leftJoin(firstTouches, eq(firstTouches.leadId, leads.id))
    .where(eq(leads.userId, userId))
    .orderBy(asc(leads.position), asc(leads.createdAt), asc(leads.id));

  const today = todayIn(now, settings.timeZone);
  const plan = campaign
    ? replanFirstContacts({
        settings: campaign,
        // A closed lead is out of the campaign: it takes no day.
        leads: rows
          .filter((row) => row.closedAt === null)
          .map((row) => ({
            id: row.id,
            firstContactOn: row.firstDay ?? null,
            plannedFirstContact: row.planned,
            heldUntil: heldUntil(row),
          })),
        today,
      })
    : new Map<string, string | null>();

  // A contacted lead keeps the day it was planned for: the day's work knows it was that day's first contact.
  const assignments = rows.map((row) => ({ id: row.id, planned: row.firstDay !== null ? row.planned : (plan.get(row.id) ?? null) }));
  if (assignments.length === 0) return;
  const values = sql.join(
    assignments.map((a) => sql`(${a.id}::uuid, ${a.planned}::date)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${leads} set planned_first_contact = plan.planned
    from (values ${values}) as plan(id, planned)
    where ${leads.id} = plan.id and ${leads.userId} = ${userId}
      and ${leads.plannedFirstContact} is distinct from plan.planned`);
}

/**
 * The day a lead never contacted is held to: the end of its pause (kept once over: its return day)
 * or a date set by hand, the later of the two when both are set, since it is back only when both
 * have passed. Null when neither applies. (For a contacted lead it is never read.)
 */
function heldUntil({ pausedUntil, nextDueOverride }: { pausedUntil: string | null; nextDueOverride: string | null }): string | null {
  if (pausedUntil === null) return nextDueOverride;
  if (nextDueOverride === null) return pausedUntil;
  return pausedUntil > nextDueOverride ? pausedUntil : nextDueOverride;
}

export async function updateCampaignSettings(
  db: Db,
  {
    userId,
    now,
    settings,
  }: {
    userId: string;
    now: Date;
    settings: Pick<SeekerSettings, "campaignStartDate" | "firstContactsPerWeek" | "contactDays">;
  },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.update(users).set({ ...settings, updatedAt: sql`now()` }).where(eq(users.id, userId));
    await replanCampaign(tx, { userId, now });
  });
}

/** The next position at the end of the seeker's list. */
export async function nextLeadPosition(db: Db, { userId }: { userId: string }): Promise<number> {
  const rows = await db
    .select({ max: sql<number | null>`max(${leads.position})` })
    .from(leads)
    .where(and(eq(leads.userId, userId)));
  return (rows[0]?.max ?? -1) + 1;
}
