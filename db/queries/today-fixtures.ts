// Test set-up shared by the Today, touch and campaign query tests: plain inserts, no rules.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Channel, Direction } from "@/lib/domain";
import type { Db } from "../client";
import { leads, touches, users } from "../schema";
import { createUser } from "./users";

export async function addSeeker(
  db: Db,
  { timeZone = "Europe/Paris", campaignStartDate = null as string | null } = {},
): Promise<string> {
  const user = await createUser(db, {
    name: "Sam",
    email: `sam-${randomUUID()}@example.com`,
    passwordHash: "not-a-real-hash",
    timeZone,
  });
  if (!user) throw new Error("could not create the test user");
  if (campaignStartDate) await db.update(users).set({ campaignStartDate }).where(eq(users.id, user.id));
  return user.id;
}

/** Leads in list order (positions 0, 1, …); returns their ids in that order. */
export async function addLeads(
  db: Db,
  { userId, companies, extra = {} }: { userId: string; companies: string[]; extra?: Partial<typeof leads.$inferInsert> },
): Promise<string[]> {
  const rows = await db
    .insert(leads)
    .values(companies.map((company, position) => ({ userId, company, position, ...extra })))
    .returning({ id: leads.id, position: leads.position });
  return rows.sort((a, b) => a.position - b.position).map((row) => row.id);
}

export async function addTouch(
  db: Db,
  {
    userId,
    leadId,
    at,
    channel = "phone",
    direction = "outbound",
    materialId = null,
  }: { userId: string; leadId: string; at: Date; channel?: Channel; direction?: Direction; materialId?: string | null },
): Promise<void> {
  await db.insert(touches).values({ userId, leadId, at, channel, direction, materialId });
}

export async function plannedDays(db: Db, { userId }: { userId: string }): Promise<Record<string, string | null>> {
  const rows = await db
    .select({ company: leads.company, planned: leads.plannedFirstContact })
    .from(leads)
    .where(eq(leads.userId, userId));
  return Object.fromEntries(rows.map((row) => [row.company, row.planned]));
}
