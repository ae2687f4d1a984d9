ALTER TABLE "users" ADD COLUMN "seeks" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Accounts made before the question keep every screen they had (the Coach page included); new ones answer it.
ALTER TABLE "users" ADD COLUMN "coaches" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "coaches" SET DEFAULT false;
