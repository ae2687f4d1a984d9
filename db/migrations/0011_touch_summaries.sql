CREATE TABLE "lead_touch_facts" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"last_direction" text NOT NULL,
	"last_outcome" text,
	"latest_at" timestamp with time zone NOT NULL,
	"unanswered" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "touch_days" (
	"user_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"touches" integer NOT NULL,
	"outbound" integer NOT NULL,
	"phone_outbound" integer NOT NULL,
	"calls" integer NOT NULL,
	"too_soon" integer NOT NULL,
	CONSTRAINT "touch_days_user_id_local_date_pk" PRIMARY KEY("user_id","local_date")
);
--> statement-breakpoint
ALTER TABLE "lead_touch_facts" ADD CONSTRAINT "lead_touch_facts_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_touch_facts" ADD CONSTRAINT "lead_touch_facts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touch_days" ADD CONSTRAINT "touch_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_touch_facts_user_idx" ON "lead_touch_facts" USING btree ("user_id");
--> statement-breakpoint
-- What the coach's Clients page reads instead of the touches (db/queries/coach-clients.ts): each
-- lead's history in one row, and each seeker's outbound counts per day. Triggers on touches keep
-- both current in the writing statement's own transaction, whichever path writes (a touch, a
-- correction, the too-soon reflag, an import, a deletion, a cascade), and ENABLE ALWAYS keeps them
-- firing in replica mode (the benches' seeds). They work per statement, on its transition tables,
-- so a bulk insert costs one set-based refresh rather than one per row.
CREATE FUNCTION refresh_lead_touch_facts(lead_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Two writers of one lead's touches take turns: the second recomputes after the first commits,
  -- and (read committed) its next statement sees the first one's touch.
  PERFORM 1 FROM leads l JOIN unnest(lead_ids) AS x(id) ON l.id = x.id ORDER BY l.id FOR NO KEY UPDATE OF l;
  DELETE FROM lead_touch_facts f USING unnest(lead_ids) AS x(id) WHERE f.lead_id = x.id;
  -- `back` numbers each lead's touches from the latest (by day, then instant), as quietState and
  -- leadPace order them; the touches after the latest answered one are its unanswered run.
  -- Answered: inbound, or an outcome of ANSWERED_OUTCOMES (lib/domain/touch.ts).
  INSERT INTO lead_touch_facts (lead_id, user_id, first_day, last_day, last_direction, last_outcome, latest_at, unanswered)
  SELECT h.lead_id, l.user_id, min(h.local_date), max(h.local_date),
         min(h.direction) FILTER (WHERE h.back = 1), min(h.outcome) FILTER (WHERE h.back = 1),
         max(h.at),
         coalesce(min(h.back) FILTER (WHERE h.answered) - 1, count(*))
  FROM (
    SELECT t.lead_id, t.local_date, t.at, t.direction, t.outcome,
           (t.direction = 'inbound' OR t.outcome IN ('conversation', 'replied', 'meeting_set', 'referral', 'rejected', 'offer')) AS answered,
           row_number() OVER (PARTITION BY t.lead_id ORDER BY t.local_date DESC, t.at DESC) AS back
    FROM touches t JOIN unnest(lead_ids) AS x(id) ON t.lead_id = x.id
  ) h
  JOIN leads l ON l.id = h.lead_id
  GROUP BY h.lead_id, l.user_id;
END $$;
--> statement-breakpoint
CREATE FUNCTION touches_keep_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  lead_ids uuid[];
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    -- Take the old rows' counts away; never insert here (a cascade may have removed the seeker).
    UPDATE touch_days d
    SET touches = d.touches - o.touches, outbound = d.outbound - o.outbound, phone_outbound = d.phone_outbound - o.phone_outbound,
        calls = d.calls - o.calls, too_soon = d.too_soon - o.too_soon
    FROM (
      SELECT user_id, local_date, count(*)::int AS touches,
             (count(*) FILTER (WHERE direction = 'outbound'))::int AS outbound,
             (count(*) FILTER (WHERE direction = 'outbound' AND channel = 'phone'))::int AS phone_outbound,
             (count(*) FILTER (WHERE direction = 'outbound' AND channel = 'phone' AND NOT too_soon))::int AS calls,
             (count(*) FILTER (WHERE too_soon))::int AS too_soon
      FROM old_rows GROUP BY user_id, local_date
    ) o
    WHERE d.user_id = o.user_id AND d.local_date = o.local_date;
    DELETE FROM touch_days d USING (SELECT DISTINCT user_id, local_date FROM old_rows) o
    WHERE d.user_id = o.user_id AND d.local_date = o.local_date AND d.touches <= 0;
    lead_ids := ARRAY(SELECT DISTINCT lead_id FROM old_rows);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    -- Add the new rows' counts; in key order, so two statements never wait on each other in a circle.
    INSERT INTO touch_days AS d (user_id, local_date, touches, outbound, phone_outbound, calls, too_soon)
    SELECT user_id, local_date, count(*)::int,
           (count(*) FILTER (WHERE direction = 'outbound'))::int,
           (count(*) FILTER (WHERE direction = 'outbound' AND channel = 'phone'))::int,
           (count(*) FILTER (WHERE direction = 'outbound' AND channel = 'phone' AND NOT too_soon))::int,
           (count(*) FILTER (WHERE too_soon))::int
    FROM new_rows GROUP BY user_id, local_date ORDER BY user_id, local_date
    ON CONFLICT (user_id, local_date) DO UPDATE
    SET touches = d.touches + excluded.touches, outbound = d.outbound + excluded.outbound,
        phone_outbound = d.phone_outbound + excluded.phone_outbound, calls = d.calls + excluded.calls,
        too_soon = d.too_soon + excluded.too_soon;
    lead_ids := ARRAY(SELECT DISTINCT lead_id FROM new_rows UNION SELECT unnest(coalesce(lead_ids, '{}')));
  END IF;
  PERFORM refresh_lead_touch_facts(lead_ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER touches_summaries_insert AFTER INSERT ON touches REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touches_keep_summaries();
--> statement-breakpoint
CREATE TRIGGER touches_summaries_update AFTER UPDATE ON touches REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touches_keep_summaries();
--> statement-breakpoint
CREATE TRIGGER touches_summaries_delete AFTER DELETE ON touches REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touches_keep_summaries();
--> statement-breakpoint
ALTER TABLE touches ENABLE ALWAYS TRIGGER touches_summaries_insert;
--> statement-breakpoint
ALTER TABLE touches ENABLE ALWAYS TRIGGER touches_summaries_update;
--> statement-breakpoint
ALTER TABLE touches ENABLE ALWAYS TRIGGER touches_summaries_delete;
--> statement-breakpoint
-- The summaries of the touches already there.
INSERT INTO touch_days (user_id, local_date, touches, outbound, phone_outbound, calls, too_soon)
SELECT user_id, local_date, count(*)::int,
       (count(*) FILTER (WHERE direction = 'outbound'))::int,
       (count(*) FILTER (WHERE direction = 'outbound' AND channel = 'phone'))::int,
       (count(*) FILTER (WHERE direction = 'outbound' AND channel = 'phone' AND NOT too_soon))::int,
       (count(*) FILTER (WHERE too_soon))::int
FROM touches GROUP BY user_id, local_date;
--> statement-breakpoint
SELECT refresh_lead_touch_facts(ARRAY(SELECT DISTINCT lead_id FROM touches));
