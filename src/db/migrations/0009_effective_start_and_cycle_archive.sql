ALTER TABLE "cycles" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "key_results" ADD COLUMN "effective_start_date" date;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "effective_start_date" date;