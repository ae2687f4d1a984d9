import "server-only";
import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { calendarDateOf } from "@/lib/coach/days";
import type { ClientFacts } from "@/lib/coach/metrics";
import { QUIET_AFTER_TOUCHES } from "@/lib/domain";
import { isUuid } from "@/lib/ids";
import { rowsOf, type Db } from "../client";
import { coachLinks, leadTouchFacts, leads, touchDays, touches, users } from "../schema";
import { liveLinkTo } from "./coach-connections";
import { daysLateSql, isColdSql, isOnPaceSql, isOverdueSql, pacedSql, paceColumns, type PaceInputs } from "./pace-sql";
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
  in_campaign: number;
  contacted: number;
  first_contacts_this_week: number;
  campaign_last_day: string | null;
  outbound: number;
  phone_outbound: number;
  too_soon: number;
  last_at_ms: number | null;
  /** Days since 1970-01-01, in the client's zone. */
  last_day: number | null;
  /** JSON [day, …]: the days (since 1970) with a counted outbound call. */
  call_days: string | null;
  /** JSON [[Monday, outbound], …]: outbound touches per week since the campaign's first week. */
  outbound_weeks: string | null;
};

const day = (value: SQL) => sql`(${value} - date '1970-01-01')`;

/**
 * Every live client's facts in one statement, whatever the number of clients and touches: it reads
 * no touch. Each lead's history comes in one row of lead_touch_facts and each day's outbound counts
 * in one row of touch_days (both kept by triggers on touches, migration 0011), so a client costs
 * their leads and their days, not their touches. In SQL: each lead's pace state (pace-sql.ts, the
 * rule of lib/domain), quiet (its unanswered run, as quietState counts it), the campaign's tally
 * (campaignTally), the days with a counted call and outbound touches per week, each day in the
 * client's own zone. lib/coach/metrics turns them into figures with the seeker's own functions
 * (campaignFiguresOfTally, dailyCall, onPaceShare). coach-clients.test.ts holds the SQL equal to
 * lib/domain on generated histories.
 */
export async function listClientFacts(
  db: Db,
  { coachId, now, seekerId }: { coachId: string; now: Date; seekerId?: string },
): Promise<ClientFacts[]> {
  if (seekerId !== undefined && !isUuid(seekerId)) return [];
  const onlySeeker = seekerId === undefined ? sql`` : sql`and cl.seeker_id = ${seekerId}`;
  const paceInputs: PaceInputs = {
    today: sql`c.today`,
    contactDays: sql`c.contact_days`,
    lastTouchDay: sql`f.last_day`,
    lastTouchDirection: sql`f.last_direction`,
    lastTouchOutcome: sql`f.last_outcome`,
    latestTouchAt: sql`f.latest_at`,
  };
  const result = await db.execute(sql`
    with clients as materialized (
      select u.id as seeker_id, u.name, u.time_zone, u.campaign_start_date, u.first_contacts_per_week,
             u.contact_days,
             (${now.toISOString()}::timestamptz at time zone u.time_zone)::date as today
      from ${coachLinks} cl
      join ${users} u on u.id = cl.seeker_id
      where cl.coach_id = ${coachId} and cl.ended_at is null ${onlySeeker}
    )
    select c.seeker_id, c.name, c.time_zone, c.today::text as today,
           c.campaign_start_date::text as campaign_start_date, c.first_contacts_per_week,
           array_to_json(c.contact_days)::text as contact_days,
           ls.leads_total, ls.overdue, ls.cold, ls.quiet, ls.active_contacted, ls.on_pace,
           ls.in_campaign, ls.contacted, ls.first_contacts_this_week, ls.campaign_last_day,
           (extract(epoch from ls.last_at) * 1000)::float8 as last_at_ms,
           ${day(sql`ls.last_day`)} as last_day,
           ds.outbound, ds.phone_outbound, ds.too_soon, ds.call_days,
           ws.outbound_weeks
    from clients c
    -- Each client's own rows, through the indexes on their seeker (lateral): a coach's page costs
    -- their clients' leads and days, however many other seekers the database holds.
    cross join lateral (
      select count(*)::int as leads_total,
             count(*) filter (where ${isOverdueSql(sql`days_late`)})::int as overdue,
             count(*) filter (where ${isColdSql(sql`days_late`)})::int as cold,
             count(*) filter (where active and unanswered >= ${QUIET_AFTER_TOUCHES}::int)::int as quiet,
             count(*) filter (where active and contacted)::int as active_contacted,
             count(*) filter (where active and ${isOnPaceSql(sql`days_late`, { contacted: sql`contacted` })})::int as on_pace,
             -- campaignTally: a closed lead never contacted took no place in the campaign.
             count(*) filter (where contacted or not closed)::int as in_campaign,
             count(*) filter (where contacted)::int as contacted,
             count(*) filter (where first_day between date_trunc('week', c.today)::date and date_trunc('week', c.today)::date + 6)::int
               as first_contacts_this_week,
             max(coalesce(first_day, planned_first_contact)) filter (where contacted or not closed)::text as campaign_last_day,
             max(latest_at) as last_at,
             max(last_day) as last_day
      from (
        select f.lead_id is not null as contacted, f.first_day, f.last_day, f.latest_at, f.unanswered,
               l.planned_first_contact, l.closed_at is not null as closed,
               ${pacedSql(paceInputs)} as active,
               ${daysLateSql(paceInputs)} as days_late
        from ${leads} l
        left join ${leadTouchFacts} f on f.lead_id = l.id and f.user_id = c.seeker_id
        where l.user_id = c.seeker_id
        -- Not folded into the counts above: each lead's pace is worked out once.
        offset 0
      ) lead_paces
    ) ls
    cross join lateral (
      select coalesce(sum(d.outbound), 0)::int as outbound, coalesce(sum(d.phone_outbound), 0)::int as phone_outbound,
             coalesce(sum(d.too_soon), 0)::int as too_soon,
             (json_agg(${day(sql`d.local_date`)}) filter (where d.calls > 0))::text as call_days
      from ${touchDays} d
      where d.user_id = c.seeker_id
    ) ds
    -- Outbound touches per week (on its Monday) from the campaign's first week.
    cross join lateral (
      select json_agg(json_build_array(${day(sql`w.monday`)}, w.outbound))::text as outbound_weeks
      from (
        select date_trunc('week', d.local_date)::date as monday, sum(d.outbound)::int as outbound
        from ${touchDays} d
        where d.user_id = c.seeker_id and d.outbound > 0 and d.local_date >= date_trunc('week', c.campaign_start_date)::date
        group by 1
      ) w
    ) ws
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
    campaignTally: {
      inCampaign: Number(row.in_campaign),
      contacted: Number(row.contacted),
      firstContactsThisWeek: Number(row.first_contacts_this_week),
      lastDay: row.campaign_last_day,
    },
    touches: {
      outbound: Number(row.outbound),
      phoneOutbound: Number(row.phone_outbound),
      tooSoon: Number(row.too_soon),
      lastAt: row.last_at_ms === null ? null : new Date(Number(row.last_at_ms)),
      lastDay: row.last_day === null ? null : calendarDateOf(Number(row.last_day)),
    },
    callDays: row.call_days ? (JSON.parse(row.call_days) as number[]).map(calendarDateOf) : [],
    outboundByDay: row.outbound_weeks
      ? (JSON.parse(row.outbound_weeks) as [number, number][]).map(([day, outbound]) => ({ day, outbound }))
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
