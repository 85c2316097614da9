ALTER TABLE "key_result_kpis" ADD COLUMN "followed_value_id" uuid;--> statement-breakpoint
-- Until now a following key result followed each value in the write that stored it: every link is up to date.
UPDATE "key_result_kpis" l SET "followed_value_id" = (
  SELECT v."id" FROM "kpi_values" v
  WHERE v."org_id" = l."org_id" AND v."kpi_id" = l."kpi_id" AND NOT v."deleted"
  ORDER BY v."as_of" DESC, v."created_at" DESC LIMIT 1
) WHERE l."follows_kpi";
