ALTER TABLE "kpis" ADD COLUMN "percent_start" double precision;--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "percent_end" double precision;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_percent_scale_check" CHECK (("kpis"."percent_start" is null) = ("kpis"."percent_end" is null) and ("kpis"."percent_start" is null or "kpis"."percent_start" <> "kpis"."percent_end"));--> statement-breakpoint
-- custom SQL (not generated)
-- Percent KPIs written before the scale existed get the default scale, 0 to 100.
UPDATE "kpis" SET "percent_start" = 0, "percent_end" = 100
WHERE lower(btrim("unit")) IN ('%', 'percent') AND "percent_start" IS NULL AND "percent_end" IS NULL;
