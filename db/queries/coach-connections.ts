import "server-only";
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { isUuid } from "@/lib/ids";
import type { Db } from "../client";
import { coachLinks, users } from "../schema";

/*
 * Consent: a live coach_links row (ended_at is null) lets a coach read one seeker's data. Every
 * read of a client's data joins that row (liveLinkTo) in the same statement, so access ends with
 * the next statement after either side ends the connection.
 */

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
  if (!isUuid(coachId) || !isUuid(seekerId) || (endedBy !== coachId && endedBy !== seekerId)) return false;
  const rows = await db
    .update(coachLinks)
    .set({ endedAt: now, endedBy })
    .where(and(eq(coachLinks.coachId, coachId), eq(coachLinks.seekerId, seekerId), isNull(coachLinks.endedAt)))
    .returning({ id: coachLinks.id });
  return rows.length > 0;
}

/** The live connection of this coach with the owner of the joined row. */
export function liveLinkTo(coachId: string, ownerColumn: AnyPgColumn): SQL {
  return and(eq(coachLinks.coachId, coachId), eq(coachLinks.seekerId, ownerColumn), isNull(coachLinks.endedAt))!;
}
