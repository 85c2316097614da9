ALTER TABLE "surveys" ADD COLUMN "cycle_end_covered" date;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_series_round_unique" UNIQUE("series_id","round");