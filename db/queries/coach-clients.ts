import { asc, desc, eq, sql } from "drizzle-orm";
import { calendarDateOf } from "@/lib/coach/days";
import type { ClientFacts } from "@/lib/coach/metrics";
import { isUuid } from "@/lib/ids";
import { rowsOf, type Db } from "../client";
import { coachLinks, leads, touches, users } from "../schema";
import { liveLinkTo } from "./coach-connections";
import { daysLateSql, isColdSql, isOverdueSql, paceColumns } from "./pace-sql";
import { timelineTouchColumns } from "./touches";

/** The coach's read-only view of their clients: figures, leads (no contact details) and touches. */

type FactsRow = {
  seeker_id: string;
  name: string;
  time_zone: string;
  today: string;
  campaign_start_date: string | null;
  first_contacts_per_week: number;
  contact_days: string;
  daily_goal: number;
  weekly_goal: number;
  leads_total: number;
  leads_contacted: number;
  overdue: number;
  cold: number;
  outbound: number;
  phone_outbound: number;
  too_soon: number;
  last_at_ms: number | null;
  /** Days since 1970-01-01, in the client's zone. */
  last_day: number | null;
  outbound_days: string | null;
};

/**
 * Every live client's facts in one statement, whatever the number of clients, leads and touches:
 * pace states are counted per lead and outbound touches per day in each client's own zone, in
 * SQL; lib/coach/metrics turns them into the figures. The pace rule is computePace's in SQL
 * (pace-sql.ts), because running it per lead in JS costs ~0.1 ms a lead; coach-clients.test.ts
 * holds the two equal on generated leads.
 */
export async function listClientFacts(
  db: Db,
  { coachId, now, seekerId }: { coachId: string; now: Date; seekerId?: string },
): Promise<ClientFacts[]> {
  if (seekerId !== undefined && !isUuid(seekerId)) return [];
  const onlySeeker = seekerId === undefined ? sql`` : sql`and cl.seeker_id = ${seekerId}`;
  const result = await db.execute(sql`
    with clients as materialized (
      select u.id as seeker_id, u.name, u.time_zone, u.campaign_start_date, u.first_contacts_per_week,
             u.contact_days, u.daily_goal, u.weekly_goal,
             (${now.toISOString()}::timestamptz at time zone u.time_zone)::date as today
      from ${coachLinks} cl
      join ${users} u on u.id = cl.seeker_id
      where cl.coach_id = ${coachId} and cl.ended_at is null ${onlySeeker}
    ),
    -- The clients' touches are read once, each with its day in its owner's zone (days since 1970).
    client_touches as materialized (
      select t.user_id as seeker_id, t.lead_id, t.at, t.direction, t.channel, t.too_soon,
             (t.at at time zone c.time_zone)::date - date '1970-01-01' as day
      from ${touches} t join clients c on c.seeker_id = t.user_id
    ),
    lead_touches as (
      select lead_id, max(at) as last_at, max(day) as last_day,
             count(*) filter (where direction = 'outbound') as outbound,
             count(*) filter (where direction = 'outbound' and channel = 'phone') as phone_outbound,
             count(*) filter (where too_soon) as too_soon
      from client_touches
      group by lead_id
    ),
    lead_paces as (
      select l.user_id as seeker_id, lt.lead_id is not null as contacted, lt.outbound, lt.phone_outbound,
             lt.too_soon, lt.last_at, lt.last_day,
             ${daysLateSql({ today: sql`c.today`, lastTouchAt: sql`lt.last_at`, lastTouchDay: sql`date '1970-01-01' + lt.last_day` })} as days_late
      from ${leads} l
      join clients c on c.seeker_id = l.user_id
      left join lead_touches lt on lt.lead_id = l.id
    ),
    lead_stats as (
      select seeker_id,
             count(*)::int as leads_total,
             count(*) filter (where contacted)::int as leads_contacted,
             count(*) filter (where ${isOverdueSql(sql`days_late`)})::int as overdue,
             count(*) filter (where ${isColdSql(sql`days_late`)})::int as cold,
             coalesce(sum(outbound), 0)::int as outbound,
             coalesce(sum(phone_outbound), 0)::int as phone_outbound,
             coalesce(sum(too_soon), 0)::int as too_soon,
             max(last_at) as last_at,
             max(last_day) as last_day
      from lead_paces
      group by seeker_id
    ),
    outbound_days as (
      select seeker_id, day, count(*)::int as n
      from client_touches
      where direction = 'outbound'
      group by seeker_id, day
    ),
    day_series as (
      select seeker_id, json_agg(json_build_array(day, n))::text as outbound_days
      from outbound_days
      group by seeker_id
    )
    select c.seeker_id, c.name, c.time_zone, c.today::text as today,
           c.campaign_start_date::text as campaign_start_date, c.first_contacts_per_week,
           array_to_json(c.contact_days)::text as contact_days, c.daily_goal, c.weekly_goal,
           coalesce(ls.leads_total, 0) as leads_total, coalesce(ls.leads_contacted, 0) as leads_contacted,
           coalesce(ls.overdue, 0) as overdue, coalesce(ls.cold, 0) as cold,
           coalesce(ls.outbound, 0) as outbound, coalesce(ls.phone_outbound, 0) as phone_outbound,
           coalesce(ls.too_soon, 0) as too_soon,
           (extract(epoch from ls.last_at) * 1000)::float8 as last_at_ms,
           ls.last_day,
           ds.outbound_days
    from clients c
    left join lead_stats ls on ls.seeker_id = c.seeker_id
    left join day_series ds on ds.seeker_id = c.seeker_id
  `);
  return rowsOf<FactsRow>(result).map(toClientFacts);
}

function toClientFacts(row: FactsRow): ClientFacts {
  return {
    seekerId: row.seeker_id,
    name: row.name,
    timeZone: row.time_zone,
    today: row.today,
    campaign: row.campaign_start_date
      ? {
          startDate: row.campaign_start_date,
          firstContactsPerWeek: Number(row.first_contacts_per_week),
          contactDays: JSON.parse(row.contact_days) as number[],
        }
      : null,
    goals: { dailyTouches: Number(row.daily_goal), weeklyTouches: Number(row.weekly_goal) },
    contactDays: JSON.parse(row.contact_days) as number[],
    leads: {
      total: Number(row.leads_total),
      contacted: Number(row.leads_contacted),
      overdue: Number(row.overdue),
      cold: Number(row.cold),
    },
    touches: {
      outbound: Number(row.outbound),
      phoneOutbound: Number(row.phone_outbound),
      tooSoon: Number(row.too_soon),
      lastAt: row.last_at_ms === null ? null : new Date(Number(row.last_at_ms)),
      lastDay: row.last_day === null ? null : calendarDateOf(Number(row.last_day)),
    },
    outboundByDay: row.outbound_days
      ? (JSON.parse(row.outbound_days) as [number, number][]).map(([day, outbound]) => ({ day, outbound }))
      : [],
  };
}

/** One client's facts, or null when this coach has no live connection with them. */
export async function getClientFacts(
  db: Db,
  { coachId, seekerId, now }: { coachId: string; seekerId: string; now: Date },
): Promise<ClientFacts | null> {
  const [facts] = await listClientFacts(db, { coachId, seekerId, now });
  return facts ?? null;
}

/** What the coach sees of a lead: no contact details, only the company, the person, and what the pace needs. */
const clientLeadColumns = {
  id: leads.id,
  company: leads.company,
  contactName: leads.contactName,
  title: leads.title,
  ...paceColumns,
  closedAs: leads.closedAs,
};

export type ClientLead = Pick<typeof leads.$inferSelect, keyof typeof clientLeadColumns> & {
  lastTouch: Pick<typeof touches.$inferSelect, "at" | "channel" | "direction"> | null;
};

/**
 * The client's leads in their list order, with what the pace needs (the latest touch decides
 * it). No contact details: the coach sees the company, the person's name and title, and the pace.
 */
export async function listClientLeads(
  db: Db,
  { coachId, seekerId }: { coachId: string; seekerId: string },
): Promise<ClientLead[]> {
  if (!isUuid(seekerId)) return [];
  const lastTouches = db
    .selectDistinctOn([touches.leadId], {
      leadId: touches.leadId,
      at: touches.at,
      channel: touches.channel,
      direction: touches.direction,
    })
    .from(touches)
    .where(eq(touches.userId, seekerId))
    .orderBy(touches.leadId, desc(touches.at), desc(touches.createdAt))
    .as("last_touches");
  const rows = await db
    .select({
      ...clientLeadColumns,
      lastAt: lastTouches.at,
      lastChannel: lastTouches.channel,
      lastDirection: lastTouches.direction,
    })
    .from(leads)
    .innerJoin(coachLinks, liveLinkTo(coachId, leads.userId))
    .leftJoin(lastTouches, eq(lastTouches.leadId, leads.id))
    .where(eq(leads.userId, seekerId))
    .orderBy(asc(leads.position), asc(leads.createdAt));
  return rows.map(({ lastAt, lastChannel, lastDirection, ...lead }) => ({
    ...lead,
    lastTouch: lastAt && lastChannel && lastDirection ? { at: lastAt, channel: lastChannel, direction: lastDirection } : null,
  }));
}

const clientTouchColumns = {
  ...timelineTouchColumns,
  leadId: touches.leadId,
  company: leads.company,
};

export type ClientTouch = Pick<typeof touches.$inferSelect, Exclude<keyof typeof clientTouchColumns, "company">> &
  Pick<typeof leads.$inferSelect, "company">;

/** The client's touches, newest first, at most `limit`, with how many there are in all. */
export async function listClientTouches(
  db: Db,
  { coachId, seekerId, limit }: { coachId: string; seekerId: string; limit: number },
): Promise<{ touches: ClientTouch[]; total: number }> {
  if (!isUuid(seekerId)) return { touches: [], total: 0 };
  const rows = await db
    .select({
      ...clientTouchColumns,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(touches)
    .innerJoin(leads, eq(leads.id, touches.leadId))
    .innerJoin(coachLinks, liveLinkTo(coachId, touches.userId))
    .where(eq(touches.userId, seekerId))
    .orderBy(desc(touches.at), desc(touches.createdAt))
    .limit(limit);
  // Each row carries the total (a window count), so the page needs no second statement.
  return { touches: rows, total: rows[0]?.total ?? 0 };
}
