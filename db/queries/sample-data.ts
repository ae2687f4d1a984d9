import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, like, sql } from "drizzle-orm";
import { dateOf, startOfWeek, todayIn } from "@/lib/domain";
import { SAMPLE_EMAIL_DOMAIN, SAMPLE_MATERIALS, SAMPLE_URL_PREFIX, sampleLeads, sampleTouches } from "@/lib/leads/sample";
import type { Db } from "../client";
import { leads, materials, touches } from "../schema";
import { getSeekerSettings, replanCampaign, updateCampaignSettings } from "./campaign";
import { inTransaction, lockSeeker } from "../transaction";
import { insertLeadsAtEnd } from "./leads";

const isSampleLead = sql`lower(${leads.email}) like ${`%@${SAMPLE_EMAIL_DOMAIN}`}`;

export type SampleDataStatus = {
  leadCount: number;
  /** Every lead is a sample lead (and there is at least one): clearing removes them all. */
  onlySampleLeads: boolean;
};

export async function getSampleDataStatus(db: Db, { userId }: { userId: string }): Promise<SampleDataStatus> {
  const rows = await db
    .select({
      leadCount: sql<number>`count(*)::int`,
      sampleCount: sql<number>`count(*) filter (where ${isSampleLead})::int`,
    })
    .from(leads)
    .where(eq(leads.userId, userId));
  const { leadCount = 0, sampleCount = 0 } = rows[0] ?? {};
  return { leadCount, onlySampleLeads: leadCount > 0 && sampleCount === leadCount };
}

/**
 * Fills an empty list with a sample campaign: 50 leads, a few materials and two weeks of touches,
 * and, when the seeker has no campaign yet, a campaign starting this week's Monday. One transaction;
 * false (nothing written) when the seeker already has leads.
 */
export async function loadSampleData(db: Db, { userId, now }: { userId: string; now: Date }): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    await lockSeeker(tx, userId);
    if ((await getSampleDataStatus(tx, { userId })).leadCount > 0) return false;
    const settings = await getSeekerSettings(tx, { userId });
    if (!settings) return false;
    const today = todayIn(now, settings.timeZone);
    if (!settings.campaignStartDate) {
      await updateCampaignSettings(tx, { userId, now, settings: { ...settings, campaignStartDate: startOfWeek(today) } });
    }

    const leadRows = sampleLeads().map((lead) => ({ ...lead, id: randomUUID() }));
    await insertLeadsAtEnd(tx, { userId, rows: leadRows });
    const materialRows = SAMPLE_MATERIALS.map((material) => ({ ...material, id: randomUUID(), userId }));
    await tx.insert(materials).values(materialRows);
    const touchRows = sampleTouches({ today, timeZone: settings.timeZone }).map(({ lead, material, ...touch }) => ({
      ...touch,
      userId,
      leadId: leadRows[lead]!.id,
      materialId: material === null ? null : materialRows[material]!.id,
      localDate: dateOf(touch.at, settings.timeZone),
    }));
    if (touchRows.length > 0) await tx.insert(touches).values(touchRows);
    await replanCampaign(tx, { userId, now });
    return true;
  });
}

/**
 * Removes the sample: its leads (their touches go with them) and its materials. Only while every
 * lead is a sample lead, so none of the seeker's own work can go; false (nothing removed) otherwise.
 * The campaign settings stay as they are.
 */
export async function clearSampleData(db: Db, { userId, now }: { userId: string; now: Date }): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    await lockSeeker(tx, userId);
    if (!(await getSampleDataStatus(tx, { userId })).onlySampleLeads) return false;
    await tx.delete(leads).where(and(eq(leads.userId, userId), isSampleLead));
    await tx.delete(materials).where(and(eq(materials.userId, userId), like(materials.url, `${SAMPLE_URL_PREFIX}%`)));
    await replanCampaign(tx, { userId, now });
    return true;
  });
}
