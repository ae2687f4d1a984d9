import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, like, sql } from "drizzle-orm";
import { dateOf, startOfWeek, todayIn } from "@/lib/domain";
import { SAMPLE_EMAIL_DOMAIN, SAMPLE_MATERIALS, SAMPLE_URL_PREFIX, sampleHistory, sampleLeads } from "@/lib/leads/sample";
import type { Db } from "../client";
import { leads, materials, touches } from "../schema";
import { getSeekerSettings, replanCampaign, updateCampaignSettings } from "./campaign";
import { inTransaction, lockSeeker } from "../transaction";
import { insertLeadsAtEnd } from "./leads";

const isSampleLead = sql`lower(${leads.email}) like ${`%@${SAMPLE_EMAIL_DOMAIN}`}`;

export type SampleDataStatus = {
  leadCount: number;
  /** Sample leads among them: while there is one, "Clear sample data" removes them (and only them). */
  sampleCount: number;
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
  return { leadCount, sampleCount };
}

/**
 * Fills an empty list with a sample campaign: 50 leads, a few materials and three weeks of touches
 * written backwards from `now` in the seeker's zone and contact days (sampleHistory: every state of
 * a lead shows), and, when the seeker has no campaign yet, a campaign starting this week's Monday.
 * One transaction; false (nothing written) when the seeker already has leads.
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

    const history = sampleHistory({ now, timeZone: settings.timeZone, contactDays: settings.contactDays });
    const leadRows = sampleLeads().map((lead, index) => {
      const state = history.states.find((entry) => entry.lead === index);
      return {
        ...lead,
        id: randomUUID(),
        pausedUntil: state?.pausedUntil ?? null,
        closedAt: state?.closed?.at ?? null,
        closedAs: state?.closed?.as ?? null,
        closedReason: state?.closed?.reason ?? "",
      };
    });
    await insertLeadsAtEnd(tx, { userId, rows: leadRows });
    const materialRows = SAMPLE_MATERIALS.map((material) => ({ ...material, id: randomUUID(), userId }));
    await tx.insert(materials).values(materialRows);
    const touchRows = history.touches.map(({ lead, material, ...touch }) => ({
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
 * Removes the sample, whatever else the seeker added or imported since: the sample leads (their
 * touches go with them) and the sample materials no touch of the seeker's own leads used. The
 * seeker's own leads, touches and materials stay; the campaign settings too. The number of sample
 * leads removed (0: there were none, nothing changed).
 */
export async function clearSampleData(db: Db, { userId, now }: { userId: string; now: Date }): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockSeeker(tx, userId);
    const removed = await tx.delete(leads).where(and(eq(leads.userId, userId), isSampleLead)).returning({ id: leads.id });
    if (removed.length === 0) return 0;
    await tx
      .delete(materials)
      .where(
        and(
          eq(materials.userId, userId),
          like(materials.url, `${SAMPLE_URL_PREFIX}%`),
          sql`not exists (select 1 from ${touches} where ${touches.userId} = ${userId} and ${touches.materialId} = ${materials.id})`,
        ),
      );
    await replanCampaign(tx, { userId, now });
    return removed.length;
  });
}
