import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { calendarDateOf } from "@/lib/coach/days";
import type { ClientFacts } from "@/lib/coach/metrics";
import { ANSWERED_OUTCOMES, QUIET_AFTER_TOUCHES } from "@/lib/domain";
import { isUuid } from "@/lib/ids";
import { rowsOf, type Db } from "../client";
import { coachLinks, leads, touches, users } from "../schema";
import { liveLinkTo } from "./coach-connections";
import { daysLateSql, isColdSql, isOverdueSql, lastTouchInputs, lastTouchSql, paceColumns } from "./pace-sql";
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
  leads_total: number;
  overdue: number;
  cold: number;
  quiet: number;
  active_contacted: number;
  on_pace: number;
  outbound: number;
  phone_outbound: number;
  too_soon: number;
  last_at_ms: number | null;
  /** Days since 1970-01-01, in the client's zone. */
  last_day: number | null;
  /** JSON [[first contact day or null, planned day or null, closed], …], one per lead. */
  campaign_leads: string | null;
  /** JSON [day, …]: the days (since 1970) with a counted outbound call. */
  call_days: string | null;
  outbound_days: string | null;
};

/** The day a touch counts on (its stored local date), as days since 1970-01-01. */
const touchDaySql = sql`t.local_date - date '1970-01-01'`;

/**
 * Every live client's facts in one statement, whatever the number of clients, leads and touches.
 * In SQL: each lead's pace state (pace-sql.ts, the rule of lib/domain), whether it is quiet (its
 * unanswered outbound touches since the last answered one, as quietState counts them), the first
 * contact day of each lead (the campaign's input), the days with a counted call, and outbound
 * touches per day, each day in the client's own zone. lib/coach/metrics turns them into figures
 * with the seeker's own functions (campaignFigures, dailyCall, onPaceShare). coach-clients.test.ts
 * holds the SQL equal to lib/domain on generated data.
 */
export async function listClientFacts(
  db: Db,
  { coachId, now, seekerId }: { coachId: string; now: Date; seekerId?: string },
): Promise<ClientFacts[]> {
  if (seekerId !== undefined && !isUuid(seekerId)) return [];
  const onlySeeker = seekerId === undefined ? sql`` : sql`and cl.seeker_id = ${seekerId}`;
  const answered = sql.raw(ANSWERED_OUTCOMES.map((outcome) => `'${outcome}'`).join(", "));
  const result = await db.execute(sql`
    with clients as materialized (
      select u.id as seeker_id, u.name, u.time_zone, u.campaign_start_date, u.first_contacts_per_week,
             u.contact_days,
             (${now.toISOString()}::timestamptz at time zone u.time_zone)::date as today
      from ${coachLinks} cl
      join ${users} u on u.id = cl.seeker_id
      where cl.coach_id = ${coachId} and cl.ended_at is null ${onlySeeker}
    ),
    -- The clients' touches are read once, each with its day (days since 1970) and its place in its
    -- lead's history (day, then instant), and whether the contact answered in it.
    client_touches as materialized (
      select t.user_id as seeker_id, t.lead_id, t.at, t.direction, t.channel, t.too_soon,
             ${touchDaySql} as day,
             row_number() over (partition by t.lead_id order by ${touchDaySql}, t.at) as place,
             (t.direction = 'inbound' or t.outcome in (${answered})) as answered
      from ${touches} t join clients c on c.seeker_id = t.user_id
    ),
    lead_touches as (
      select lead_id, max(at) as last_at, max(day) as last_day, min(day) as first_day,
             count(*) filter (where direction = 'outbound') as outbound,
             count(*) filter (where direction = 'outbound' and channel = 'phone') as phone_outbound,
             count(*) filter (where too_soon) as too_soon,
             -- Touches after the last answered one: all outbound and unanswered, the quiet run.
             max(place) - coalesce(max(place) filter (where answered), 0) as unanswered
      from client_touches
      group by lead_id
    ),
    lead_paces as (
      select l.user_id as seeker_id, lt.lead_id is not null as contacted, lt.outbound, lt.phone_outbound,
             lt.too_soon, lt.last_at, lt.last_day, lt.first_day, lt.unanswered,
             l.planned_first_contact, l.closed_at is not null as closed,
             (l.closed_at is null and (l.paused_until is null or l.paused_until <= c.today)) as active,
             ${daysLateSql(lastTouchInputs("last", { today: sql`c.today`, contactDays: sql`c.contact_days` }))} as days_late
      from ${leads} l
      join clients c on c.seeker_id = l.user_id
      left join lead_touches lt on lt.lead_id = l.id
      left join lateral ${lastTouchSql("last")} on true
    ),
    lead_stats as (
      select seeker_id,
             count(*)::int as leads_total,
             count(*) filter (where ${isOverdueSql(sql`days_late`)})::int as overdue,
             count(*) filter (where ${isColdSql(sql`days_late`)})::int as cold,
             count(*) filter (where active and unanswered >= ${QUIET_AFTER_TOUCHES}::int)::int as quiet,
             count(*) filter (where active and contacted)::int as active_contacted,
             count(*) filter (where active and contacted and not ${isOverdueSql(sql`days_late`)} and not ${isColdSql(sql`days_late`)})::int as on_pace,
             coalesce(sum(outbound), 0)::int as outbound,
             coalesce(sum(phone_outbound), 0)::int as phone_outbound,
             coalesce(sum(too_soon), 0)::int as too_soon,
             max(last_at) as last_at,
             max(last_day) as last_day,
             json_agg(json_build_array(
               case when first_day is not null then (date '1970-01-01' + first_day)::text end,
               planned_first_contact::text,
               closed
             ))::text as campaign_leads
      from lead_paces
      group by seeker_id
    ),
    call_days as (
      select seeker_id, json_agg(distinct day)::text as call_days
      from client_touches
      where direction = 'outbound' and channel = 'phone' and not too_soon
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
           array_to_json(c.contact_days)::text as contact_days,
           coalesce(ls.leads_total, 0) as leads_total,
           coalesce(ls.overdue, 0) as overdue, coalesce(ls.cold, 0) as cold, coalesce(ls.quiet, 0) as quiet,
           coalesce(ls.active_contacted, 0) as active_contacted, coalesce(ls.on_pace, 0) as on_pace,
           coalesce(ls.outbound, 0) as outbound, coalesce(ls.phone_outbound, 0) as phone_outbound,
           coalesce(ls.too_soon, 0) as too_soon,
           (extract(epoch from ls.last_at) * 1000)::float8 as last_at_ms,
           ls.last_day,
           ls.campaign_leads,
           cd.call_days,
           ds.outbound_days
    from clients c
    left join lead_stats ls on ls.seeker_id = c.seeker_id
    left join call_days cd on cd.seeker_id = c.seeker_id
    left join day_series ds on ds.seeker_id = c.seeker_id
  `);
  return rowsOf<FactsRow>(result).map(toClientFacts);
}

function toClientFacts(row: FactsRow): ClientFacts {
  const contactDays = JSON.parse(row.contact_days) as number[];
  return {
    seekerId: row.seeker_id,
    name: row.name,
    timeZone: row.time_zone,
    today: row.today,
    campaign: row.campaign_start_date
      ? { startDate: row.campaign_start_date, firstContactsPerWeek: Number(row.first_contacts_per_week), contactDays }
      : null,
    contactDays,
    leads: {
      total: Number(row.leads_total),
      overdue: Number(row.overdue),
      cold: Number(row.cold),
      quiet: Number(row.quiet),
      activeContacted: Number(row.active_contacted),
      onPace: Number(row.on_pace),
    },
    campaignLeads: row.campaign_leads
      ? (JSON.parse(row.campaign_leads) as [string | null, string | null, boolean][]).map(([firstContactOn, plannedFirstContact, closed]) => ({
          firstContactOn,
          plannedFirstContact,
          closed,
        }))
      : [],
    touches: {
      outbound: Number(row.outbound),
      phoneOutbound: Number(row.phone_outbound),
      tooSoon: Number(row.too_soon),
      lastAt: row.last_at_ms === null ? null : new Date(Number(row.last_at_ms)),
      lastDay: row.last_day === null ? null : calendarDateOf(Number(row.last_day)),
    },
    callDays: row.call_days ? (JSON.parse(row.call_days) as number[]).map(calendarDateOf) : [],
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
