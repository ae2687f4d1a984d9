import "server-only";
import { and, asc, eq, getTableColumns, gt, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { calendarFeeds, coachLinks, coachNotes, leads, materials, sessions, touches, users } from "../schema";

/*
 * "Download all my data" (Settings): everything of one user, read in pages of `pageSize` rows in a
 * stable order (keyset: each page starts after the last row of the one before), so an archive of
 * any size is written while it is read and never held whole in memory. Each page is one statement
 * scoped to the owner. Whole tables' columns, so a column added later is in the archive too; only
 * what is not theirs to read is left out (the password hash, a touch's form key).
 */

export const EXPORT_PAGE_SIZE = 500;

/** A timestamp as PostgreSQL writes it: read back exactly (a JS Date would lose the microseconds). */
const exactTime = (column: AnyPgColumn) => sql<string>`${column}::text`;

/** The fields of each file's rows, in order (a file's header even when it has no row). */
export function exportFields(kind: "leads" | "touches" | "materials" | "coachNotes" | "connections"): string[] {
  return {
    leads: Object.keys(leadColumns),
    touches: Object.keys(touchColumns),
    materials: Object.keys(materialColumns),
    coachNotes: ["id", "coachName", "coachEmail", "clientName", "clientEmail", "body", "createdAt", "dismissedAt"],
    connections: ["id", "coachName", "coachEmail", "clientName", "clientEmail", "createdAt", "endedAt"],
  }[kind];
}

/** Rows page by page: `read(after)` reads the page after the row `after` (null: the first page). */
async function* pagesOf<Row>(read: (after: Row | null) => Promise<Row[]>, pageSize: number): AsyncGenerator<Row[]> {
  let after: Row | null = null;
  for (;;) {
    const page = await read(after);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!;
  }
}

/** After the row with this time and id, in (time, id) order. */
function afterTimeAndId(time: AnyPgColumn, id: AnyPgColumn, after: { cursor: string; id: string } | null): SQL | undefined {
  return after ? or(gt(time, sql`${after.cursor}::timestamptz`), and(eq(time, sql`${after.cursor}::timestamptz`), gt(id, after.id))) : undefined;
}

/** A table's columns but these: whatever columns it gains later are exported too. */
function columnsBut<T extends Record<string, unknown>, K extends keyof T & string>(columns: T, ...left: K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(columns).filter(([name]) => !(left as string[]).includes(name))) as Omit<T, K>;
}

const profileColumns = columnsBut(getTableColumns(users), "passwordHash");

export type AccountExportProfile = Omit<typeof users.$inferSelect, "passwordHash">;

/** The user's own row (every setting but the password hash), the calendar feed's state and the devices signed in. */
export async function getAccountForExport(db: Db, { userId }: { userId: string }) {
  const [profile] = await db.select(profileColumns).from(users).where(eq(users.id, userId));
  if (!profile) return null;
  const [feed] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  const devices = await db
    .select({ device: sessions.device, address: sessions.address, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(asc(sessions.createdAt), asc(sessions.id));
  return { profile: profile as AccountExportProfile, calendarFeed: feed ? { createdAt: feed.createdAt } : null, devices };
}

const leadColumns = columnsBut(getTableColumns(leads), "userId");
export type LeadExportRow = Omit<typeof leads.$inferSelect, "userId">;

/** The user's leads in list order. */
export function readLeadPages(db: Db, { userId, pageSize = EXPORT_PAGE_SIZE }: { userId: string; pageSize?: number }) {
  return pagesOf<LeadExportRow>(
    (after) =>
      db
        .select(leadColumns)
        .from(leads)
        .where(
          and(
            eq(leads.userId, userId),
            after ? or(gt(leads.position, after.position), and(eq(leads.position, after.position), gt(leads.id, after.id))) : undefined,
          ),
        )
        .orderBy(asc(leads.position), asc(leads.id))
        .limit(pageSize),
    pageSize,
  );
}

const touchColumns = {
  id: touches.id,
  leadId: touches.leadId,
  company: leads.company,
  contactName: leads.contactName,
  at: touches.at,
  channel: touches.channel,
  direction: touches.direction,
  outcome: touches.outcome,
  note: touches.note,
  materialId: touches.materialId,
  materialTitle: materials.title,
  tooSoon: touches.tooSoon,
  createdAt: touches.createdAt,
};

/** The user's touches, oldest first, with the lead's company and contact and the material's title. */
export function readTouchPages(db: Db, { userId, pageSize = EXPORT_PAGE_SIZE }: { userId: string; pageSize?: number }) {
  return pagesOf(
    (after: { cursor: string; id: string } | null) =>
      db
        .select({ ...touchColumns, cursor: exactTime(touches.at) })
        .from(touches)
        .innerJoin(leads, eq(leads.id, touches.leadId))
        .leftJoin(materials, eq(materials.id, touches.materialId))
        .where(and(eq(touches.userId, userId), afterTimeAndId(touches.at, touches.id, after)))
        .orderBy(asc(touches.at), asc(touches.id))
        .limit(pageSize),
    pageSize,
  );
}

const materialColumns = columnsBut(getTableColumns(materials), "userId");

/** The user's materials, oldest first. */
export function readMaterialPages(db: Db, { userId, pageSize = EXPORT_PAGE_SIZE }: { userId: string; pageSize?: number }) {
  return pagesOf(
    (after: { cursor: string; id: string } | null) =>
      db
        .select({ ...materialColumns, cursor: exactTime(materials.createdAt) })
        .from(materials)
        .where(and(eq(materials.userId, userId), afterTimeAndId(materials.createdAt, materials.id, after)))
        .orderBy(asc(materials.createdAt), asc(materials.id))
        .limit(pageSize),
    pageSize,
  );
}

const noteCoach = alias(users, "note_coach");
const noteClient = alias(users, "note_client");

/** The coach notes the user received (as a seeker) and wrote (as a coach), oldest first. */
export function readCoachNotePages(db: Db, { userId, pageSize = EXPORT_PAGE_SIZE }: { userId: string; pageSize?: number }) {
  return pagesOf(
    (after: { cursor: string; id: string } | null) =>
      db
        .select({
          id: coachNotes.id,
          coachName: noteCoach.name,
          coachEmail: noteCoach.email,
          clientName: noteClient.name,
          clientEmail: noteClient.email,
          body: coachNotes.body,
          createdAt: coachNotes.createdAt,
          dismissedAt: coachNotes.dismissedAt,
          cursor: exactTime(coachNotes.createdAt),
        })
        .from(coachNotes)
        .innerJoin(noteCoach, eq(noteCoach.id, coachNotes.coachId))
        .innerJoin(noteClient, eq(noteClient.id, coachNotes.seekerId))
        .where(and(or(eq(coachNotes.coachId, userId), eq(coachNotes.seekerId, userId)), afterTimeAndId(coachNotes.createdAt, coachNotes.id, after)))
        .orderBy(asc(coachNotes.createdAt), asc(coachNotes.id))
        .limit(pageSize),
    pageSize,
  );
}

const linkCoach = alias(users, "link_coach");
const linkClient = alias(users, "link_client");

/** The user's coach connections both ways (their coaches, their clients), live and ended, oldest first. */
export function readConnectionPages(db: Db, { userId, pageSize = EXPORT_PAGE_SIZE }: { userId: string; pageSize?: number }) {
  return pagesOf(
    (after: { cursor: string; id: string } | null) =>
      db
        .select({
          id: coachLinks.id,
          coachName: linkCoach.name,
          coachEmail: linkCoach.email,
          clientName: linkClient.name,
          clientEmail: linkClient.email,
          createdAt: coachLinks.createdAt,
          endedAt: coachLinks.endedAt,
          cursor: exactTime(coachLinks.createdAt),
        })
        .from(coachLinks)
        .innerJoin(linkCoach, eq(linkCoach.id, coachLinks.coachId))
        .innerJoin(linkClient, eq(linkClient.id, coachLinks.seekerId))
        .where(and(or(eq(coachLinks.coachId, userId), eq(coachLinks.seekerId, userId)), afterTimeAndId(coachLinks.createdAt, coachLinks.id, after)))
        .orderBy(asc(coachLinks.createdAt), asc(coachLinks.id))
        .limit(pageSize),
    pageSize,
  );
}
