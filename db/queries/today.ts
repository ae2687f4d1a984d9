import "server-only";
import { and, asc, desc, eq, lte, or, sql } from "drizzle-orm";
import type { Channel, Direction, Outcome } from "@/lib/domain";
import { rowsOf, type Db } from "../client";
import { leads, materials, touches, users } from "../schema";
import { seekerSettingsColumns, type SeekerSettings } from "./campaign";
import { latestCoachNote, type CoachNote } from "./coach-notes";
import { paceColumns } from "./pace-sql";

const todayLeadColumns = {
  id: leads.id,
  company: leads.company,
  contactName: leads.contactName,
  title: leads.title,
  email: leads.email,
  phone: leads.phone,
  linkedinUrl: leads.linkedinUrl,
  position: leads.position,
  ...paceColumns,
};

/** A lead with what the Today screen needs to pace it and to show it. */
export type TodayLead = Pick<typeof leads.$inferSelect, keyof typeof todayLeadColumns>;

/** Every lead of the seeker, closed ones too (they count in the campaign's progress), in list order. */
export async function listTodayLeads(db: Db, { userId }: { userId: string }): Promise<TodayLead[]> {
  return db
    .select(todayLeadColumns)
    .from(leads)
    .where(eq(leads.userId, userId))
    .orderBy(asc(leads.position), asc(leads.createdAt));
}

export type RecentTouch = {
  leadId: string;
  at: Date;
  localDate: string;
  channel: Channel;
  direction: Direction;
  outcome: Outcome | null;
  note: string;
  /** True for the lead's latest touch (either direction); the others are its last outbound ones. */
  latest: boolean;
};

/** Outbound touches the channel-variety rule looks at (docs/product.md, "Channel variety"). */
const RECENT_OUTBOUND = 3;

/**
 * For each lead of the seeker (the calendar feed): its latest touch and its last three outbound touches, which is all
 * that pace, "last touch" and the suggested channel need. One query whatever the number of leads.
 */
export async function listRecentTouches(db: Db, { userId }: { userId: string }): Promise<RecentTouch[]> {
  const ranked = db
    .select({
      leadId: touches.leadId,
      at: touches.at,
      localDate: touches.localDate,
      channel: touches.channel,
      direction: touches.direction,
      outcome: touches.outcome,
      note: touches.note,
      latestRank: sql<number>`row_number() over (partition by ${touches.leadId} order by ${touches.localDate} desc, ${touches.at} desc, ${touches.id})`.as("latest_rank"),
      directionRank: sql<number>`row_number() over (partition by ${touches.leadId}, ${touches.direction} order by ${touches.localDate} desc, ${touches.at} desc, ${touches.id})`.as("direction_rank"),
    })
    .from(touches)
    .where(eq(touches.userId, userId))
    .as("ranked");
  return db
    .select({
      leadId: ranked.leadId,
      at: ranked.at,
      localDate: ranked.localDate,
      channel: ranked.channel,
      direction: ranked.direction,
      outcome: ranked.outcome,
      note: ranked.note,
      latest: sql<boolean>`${ranked.latestRank} = 1`.mapWith(Boolean),
    })
    .from(ranked)
    .where(
      or(
        eq(ranked.latestRank, 1),
        and(eq(ranked.direction, "outbound"), lte(ranked.directionRank, RECENT_OUTBOUND)),
      ),
    )
    .orderBy(asc(ranked.leadId), desc(ranked.localDate), desc(ranked.at));
}

export type TodayTouch = {
  leadId: string;
  at: Date;
  localDate: string;
  channel: Channel;
  direction: Direction;
  outcome: Outcome | null;
  /** The lead's latest touch's note; "" on its other touches (Today shows only the latest). */
  note: string;
};

type TouchRow = { lead_id: string; at_ms: number; local_date: string; channel: Channel; direction: Direction; outcome: Outcome | null; note: string };

/**
 * Every touch of the seeker, oldest first: the day's work, the daily call's streak and too-soon
 * judgement need each lead's whole history. One query whatever the number of leads; a handful of
 * narrow columns a touch, and the note of each lead's latest touch only (the one a row shows).
 * Written in SQL and mapped here by hand: Drizzle's row mapping (a class check for every field of
 * every row) was the largest cost of reading hundreds of touches.
 */
export async function listTodayTouches(db: Db, { userId }: { userId: string }): Promise<TodayTouch[]> {
  const result = await db.execute(sql`
    select ${touches.leadId} as lead_id, floor(extract(epoch from ${touches.at}) * 1000)::float8 as at_ms,
           ${touches.localDate}::text as local_date, ${touches.channel} as channel, ${touches.direction} as direction,
           ${touches.outcome} as outcome,
           -- Only each lead's latest touch (as latestOf picks it: by day, instant, then as logged)
           -- has its note shown: the others' notes stay in the database, however long they are.
           case when row_number() over (
             partition by ${touches.leadId}
             order by ${touches.localDate} desc, ${touches.at} desc, ${touches.createdAt}, ${touches.id}
           ) = 1 then ${touches.note} else '' end as note
    from ${touches}
    where ${touches.userId} = ${userId}
    -- Touches at the same instant in the order they were logged, as the stored too-soon flags judge them.
    order by ${touches.localDate}, ${touches.at}, ${touches.createdAt}, ${touches.id}`);
  return rowsOf<TouchRow>(result).map((row) => ({
    leadId: row.lead_id,
    at: new Date(Number(row.at_ms)),
    localDate: row.local_date,
    channel: row.channel,
    direction: row.direction,
    outcome: row.outcome,
    note: row.note,
  }));
}

export type MaterialWithRecipients = { id: string; title: string; sentToLeadIds: string[] };

/** The seeker's materials with the leads each already went to, for every row's log form at once. */
export async function listMaterialsWithLeadIds(db: Db, { userId }: { userId: string }): Promise<MaterialWithRecipients[]> {
  return db
    .select({
      id: materials.id,
      title: materials.title,
      sentToLeadIds: sql<string[]>`coalesce(array_agg(distinct ${touches.leadId}) filter (where ${touches.leadId} is not null), '{}')`,
    })
    .from(materials)
    .leftJoin(touches, and(eq(touches.materialId, materials.id), eq(touches.userId, userId)))
    .where(eq(materials.userId, userId))
    .groupBy(materials.id)
    .orderBy(asc(materials.topic), asc(sql`lower(${materials.title})`), asc(materials.id));
}

export type TodayData = {
  settings: SeekerSettings;
  leads: TodayLead[];
  touches: TodayTouch[];
  coachNote: CoachNote | null;
  materials: MaterialWithRecipients[];
};

/** The seeker's settings and their coach's latest note, in one statement; null when the user is gone. */
async function getTodaySettings(db: Db, { userId }: { userId: string }): Promise<{ settings: SeekerSettings; coachNote: CoachNote | null } | null> {
  const note = latestCoachNote(db, { userId }).as("note");
  const rows = await db
    .select({
      ...seekerSettingsColumns,
      noteId: note.id,
      noteBody: note.body,
      noteCoachName: note.coachName,
      noteCreatedAt: note.createdAt,
    })
    .from(users)
    .leftJoin(note, sql`true`)
    .where(eq(users.id, userId));
  const row = rows[0];
  if (!row) return null;
  const { noteId, noteBody, noteCoachName, noteCreatedAt, ...settings } = row;
  const coachNote = noteId !== null && noteBody !== null && noteCoachName !== null && noteCreatedAt !== null
    ? { id: noteId, body: noteBody, coachName: noteCoachName, createdAt: noteCreatedAt }
    : null;
  return { settings, coachNote };
}

/**
 * Everything the day's work is made of (Today, and the morning digest): four queries, run side by
 * side, whatever the number of leads and touches. Null when the user is gone.
 */
export async function getTodayData(db: Db, { userId }: { userId: string }): Promise<TodayData | null> {
  const [head, leadRows, touchRows, materialRows] = await Promise.all([
    getTodaySettings(db, { userId }),
    listTodayLeads(db, { userId }),
    listTodayTouches(db, { userId }),
    listMaterialsWithLeadIds(db, { userId }),
  ]);
  if (!head) return null;
  return { settings: head.settings, leads: leadRows, touches: touchRows, coachNote: head.coachNote, materials: materialRows };
}
