import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { planFirstContacts, todayIn, type CampaignSettings } from "@/lib/domain";
import type { Db } from "../client";
import { leads, touches, users } from "../schema";
import { inTransaction } from "../transaction";

export type SeekerSettings = {
  timeZone: string;
  campaignStartDate: string | null;
  firstContactsPerWeek: number;
  contactDays: number[];
};

export async function getSeekerSettings(db: Db, { userId }: { userId: string }): Promise<SeekerSettings | null> {
  const rows = await db
    .select({
      timeZone: users.timeZone,
      campaignStartDate: users.campaignStartDate,
      firstContactsPerWeek: users.firstContactsPerWeek,
      contactDays: users.contactDays,
    })
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
 * Gives every open lead never contacted its planned first-contact day, in list order, from the
 * later of the campaign start and today. Call it, in the same transaction, after any change to
 * the list (add, remove, reorder, import, close, reopen) or to the campaign settings.
 * Contacted leads keep their history and get no plan. Three statements whatever the number of leads.
 */
export async function replanCampaign(db: Db, { userId, now }: { userId: string; now: Date }): Promise<void> {
  const settings = await getSeekerSettings(db, { userId });
  if (!settings) return;
  const campaign = campaignSettingsOf(settings);

  const firstTouches = db
    .select({ leadId: touches.leadId, firstAt: sql<Date>`min(${touches.at})`.as("first_at") })
    .from(touches)
    .where(eq(touches.userId, userId))
    .groupBy(touches.leadId)
    .as("first_touches");
  const rows = await db
    .select({ id: leads.id, closedAt: leads.closedAt, firstAt: firstTouches.firstAt, planned: leads.plannedFirstContact })
    .from(leads)
    .leftJoin(firstTouches, eq(firstTouches.leadId, leads.id))
    .where(eq(leads.userId, userId))
    .orderBy(asc(leads.position), asc(leads.createdAt));

  const today = todayIn(now, settings.timeZone);
  const plan = campaign
    ? planFirstContacts({
        settings: campaign,
        // A closed lead is out of the campaign: it takes no day.
        leads: rows
          .filter((row) => row.closedAt === null)
          .map((row) => ({
            id: row.id,
            contacted: row.firstAt !== null,
            firstContactOn: row.firstAt ? todayIn(new Date(row.firstAt), settings.timeZone) : null,
          })),
        today,
      })
    : new Map<string, string>();

  // A contacted lead keeps the day it was planned for: the day's work knows it was that day's first contact.
  const assignments = rows.map((row) => ({ id: row.id, planned: row.firstAt !== null ? row.planned : (plan.get(row.id) ?? null) }));
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
