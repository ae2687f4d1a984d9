import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { CalendarDate, Channel, ClosedAs, Direction, Outcome, PaceState } from "@/lib/domain";
import { SAMPLE_EMAIL_DOMAIN } from "@/lib/leads/sample";
import {
  LEADS_PAGE_SIZE,
  SEARCH_FOLD,
  searchWords,
  STATE_SORT_RANK,
  type LeadCursor,
  type LeadListQuery,
} from "@/lib/leads/page";
import type { MatchingFilter } from "@/lib/leads/page-query";
import { isUuid } from "@/lib/ids";
import { rowsOf, type Db } from "../client";
import { coachLinks, leads, touches, users } from "../schema";
import { isColdSql, isOverdueSql, nextDueSql, pacedSql } from "./pace-sql";

/*
 * The Leads list a page at a time: filter, search, sort and keyset paging all in SQL, so a page
 * costs the same two statements with 50 leads or 5,000, and its HTML does not grow with the list.
 * Pace (state, next due) comes from the SQL statement of the pace rule (pace-sql.ts); the
 * property tests in leads-page.test.ts hold it equal to leadPace.
 */

/** A row of the list: what the table shows and what pace needs, and the lead's place in the list order. */
export type LeadPageRow = {
  id: string;
  company: string;
  contactName: string;
  title: string;
  /** 1-based place in the campaign's list order (what "Move to position" speaks of). */
  rank: number;
  cadenceDays: number;
  plannedFirstContact: CalendarDate | null;
  nextDueOverride: CalendarDate | null;
  nextDueOverrideSetAt: Date | null;
  pausedUntil: CalendarDate | null;
  closedAt: Date | null;
  closedAs: ClosedAs | null;
  lastTouch: { at: Date; channel: Channel; direction: Direction; outcome: Outcome | null } | null;
  /** Pace as SQL computed it by leadPace's rule (the tests hold them equal). */
  state: PaceState;
  nextDue: CalendarDate | null;
  /** Days since next due when overdue or cold, 0 otherwise. */
  daysOverdue: number;
  /** The sort key of this row, for the cursor of the page after or before it. */
  cursor: LeadCursor;
};

export type LeadPage = {
  rows: LeadPageRow[];
  /** Leads matching the filter, on every page. */
  matching: number;
  /** All the seeker's leads. */
  total: number;
  /** Matching leads before this page's first row (the page shows rows offset+1 …). */
  offset: number;
  /** Where the next and previous pages start; null at an end. */
  next: LeadCursor | null;
  previous: LeadCursor | null;
  /** The sample leads among them: while there is one, Leads offers to clear the sample. */
  sampleCount: number;
};

/** Whose leads, when, in which zone; with `coachId`, only while that coach has a live connection (read in the same statement). */
type Scope = { userId: string; now: Date; timeZone: string; coachId?: string };

/** Every lead of the seeker with its pace in SQL, its list rank and its last touch: the CTE `keyed`. */
function keyedLeads({ userId, now, timeZone, coachId }: Scope): SQL {
  const consent =
    coachId === undefined
      ? sql``
      : sql`and exists (select 1 from ${coachLinks} cl where cl.coach_id = ${coachId} and cl.seeker_id = l.user_id and cl.ended_at is null)`;
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${timeZone})::date`;
  // The last touch as leadPace reads it: the latest by its stored local date, then instant.
  const pace = {
    contactDays: sql`((select u.contact_days from ${users} u where u.id = ${userId})::smallint[])`,
    lastTouchDay: sql`lt.local_date`,
    lastTouchDirection: sql`lt.direction`,
    lastTouchOutcome: sql`lt.outcome`,
    latestTouchAt: sql`lt.latest_at`,
  };
  const stateRank = (state: PaceState) => sql.raw(String(STATE_SORT_RANK[state]));
  return sql`
    paced as (
      select l.id, l.company, l.contact_name, l.title, l.email, l.cadence_days, l.planned_first_contact,
             l.next_due_override, l.next_due_override_set_at, l.paused_until, l.closed_at, l.closed_as,
             lt.at as last_at, lt.channel as last_channel, lt.direction as last_direction, lt.outcome as last_outcome,
             row_number() over (order by l.position, l.created_at, l.id)::int as rank,
             ${today} as today,
             ${pacedSql({ today })} as paced,
             ${nextDueSql(pace)} as plan_due
      from ${leads} l
      left join lateral (
        select t.at, t.channel, t.direction, t.outcome, t.local_date,
               (select max(t2.at) from ${touches} t2 where t2.lead_id = l.id) as latest_at
        from ${touches} t
        where t.lead_id = l.id and t.user_id = ${userId}
        order by t.local_date desc, t.at desc, t.created_at desc
        limit 1
      ) lt on true
      where l.user_id = ${userId} ${consent}
    ),
    timed as (
      select *, case when paced then plan_due end as next_due, case when paced then today - plan_due end as days_late
      from paced
    ),
    keyed as (
      select *,
             case
               when closed_at is not null then 'closed'
               when not paced then 'paused'
               when next_due is null then 'unplanned'
               when ${isColdSql(sql`days_late`)} then 'cold'
               when ${isOverdueSql(sql`days_late`)} then 'overdue'
               when days_late = 0 then 'due_today'
               else 'upcoming'
             end as state,
             case
               when closed_at is not null then ${stateRank("closed")}
               when not paced then ${stateRank("paused")}
               when next_due is null then ${stateRank("unplanned")}
               when ${isColdSql(sql`days_late`)} then ${stateRank("cold")}
               when ${isOverdueSql(sql`days_late`)} then ${stateRank("overdue")}
               when days_late = 0 then ${stateRank("due_today")}
               else ${stateRank("upcoming")}
             end as state_rank,
             translate(lower(company || ' ' || contact_name), ${SEARCH_FOLD.from}, ${SEARCH_FOLD.to}) as haystack
      from timed
    )`;
}

/** The filter: a state, and every search word in the company or the person's name. */
function matchesSql({ state, search }: MatchingFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (state !== "all") conditions.push(sql`state = ${state}`);
  for (const word of searchWords(search)) conditions.push(sql`position(${word} in haystack) > 0`);
  return sql.join(conditions, sql` and `);
}

/** The sort key (a column of `keyed`) and how to write a cursor's key as SQL of the same type. */
function sortKey(query: Pick<LeadListQuery, "sort" | "dir">): { key: SQL; literal: (value: LeadCursor["key"]) => SQL } {
  switch (query.sort) {
    case "order":
      return { key: sql`0::int`, literal: () => sql`0::int` };
    case "company":
      return {
        key: sql`translate(lower(company), ${SEARCH_FOLD.from}, ${SEARCH_FOLD.to}) collate "C"`, literal: (value) => sql`(${String(value ?? "")}::text collate "C")` };
    case "state":
      return { key: sql`state_rank`, literal: (value) => sql`${Number(value ?? 0)}::int` };
    case "next_due": {
      // Leads without a next due (closed, paused, not planned) come last either way.
      const none = query.dir === "asc" ? "9999-12-31" : "0001-01-01";
      return {
        key: sql`coalesce(next_due, ${none}::date)`,
        literal: (value) => sql`${typeof value === "string" ? value : none}::date`,
      };
    }
  }
}

type PageRow = {
  id: string;
  company: string;
  contact_name: string;
  title: string;
  rank: number;
  cadence_days: number;
  planned_first_contact: string | null;
  next_due_override: string | null;
  next_due_override_set_at: string | Date | null;
  paused_until: string | null;
  closed_at: string | Date | null;
  closed_as: ClosedAs | null;
  last_at: string | Date | null;
  last_channel: Channel | null;
  last_direction: Direction | null;
  last_outcome: Outcome | null;
  state: PaceState;
  next_due: string | null;
  days_late: number;
  sort_key: string | number;
};

function dateOrNull(value: string | Date | null): Date | null {
  return value === null ? null : new Date(value);
}

function dayOrNull(value: string | Date | null): CalendarDate | null {
  if (value === null) return null;
  return (value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10)) as CalendarDate;
}

function toRow(row: PageRow, sort: LeadListQuery["sort"]): LeadPageRow {
  const key = sort === "order" ? null : sort === "state" ? Number(row.sort_key) : String(row.sort_key);
  return {
    id: row.id,
    company: row.company,
    contactName: row.contact_name,
    title: row.title,
    rank: Number(row.rank),
    cadenceDays: Number(row.cadence_days),
    plannedFirstContact: dayOrNull(row.planned_first_contact),
    nextDueOverride: dayOrNull(row.next_due_override),
    nextDueOverrideSetAt: dateOrNull(row.next_due_override_set_at),
    pausedUntil: dayOrNull(row.paused_until),
    closedAt: dateOrNull(row.closed_at),
    closedAs: row.closed_as,
    lastTouch:
      row.last_at !== null && row.last_channel && row.last_direction
        ? { at: new Date(row.last_at), channel: row.last_channel, direction: row.last_direction, outcome: row.last_outcome }
        : null,
    state: row.state,
    nextDue: dayOrNull(row.next_due),
    daysOverdue: row.state === "overdue" || row.state === "cold" ? Number(row.days_late) : 0,
    cursor: { key, rank: Number(row.rank) },
  };
}

/**
 * One page of the seeker's leads, as the query says: the filter, the sort, and where to start.
 * Two statements whatever the number of leads: the page (one row more than it shows, to know
 * whether another follows) and the counts.
 */
export async function listLeadsPage(
  db: Db,
  { userId, now, timeZone, coachId, query, pageSize = LEADS_PAGE_SIZE }: Scope & { query: LeadListQuery; pageSize?: number },
): Promise<LeadPage> {
  const { key, literal } = sortKey(query);
  const backwards = query.before !== null;
  const cursor = query.after ?? query.before;
  // Going back reads the rows before the cursor in reverse order, then turns them round.
  const ascending = (query.dir === "asc") !== backwards;
  const past = (at: LeadCursor) => sql`(${key}, rank) ${sql.raw(ascending ? ">" : "<")} (${literal(at.key)}, ${at.rank}::int)`;
  const order = sql.raw(ascending ? "asc" : "desc");
  const result = await db.execute(sql`
    with ${keyedLeads({ userId, now, timeZone, coachId })}
    select id, company, contact_name, title, rank, cadence_days, planned_first_contact::text as planned_first_contact,
           next_due_override::text as next_due_override, next_due_override_set_at, paused_until::text as paused_until,
           closed_at, closed_as, last_at, last_channel, last_direction, last_outcome, state,
           next_due::text as next_due, coalesce(days_late, 0)::int as days_late, ${key} as sort_key
    from keyed
    where ${matchesSql(query)} and ${cursor ? past(cursor) : sql`true`}
    order by ${key} ${order}, rank ${order}
    limit ${pageSize + 1}`);
  const fetched = rowsOf<PageRow>(result).map((row) => toRow(row, query.sort));
  const more = fetched.length > pageSize;
  const rows = fetched.slice(0, pageSize);
  if (backwards) rows.reverse();

  // Counted before the first row in the page's own order (descending: those above it come after in key order).
  const firstRow = rows[0];
  const before = firstRow
    ? sql`(${key}, rank) ${sql.raw(query.dir === "asc" ? "<" : ">")} (${literal(firstRow.cursor.key)}, ${firstRow.cursor.rank}::int)`
    : sql`false`;
  const counts = rowsOf<{ matching: number; total: number; offset: number; sample_count: number }>(
    await db.execute(sql`
      with ${keyedLeads({ userId, now, timeZone, coachId })}
      select count(*) filter (where ${matchesSql(query)})::int as matching,
             count(*)::int as total,
             count(*) filter (where ${matchesSql(query)} and ${before})::int as offset,
             count(*) filter (where lower(email) like ${`%@${SAMPLE_EMAIL_DOMAIN}`})::int as sample_count
      from keyed`),
  )[0]!;
  const total = Number(counts.total);
  const hasBefore = backwards ? more : query.after !== null;
  const hasAfter = backwards ? true : more;
  return {
    rows,
    matching: Number(counts.matching),
    total,
    offset: Number(counts.offset),
    next: hasAfter && rows.length > 0 ? rows[rows.length - 1]!.cursor : null,
    previous: hasBefore && rows.length > 0 ? rows[0]!.cursor : null,
    sampleCount: Number(counts.sample_count),
  };
}

/** The ids of every lead matching the filter, in list order ("Select all N matching"). One statement. */
export async function listMatchingLeadIds(db: Db, { userId, now, timeZone, filter }: Scope & { filter: MatchingFilter }): Promise<string[]> {
  const result = await db.execute(sql`
    with ${keyedLeads({ userId, now, timeZone })}
    select id from keyed where ${matchesSql(filter)} order by rank`);
  return rowsOf<{ id: string }>(result).map((row) => row.id);
}

/** How many leads the seeker has. */
export async function countLeads(db: Db, { userId }: { userId: string }): Promise<number> {
  const rows = rowsOf<{ count: number }>(
    await db.execute(sql`select count(*)::int as count from ${leads} where ${leads.userId} = ${userId}`),
  );
  return Number(rows[0]?.count ?? 0);
}

export type ClientTouchRow = {
  id: string;
  at: Date;
  channel: Channel;
  direction: Direction;
  outcome: Outcome | null;
  note: string;
  tooSoon: boolean;
  /** The calendar day it was logged on, in the seeker's zone then. */
  localDate: CalendarDate;
  company: string;
};

/**
 * A coach's client's touches, newest first, `pageSize` at a time: those older than the touch
 * `olderThan` (keyset on time, then id), only while the coach's connection is live (joined in
 * the same statement). One statement; `more` says whether older ones follow.
 */
export async function listClientTouchesPage(
  db: Db,
  { coachId, seekerId, olderThan, pageSize = LEADS_PAGE_SIZE }: { coachId: string; seekerId: string; olderThan: string | null; pageSize?: number },
): Promise<{ touches: ClientTouchRow[]; more: boolean; total: number }> {
  const after = olderThan && isUuid(olderThan)
    ? sql`and (t.at, t.id) < (select c.at, c.id from ${touches} c where c.id = ${olderThan} and c.user_id = ${seekerId})`
    : sql``;
  const result = await db.execute(sql`
    select t.id, t.at, t.channel, t.direction, t.outcome, t.note, t.too_soon, t.local_date::text as local_date, l.company,
           (select count(*)::int from ${touches} a where a.user_id = ${seekerId}) as total
    from ${touches} t
    join ${leads} l on l.id = t.lead_id
    join ${coachLinks} cl on cl.coach_id = ${coachId} and cl.seeker_id = t.user_id and cl.ended_at is null
    where t.user_id = ${seekerId} ${after}
    order by t.at desc, t.id desc
    limit ${pageSize + 1}`);
  const rows = rowsOf<{
    id: string;
    at: string | Date;
    channel: Channel;
    direction: Direction;
    outcome: Outcome | null;
    note: string;
    too_soon: boolean;
    local_date: string;
    company: string;
    total: number;
  }>(result);
  return {
    touches: rows.slice(0, pageSize).map((row) => ({
      id: row.id,
      at: new Date(row.at),
      channel: row.channel,
      direction: row.direction,
      outcome: row.outcome,
      note: row.note,
      localDate: row.local_date as CalendarDate,
      tooSoon: row.too_soon,
      company: row.company,
    })),
    more: rows.length > pageSize,
    total: Number(rows[0]?.total ?? 0),
  };
}
