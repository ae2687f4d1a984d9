import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ClientFacts } from "@/lib/coach/metrics";
import { isUuid } from "@/lib/ids";
import { rowsOf, type Db } from "../client";
import { clientFacts, coachLinks, users } from "../schema";

/** The coach's read-only view of their clients' figures (their leads and touches: leads-page.ts). */

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
  /** In the client's zone. */
  last_day: string | null;
  streak: number;
  called_today: boolean;
  /** JSON [[Monday, outbound], …]: outbound touches per week since the campaign's first week. */
  outbound_weeks: string | null;
};

/** The columns of `client_facts` (and of the function `client_facts_at`) as FactsRow reads them. */
const factsColumns = (x: SQL) => sql`
  ${x}.leads_total, ${x}.overdue, ${x}.cold, ${x}.quiet, ${x}.active_contacted, ${x}.on_pace,
  ${x}.in_campaign, ${x}.contacted, ${x}.first_contacts_this_week, ${x}.campaign_last_day::text as campaign_last_day,
  (extract(epoch from ${x}.last_at) * 1000)::float8 as last_at_ms,
  ${x}.last_day::text as last_day,
  ${x}.outbound, ${x}.phone_outbound, ${x}.too_soon, ${x}.streak, ${x}.called_today, ${x}.outbound_weeks::text as outbound_weeks`;

/**
 * Every live client's facts in one statement, whatever the number of clients, leads and touches:
 * each client's figures of today are one row of `client_facts`, kept in each writing transaction by
 * triggers (migration 0012), so the page reads a row per client. A client whose row is not of their
 * today (their day began since their last write, and the pace job has not run since) is computed
 * in the same statement by `client_facts_at`, the function that fills the rows: each lead's pace
 * state (pace-sql.ts's rule of lib/domain), quiet (quietState), the campaign's tally
 * (campaignTally), the daily call's streak (dailyCall) and outbound touches per week, each day in
 * the client's own zone, from the summaries of migration 0011 (no touch is read). lib/coach/metrics
 * turns them into figures with the seeker's own functions (campaignFiguresOfTally, onPaceShare). coach-clients.test.ts holds the function equal to lib/domain on generated
 * histories, and the rows equal to the function after any sequence of writes.
 */
export async function listClientFacts(
  db: Db,
  { coachId, now, seekerId }: { coachId: string; now: Date; seekerId?: string },
): Promise<ClientFacts[]> {
  if (seekerId !== undefined && !isUuid(seekerId)) return [];
  const onlySeeker = seekerId === undefined ? sql`` : sql`and cl.seeker_id = ${seekerId}`;
  const at = now.toISOString();
  const result = await db.execute(sql`
    with clients as materialized (
      select u.id as seeker_id, u.name, u.time_zone, u.campaign_start_date, u.first_contacts_per_week,
             u.contact_days,
             (${at}::timestamptz at time zone u.time_zone)::date as today
      from ${coachLinks} cl
      join ${users} u on u.id = cl.seeker_id
      where cl.coach_id = ${coachId} and cl.ended_at is null ${onlySeeker}
    ),
    kept as materialized (
      select ${clientFacts}.* from clients c
      join ${clientFacts} on ${clientFacts.seekerId} = c.seeker_id and ${clientFacts.today} = c.today
    ),
    facts as (
      select * from kept
      union all
      -- Called only when some client's row is not of their today.
      select x.* from (
        select array(select c.seeker_id from clients c where c.seeker_id not in (select seeker_id from kept)) as ids
      ) stale
      cross join lateral client_facts_at(stale.ids, ${at}::timestamptz) x
      where cardinality(stale.ids) > 0
    )
    select c.seeker_id, c.name, c.time_zone, c.today::text as today,
           c.campaign_start_date::text as campaign_start_date, c.first_contacts_per_week,
           array_to_json(c.contact_days)::text as contact_days,
           ${factsColumns(sql`f`)}
    from clients c
    join facts f on f.seeker_id = c.seeker_id
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
      lastDay: row.last_day,
    },
    dailyCall: { streak: Number(row.streak), madeToday: row.called_today },
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
