DROP INDEX "kpi_values_kpi_asof_idx";--> statement-breakpoint
CREATE INDEX "kpi_values_kpi_asof_idx" ON "kpi_values" USING btree ("kpi_id","org_id","as_of");