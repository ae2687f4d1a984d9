CREATE TABLE "client_facts" (
	"seeker_id" uuid PRIMARY KEY NOT NULL,
	"today" date NOT NULL,
	"leads_total" integer NOT NULL,
	"overdue" integer NOT NULL,
	"cold" integer NOT NULL,
	"quiet" integer NOT NULL,
	"active_contacted" integer NOT NULL,
	"on_pace" integer NOT NULL,
	"in_campaign" integer NOT NULL,
	"contacted" integer NOT NULL,
	"first_contacts_this_week" integer NOT NULL,
	"campaign_last_day" date,
	"last_at" timestamp with time zone,
	"last_day" date,
	"outbound" integer NOT NULL,
	"phone_outbound" integer NOT NULL,
	"too_soon" integer NOT NULL,
	"streak" integer NOT NULL,
	"called_today" boolean NOT NULL,
	"outbound_weeks" jsonb
);
--> statement-breakpoint
ALTER TABLE "client_facts" ADD CONSTRAINT "client_facts_seeker_id_users_id_fk" FOREIGN KEY ("seeker_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A coached seeker's figures for the Clients page on their calendar day (the day `instant` falls on
-- in their zone): the rule of db/queries/pace-sql.ts (leadPace) per lead, quiet (quietState), the
-- campaign's tally (campaignTally), the daily call (dailyCall) and outbound touches per week, read
-- from lead_touch_facts and touch_days (migration 0011), never from touches. Days are numbered from 1970-01-01. db/queries/coach-clients.test.ts holds it equal to
-- lib/domain on generated histories.
CREATE FUNCTION client_facts_at(seekers uuid[], instant timestamptz) RETURNS SETOF client_facts
LANGUAGE sql STABLE AS $$
  WITH clients AS MATERIALIZED (
    SELECT u.id AS seeker_id, u.campaign_start_date, u.contact_days, (instant AT TIME ZONE u.time_zone)::date AS today
    FROM users u WHERE u.id = ANY(seekers)
  )
  SELECT c.seeker_id, c.today,
         ls.leads_total, ls.overdue, ls.cold, ls.quiet, ls.active_contacted, ls.on_pace, ls.in_campaign, ls.contacted,
         ls.first_contacts_this_week, ls.campaign_last_day, ls.last_at, ls.last_day,
         ds.outbound, ds.phone_outbound, ds.too_soon, dc.streak, dc.called_today, ws.outbound_weeks
  FROM clients c
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS leads_total,
           -- Overdue: next due passed 1 to 7 days ago (COLD_AFTER_DAYS); cold: more than 7.
           (count(*) FILTER (WHERE days_late BETWEEN 1 AND 7))::int AS overdue,
           (count(*) FILTER (WHERE days_late > 7))::int AS cold,
           -- Quiet: QUIET_AFTER_TOUCHES (3) unanswered touches in a row.
           (count(*) FILTER (WHERE active AND unanswered >= 3))::int AS quiet,
           (count(*) FILTER (WHERE active AND contacted))::int AS active_contacted,
           (count(*) FILTER (WHERE active AND contacted AND days_late <= 0))::int AS on_pace,
           -- campaignTally: a closed lead never contacted took no place in the campaign.
           (count(*) FILTER (WHERE contacted OR NOT closed))::int AS in_campaign,
           (count(*) FILTER (WHERE contacted))::int AS contacted,
           (count(*) FILTER (WHERE first_day BETWEEN date_trunc('week', c.today)::date AND date_trunc('week', c.today)::date + 6))::int
             AS first_contacts_this_week,
           max(coalesce(first_day, planned_first_contact)) FILTER (WHERE contacted OR NOT closed) AS campaign_last_day,
           max(latest_at) AS last_at,
           max(last_day) AS last_day
    FROM (
      SELECT p.*, CASE WHEN p.active THEN c.today - p.next_due END AS days_late
      FROM (
        SELECT f.lead_id IS NOT NULL AS contacted, f.first_day, f.last_day, f.latest_at, f.unanswered,
               l.planned_first_contact, l.closed_at IS NOT NULL AS closed,
               -- Open and not paused today (a pause ending today is over).
               (l.closed_at IS NULL AND (l.paused_until IS NULL OR l.paused_until <= c.today)) AS active,
               -- Next due, in leadPace's order (pace-sql.ts, nextDueSql).
               CASE
                 WHEN l.next_due_override IS NOT NULL
                      AND (f.latest_at IS NULL OR (l.next_due_override_set_at IS NOT NULL AND f.latest_at < l.next_due_override_set_at))
                   THEN l.next_due_override
                 WHEN l.paused_until IS NOT NULL AND (f.last_day IS NULL OR f.last_day < l.paused_until) THEN l.paused_until
                 WHEN f.last_day IS NULL THEN l.planned_first_contact
                 WHEN f.last_outcome IN ('conversation', 'meeting_set')
                   THEN (SELECT min(f.last_day + k) FROM generate_series(1, 7) k WHERE extract(dow FROM f.last_day + k)::int = ANY(c.contact_days))
                 WHEN f.last_direction = 'inbound' THEN f.last_day
                 ELSE f.last_day + l.cadence_days::int
               END AS next_due
        FROM leads l
        LEFT JOIN lead_touch_facts f ON f.lead_id = l.id AND f.user_id = c.seeker_id
        WHERE l.user_id = c.seeker_id
        OFFSET 0
      ) p
    ) lead_paces
  ) ls
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(d.outbound), 0)::int AS outbound, coalesce(sum(d.phone_outbound), 0)::int AS phone_outbound,
           coalesce(sum(d.too_soon), 0)::int AS too_soon
    FROM touch_days d
    WHERE d.user_id = c.seeker_id
  ) ds
  -- The daily call (dailyCall): walking back from today over the contact days, each with a counted
  -- call (`calls`: outbound by phone, not too soon) adds to the streak, and the first one without a
  -- call ends it (today, still open, does not). That one is the latest contact day without a call
  -- between two call days, or between the last one and today: a gap holds at most 7 days to look at
  -- (any 7 days in a row hold every weekday). Before the first call, the walk has stopped anyway.
  CROSS JOIN LATERAL (
    SELECT coalesce(bool_or(k.local_date = c.today), false) AS called_today,
           (count(*) FILTER (WHERE extract(dow FROM k.local_date)::int = ANY(c.contact_days)
                               AND k.local_date > coalesce(b.broken_on, '-infinity'::date)))::int AS streak
    FROM touch_days k
    CROSS JOIN (
      SELECT max(g.next_day - n) AS broken_on
      FROM (
        SELECT d.local_date, lead(d.local_date, 1, c.today) OVER (ORDER BY d.local_date) AS next_day
        FROM touch_days d
        WHERE d.user_id = c.seeker_id AND d.calls > 0 AND d.local_date <= c.today
      ) g
      CROSS JOIN generate_series(1, 7) n
      WHERE g.next_day - n > g.local_date AND extract(dow FROM g.next_day - n)::int = ANY(c.contact_days)
    ) b
    WHERE k.user_id = c.seeker_id AND k.calls > 0 AND k.local_date <= c.today
  ) dc
  -- Outbound touches per week (on its Monday) from the campaign's first week.
  CROSS JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_array(w.monday - date '1970-01-01', w.outbound) ORDER BY w.monday) AS outbound_weeks
    FROM (
      SELECT date_trunc('week', d.local_date)::date AS monday, sum(d.outbound)::int AS outbound
      FROM touch_days d
      WHERE d.user_id = c.seeker_id AND d.outbound > 0 AND d.local_date >= date_trunc('week', c.campaign_start_date)::date
      GROUP BY 1
    ) w
  ) ws
$$;
--> statement-breakpoint
-- Brings the rows of these seekers to the figures of `instant`'s day: a seeker with a live coach
-- link gets their row computed again, any other loses it. Two writers of one seeker's data take
-- turns (the seeker's user row, locked first): the second computes after the first commits and (read
-- committed) sees its writes.
CREATE FUNCTION refresh_client_facts(seekers uuid[], instant timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  coached uuid[];
BEGIN
  IF coalesce(cardinality(seekers), 0) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM users u WHERE u.id = ANY(seekers) ORDER BY u.id FOR NO KEY UPDATE OF u;
  coached := ARRAY(SELECT DISTINCT cl.seeker_id FROM coach_links cl WHERE cl.seeker_id = ANY(seekers) AND cl.ended_at IS NULL);
  DELETE FROM client_facts f WHERE f.seeker_id = ANY(seekers) AND NOT f.seeker_id = ANY(coached);
  IF cardinality(coached) = 0 THEN RETURN; END IF;
  INSERT INTO client_facts AS f
  SELECT * FROM client_facts_at(coached, instant)
  ON CONFLICT (seeker_id) DO UPDATE
  SET today = excluded.today, leads_total = excluded.leads_total, overdue = excluded.overdue, cold = excluded.cold,
      quiet = excluded.quiet, active_contacted = excluded.active_contacted, on_pace = excluded.on_pace,
      in_campaign = excluded.in_campaign, contacted = excluded.contacted,
      first_contacts_this_week = excluded.first_contacts_this_week, campaign_last_day = excluded.campaign_last_day,
      last_at = excluded.last_at, last_day = excluded.last_day, outbound = excluded.outbound,
      phone_outbound = excluded.phone_outbound, too_soon = excluded.too_soon, streak = excluded.streak,
      called_today = excluded.called_today, outbound_weeks = excluded.outbound_weeks;
END $$;
--> statement-breakpoint
-- Touches: after the summaries of migration 0011 are current. Triggers on one event fire in the
-- order of their names, so each of these is named after the summaries' trigger it must follow.
CREATE FUNCTION touches_keep_client_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_client_facts(ARRAY(SELECT DISTINCT user_id FROM new_rows), now());
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM refresh_client_facts(ARRAY(SELECT user_id FROM new_rows UNION SELECT user_id FROM old_rows), now());
  ELSE
    PERFORM refresh_client_facts(ARRAY(SELECT DISTINCT user_id FROM old_rows), now());
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER touches_summaries_insert_then_client_facts AFTER INSERT ON touches REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touches_keep_client_facts();
--> statement-breakpoint
CREATE TRIGGER touches_summaries_update_then_client_facts AFTER UPDATE ON touches REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touches_keep_client_facts();
--> statement-breakpoint
CREATE TRIGGER touches_summaries_delete_then_client_facts AFTER DELETE ON touches REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touches_keep_client_facts();
--> statement-breakpoint
-- Leads: a new or deleted lead, or a change to what the figures read of one (the pace's columns,
-- the plan, the close; not its notes, nor the pace job's cold flag).
CREATE FUNCTION leads_keep_client_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_client_facts(ARRAY(SELECT DISTINCT user_id FROM new_rows), now());
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM refresh_client_facts(ARRAY(
      SELECT x.user_id
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES (n.user_id), (o.user_id)) x(user_id)
      WHERE (n.user_id, n.cadence_days, n.planned_first_contact, n.next_due_override, n.next_due_override_set_at, n.paused_until, n.closed_at)
            IS DISTINCT FROM (o.user_id, o.cadence_days, o.planned_first_contact, o.next_due_override, o.next_due_override_set_at, o.paused_until, o.closed_at)
      GROUP BY x.user_id
    ), now());
  ELSE
    PERFORM refresh_client_facts(ARRAY(SELECT DISTINCT user_id FROM old_rows), now());
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER leads_client_facts_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION leads_keep_client_facts();
--> statement-breakpoint
CREATE TRIGGER leads_client_facts_update AFTER UPDATE ON leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION leads_keep_client_facts();
--> statement-breakpoint
CREATE TRIGGER leads_client_facts_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION leads_keep_client_facts();
--> statement-breakpoint
-- The seeker's settings the figures read: their zone (their day), contact days and campaign start.
CREATE FUNCTION users_keep_client_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_client_facts(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.time_zone, n.contact_days, n.campaign_start_date) IS DISTINCT FROM (o.time_zone, o.contact_days, o.campaign_start_date)
  ), now());
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_client_facts_update AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION users_keep_client_facts();
--> statement-breakpoint
-- Coach links: a seeker gets a row with their first live link and loses it with their last.
CREATE FUNCTION coach_links_keep_client_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_client_facts(ARRAY(SELECT DISTINCT seeker_id FROM new_rows), now());
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM refresh_client_facts(ARRAY(SELECT seeker_id FROM new_rows UNION SELECT seeker_id FROM old_rows), now());
  ELSE
    PERFORM refresh_client_facts(ARRAY(SELECT DISTINCT seeker_id FROM old_rows), now());
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coach_links_client_facts_insert AFTER INSERT ON coach_links REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coach_links_keep_client_facts();
--> statement-breakpoint
CREATE TRIGGER coach_links_client_facts_update AFTER UPDATE ON coach_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coach_links_keep_client_facts();
--> statement-breakpoint
CREATE TRIGGER coach_links_client_facts_delete AFTER DELETE ON coach_links REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coach_links_keep_client_facts();
--> statement-breakpoint
-- Kept in replica mode too (the benches' seeds), as the summaries of migration 0011.
ALTER TABLE touches ENABLE ALWAYS TRIGGER touches_summaries_insert_then_client_facts;
--> statement-breakpoint
ALTER TABLE touches ENABLE ALWAYS TRIGGER touches_summaries_update_then_client_facts;
--> statement-breakpoint
ALTER TABLE touches ENABLE ALWAYS TRIGGER touches_summaries_delete_then_client_facts;
--> statement-breakpoint
ALTER TABLE leads ENABLE ALWAYS TRIGGER leads_client_facts_insert;
--> statement-breakpoint
ALTER TABLE leads ENABLE ALWAYS TRIGGER leads_client_facts_update;
--> statement-breakpoint
ALTER TABLE leads ENABLE ALWAYS TRIGGER leads_client_facts_delete;
--> statement-breakpoint
ALTER TABLE users ENABLE ALWAYS TRIGGER users_client_facts_update;
--> statement-breakpoint
ALTER TABLE coach_links ENABLE ALWAYS TRIGGER coach_links_client_facts_insert;
--> statement-breakpoint
ALTER TABLE coach_links ENABLE ALWAYS TRIGGER coach_links_client_facts_update;
--> statement-breakpoint
ALTER TABLE coach_links ENABLE ALWAYS TRIGGER coach_links_client_facts_delete;
--> statement-breakpoint
-- The rows of the seekers coached now.
SELECT refresh_client_facts(ARRAY(SELECT DISTINCT seeker_id FROM coach_links WHERE ended_at IS NULL), now());
