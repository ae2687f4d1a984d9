import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { isUuid } from "@/lib/ids";
import { rowsOf, type Db } from "../client";
import { coachLinks, coachNotes, users } from "../schema";
import { liveLinkTo } from "./coach-connections";

/** Notes from a coach to a client: written on the client's page, shown on the client's Today until dismissed. */

/** Leaves a note for a live client (shown on their Today until dismissed); null without a live connection. */
export async function createCoachNote(
  db: Db,
  { coachId, seekerId, body, now }: { coachId: string; seekerId: string; body: string; now: Date },
): Promise<{ id: string } | null> {
  if (!isUuid(seekerId)) return null;
  // One statement: the connection is checked by the insert itself.
  const result = await db.execute(sql`
    insert into ${coachNotes} (coach_id, seeker_id, body, created_at)
    select ${coachId}, ${seekerId}, ${body}, ${now.toISOString()}::timestamptz
    from ${coachLinks} cl
    where cl.coach_id = ${coachId} and cl.seeker_id = ${seekerId} and cl.ended_at is null
    returning id`);
  const [row] = rowsOf<{ id: string }>(result);
  return row ? { id: row.id } : null;
}

/** How many notes a client's page shows at a time; older ones are a link away. */
export const NOTES_PER_PAGE = 20;

export type NoteToClient = { id: string; body: string; createdAt: Date; dismissedAt: Date | null };

/**
 * The notes this coach left for this live client, newest first, `limit` at a time: the newest, or
 * those older than the note `olderThan` (keyset on the time written, then the id), and whether
 * more are older still. Nothing without a live connection.
 */
export async function listNotesToClient(
  db: Db,
  { coachId, seekerId, olderThan = null, limit = NOTES_PER_PAGE }: { coachId: string; seekerId: string; olderThan?: string | null; limit?: number },
): Promise<{ notes: NoteToClient[]; more: boolean }> {
  if (!isUuid(seekerId) || (olderThan !== null && !isUuid(olderThan))) return { notes: [], more: false };
  const rows = await db
    .select({ id: coachNotes.id, body: coachNotes.body, createdAt: coachNotes.createdAt, dismissedAt: coachNotes.dismissedAt })
    .from(coachNotes)
    .innerJoin(coachLinks, liveLinkTo(coachId, coachNotes.seekerId))
    .where(
      and(
        eq(coachNotes.coachId, coachId),
        eq(coachNotes.seekerId, seekerId),
        olderThan === null
          ? undefined
          : sql`(${coachNotes.createdAt}, ${coachNotes.id}) < (select n.created_at, n.id from ${coachNotes} n where n.id = ${olderThan} and n.coach_id = ${coachId} and n.seeker_id = ${seekerId})`,
      ),
    )
    .orderBy(desc(coachNotes.createdAt), desc(coachNotes.id))
    .limit(limit + 1);
  return { notes: rows.slice(0, limit), more: rows.length > limit };
}

export type CoachNote = { id: string; body: string; coachName: string; createdAt: Date };

/**
 * The newest note from a coach that the seeker has not dismissed, as a query to await or to join
 * (Today reads it in the statement of the seeker's settings).
 */
export function latestCoachNote(db: Db, { userId }: { userId: string }) {
  return db
    .select({ id: coachNotes.id, body: coachNotes.body, coachName: users.name, createdAt: coachNotes.createdAt })
    .from(coachNotes)
    .innerJoin(users, eq(users.id, coachNotes.coachId))
    // Only from a coach still connected: when the seeker or the coach ends it, the note goes too.
    .innerJoin(
      coachLinks,
      and(eq(coachLinks.coachId, coachNotes.coachId), eq(coachLinks.seekerId, userId), isNull(coachLinks.endedAt)),
    )
    .where(and(eq(coachNotes.seekerId, userId), isNull(coachNotes.dismissedAt)))
    .orderBy(desc(coachNotes.createdAt))
    .limit(1);
}

/** The newest note from a coach that the seeker has not dismissed, if any. */
export async function getLatestCoachNote(db: Db, { userId }: { userId: string }): Promise<CoachNote | null> {
  const rows = await latestCoachNote(db, { userId });
  return rows[0] ?? null;
}

/** Hides a note from the seeker's Today; false when it is not a note to this seeker. */
export async function dismissCoachNote(
  db: Db,
  { userId, noteId, now }: { userId: string; noteId: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(coachNotes)
    .set({ dismissedAt: now })
    .where(and(eq(coachNotes.id, noteId), eq(coachNotes.seekerId, userId), isNull(coachNotes.dismissedAt)))
    .returning({ id: coachNotes.id });
  return rows.length > 0;
}
