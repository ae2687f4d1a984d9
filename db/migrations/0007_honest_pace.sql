-- A touch keeps the calendar day it was logged on, in its owner's zone (backfilled from "at").
ALTER TABLE "touches" ADD COLUMN "local_date" date;--> statement-breakpoint
UPDATE "touches" t SET "local_date" = (t."at" AT TIME ZONE u."time_zone")::date FROM "users" u WHERE u."id" = t."user_id";--> statement-breakpoint
ALTER TABLE "touches" ALTER COLUMN "local_date" SET NOT NULL;--> statement-breakpoint
-- The goal settings give way to the day's work, the daily call, on pace and the campaign.
ALTER TABLE "users" DROP COLUMN "daily_goal";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "weekly_goal";--> statement-breakpoint
-- A cadence is 3 to 30 days: older ones are brought inside the range first.
UPDATE "leads" SET "cadence_days" = LEAST(30, GREATEST(3, "cadence_days")) WHERE "cadence_days" NOT BETWEEN 3 AND 30;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_cadence_days_range" CHECK ("leads"."cadence_days" between 3 and 30);
