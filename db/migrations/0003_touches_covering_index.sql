-- Covers the coach's and Today's scans of a user's touches by time: the columns they read come from
-- the index alone, without visiting the table (drizzle's index builder cannot express INCLUDE).
CREATE INDEX IF NOT EXISTS "touches_user_at_covering_idx" ON "touches" USING btree ("user_id","at") INCLUDE ("lead_id","direction","channel","too_soon");
