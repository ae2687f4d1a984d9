import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { isUuid } from "@/lib/ids";
import type { Db } from "../client";
import { inTransaction, lockSeeker } from "../transaction";
import { leads, materials, touches } from "../schema";

export type MaterialInput = { title: string; url: string; topic: string };
export type Material = MaterialInput & { id: string };

const materialColumns = { id: materials.id, title: materials.title, url: materials.url, topic: materials.topic };

/** Materials in library order (topic, then title). */
const libraryOrder = [asc(materials.topic), asc(sql`lower(${materials.title})`), asc(materials.id)];

/**
 * The seeker's materials, each with a flag telling whether `leadId` already got it (a touch of
 * that lead carried it), so a log form can suggest what the lead has not had. One query.
 * The lead must be the seeker's: a touch is counted only when it is the seeker's own.
 */
export async function listMaterialsForLead(
  db: Db,
  { userId, leadId }: { userId: string; leadId: string },
): Promise<(Material & { alreadySent: boolean })[]> {
  // Not a lead id: no touch can match, every material is unsent.
  const sentToLead = db
    .selectDistinct({ materialId: touches.materialId })
    .from(touches)
    .where(and(eq(touches.userId, userId), isUuid(leadId) ? eq(touches.leadId, leadId) : sql`false`))
    .as("sent_to_lead");
  return db
    .select({ ...materialColumns, alreadySent: sql<boolean>`${sentToLead.materialId} is not null` })
    .from(materials)
    .leftJoin(sentToLead, eq(sentToLead.materialId, materials.id))
    .where(eq(materials.userId, userId))
    .orderBy(...libraryOrder);
}

export type MaterialRecipient = { leadId: string; company: string; contactName: string; sentAt: Date };

/**
 * The library with, for each material, the leads that got it (first time each lead got it,
 * oldest first). Two queries whatever the size of the library.
 */
export async function listMaterialsWithRecipients(
  db: Db,
  { userId }: { userId: string },
): Promise<(Material & { recipients: MaterialRecipient[] })[]> {
  const library = await db.select(materialColumns).from(materials).where(eq(materials.userId, userId)).orderBy(...libraryOrder);
  const sent = await db
    .select({
      materialId: touches.materialId,
      leadId: leads.id,
      company: leads.company,
      contactName: leads.contactName,
      sentAt: sql<Date>`min(${touches.at})`.mapWith((value) => new Date(value)),
    })
    .from(touches)
    .innerJoin(leads, and(eq(leads.id, touches.leadId), eq(leads.userId, userId)))
    .where(and(eq(touches.userId, userId), sql`${touches.materialId} is not null`))
    .groupBy(touches.materialId, leads.id, leads.company, leads.contactName)
    .orderBy(sql`min(${touches.at})`);

  const byMaterial = new Map<string, MaterialRecipient[]>();
  for (const { materialId, ...recipient } of sent) {
    if (!materialId) continue;
    const list = byMaterial.get(materialId) ?? [];
    list.push(recipient);
    byMaterial.set(materialId, list);
  }
  return library.map((material) => ({ ...material, recipients: byMaterial.get(material.id) ?? [] }));
}

export async function getMaterial(
  db: Db,
  { userId, materialId }: { userId: string; materialId: string },
): Promise<Material | null> {
  if (!isUuid(materialId)) return null;
  const rows = await db
    .select(materialColumns)
    .from(materials)
    .where(and(eq(materials.id, materialId), eq(materials.userId, userId)));
  return rows[0] ?? null;
}

export async function createMaterial(
  db: Db,
  { userId, material }: { userId: string; material: MaterialInput },
): Promise<Material> {
  const rows = await db
    .insert(materials)
    .values({ userId, ...material })
    .returning(materialColumns);
  return rows[0]!;
}

/** False when the material is not the seeker's (or does not exist): nothing changes. */
export async function updateMaterial(
  db: Db,
  { userId, materialId, material }: { userId: string; materialId: string; material: MaterialInput },
): Promise<boolean> {
  if (!isUuid(materialId)) return false;
  const rows = await db
    .update(materials)
    .set(material)
    .where(and(eq(materials.id, materialId), eq(materials.userId, userId)))
    .returning({ id: materials.id });
  return rows.length > 0;
}

/** Touches that carried it keep their history but lose the link (FK "set null"). */
export async function deleteMaterial(
  db: Db,
  { userId, materialId }: { userId: string; materialId: string },
): Promise<boolean> {
  if (!isUuid(materialId)) return false;
  return inTransaction(db, async (tx) => {
    // The touches it leaves are written (and client_facts with them, under the seeker's row lock):
    // the seeker's row first, as every write to their touches takes it (transaction.ts).
    await lockSeeker(tx, userId);
    const rows = await tx
      .delete(materials)
      .where(and(eq(materials.id, materialId), eq(materials.userId, userId)))
      .returning({ id: materials.id });
    return rows.length > 0;
  });
}
