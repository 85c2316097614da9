ALTER TABLE "key_results" ADD COLUMN "data_readiness" jsonb;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "standalone_reason" text;