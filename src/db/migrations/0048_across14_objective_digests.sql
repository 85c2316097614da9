CREATE TABLE "objective_key_result_digests" (
	"objective_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"key_result_ids" uuid[] NOT NULL,
	"kinds" text[] NOT NULL,
	"effective_start_dates" date[] NOT NULL,
	"last_check_in_dates" date[] NOT NULL,
	"created_dates" text[] NOT NULL,
	"period_starts" date[] NOT NULL,
	"period_days" integer[] NOT NULL,
	"period_masks" bigint[] NOT NULL,
	"latest_note" text
);
--> statement-breakpoint
ALTER TABLE "objective_key_result_digests" ADD CONSTRAINT "objective_key_result_digests_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- custom SQL (not generated)
-- Each objective's key results as the heatmap reads them (src/db/schema/evaluation.ts), kept on every write to
-- key_results and check_in_digests (which check_ins' triggers keep). Derived: rebuilt by these triggers on import.
CREATE OR REPLACE FUNCTION refresh_objective_key_result_digests(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM objective_key_result_digests x
   WHERE x.objective_id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM key_results kr WHERE kr.objective_id = x.objective_id);
  INSERT INTO objective_key_result_digests (org_id, objective_id, key_result_ids, kinds, effective_start_dates,
    last_check_in_dates, created_dates, period_starts, period_days, period_masks, latest_note)
  SELECT kr.org_id, kr.objective_id, array_agg(kr.id ORDER BY kr.id), array_agg(kr.kind ORDER BY kr.id),
    array_agg(kr.effective_start_date ORDER BY kr.id), array_agg(kr.last_check_in_date ORDER BY kr.id),
    array_agg(to_char(kr.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') ORDER BY kr.id),
    array_agg(d.period_start ORDER BY kr.id), array_agg(d.period_days ORDER BY kr.id), array_agg(d.period_mask ORDER BY kr.id),
    (array_agg(d.latest_note ORDER BY d.latest_as_of DESC NULLS LAST, d.latest_created_at DESC NULLS LAST, kr.id DESC))[1]
  FROM key_results kr
  LEFT JOIN check_in_digests d ON d.org_id = kr.org_id AND d.key_result_id = kr.id
  WHERE kr.objective_id = ANY(ids)
  GROUP BY kr.org_id, kr.objective_id
  ON CONFLICT (objective_id) DO UPDATE SET key_result_ids = excluded.key_result_ids, kinds = excluded.kinds,
    effective_start_dates = excluded.effective_start_dates, last_check_in_dates = excluded.last_check_in_dates,
    created_dates = excluded.created_dates, period_starts = excluded.period_starts, period_days = excluded.period_days,
    period_masks = excluded.period_masks, latest_note = excluded.latest_note
$$;
--> statement-breakpoint
-- Key results: inserted or deleted, or changed in what the row holds (not on every progress roll-up).
CREATE OR REPLACE FUNCTION key_results_refresh_objective_digests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_objective_key_result_digests(array(SELECT DISTINCT objective_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_objective_key_result_digests(array(SELECT DISTINCT objective_id FROM old_rows));
  ELSE
    PERFORM refresh_objective_key_result_digests(array(
      SELECT o.objective_id FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.objective_id, o.kind, o.effective_start_date, o.last_check_in_date, o.created_at)
         IS DISTINCT FROM (n.objective_id, n.kind, n.effective_start_date, n.last_check_in_date, n.created_at)
      UNION
      SELECT n.objective_id FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.objective_id, o.kind, o.effective_start_date, o.last_check_in_date, o.created_at)
         IS DISTINCT FROM (n.objective_id, n.kind, n.effective_start_date, n.last_check_in_date, n.created_at)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER key_results_objective_digest_insert AFTER INSERT ON key_results REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION key_results_refresh_objective_digests();
--> statement-breakpoint
CREATE TRIGGER key_results_objective_digest_update AFTER UPDATE ON key_results REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION key_results_refresh_objective_digests();
--> statement-breakpoint
CREATE TRIGGER key_results_objective_digest_delete AFTER DELETE ON key_results REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION key_results_refresh_objective_digests();
--> statement-breakpoint
-- Check-in digests: written by check_ins' triggers (a digest deleted with its key result is handled above).
CREATE OR REPLACE FUNCTION check_in_digests_refresh_objective_digests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM refresh_objective_key_result_digests(array(SELECT DISTINCT kr.objective_id FROM old_rows d
      JOIN key_results kr ON kr.org_id = d.org_id AND kr.id = d.key_result_id));
  ELSE
    PERFORM refresh_objective_key_result_digests(array(SELECT DISTINCT kr.objective_id FROM new_rows d
      JOIN key_results kr ON kr.org_id = d.org_id AND kr.id = d.key_result_id));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER check_in_digests_objective_digest_insert AFTER INSERT ON check_in_digests REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION check_in_digests_refresh_objective_digests();
--> statement-breakpoint
CREATE TRIGGER check_in_digests_objective_digest_update AFTER UPDATE ON check_in_digests REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION check_in_digests_refresh_objective_digests();
--> statement-breakpoint
CREATE TRIGGER check_in_digests_objective_digest_delete AFTER DELETE ON check_in_digests REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION check_in_digests_refresh_objective_digests();
--> statement-breakpoint
INSERT INTO objective_key_result_digests (org_id, objective_id, key_result_ids, kinds, effective_start_dates,
  last_check_in_dates, created_dates, period_starts, period_days, period_masks, latest_note)
SELECT kr.org_id, kr.objective_id, array_agg(kr.id ORDER BY kr.id), array_agg(kr.kind ORDER BY kr.id),
  array_agg(kr.effective_start_date ORDER BY kr.id), array_agg(kr.last_check_in_date ORDER BY kr.id),
  array_agg(to_char(kr.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') ORDER BY kr.id),
  array_agg(d.period_start ORDER BY kr.id), array_agg(d.period_days ORDER BY kr.id), array_agg(d.period_mask ORDER BY kr.id),
  (array_agg(d.latest_note ORDER BY d.latest_as_of DESC NULLS LAST, d.latest_created_at DESC NULLS LAST, kr.id DESC))[1]
FROM key_results kr
LEFT JOIN check_in_digests d ON d.org_id = kr.org_id AND d.key_result_id = kr.id
GROUP BY kr.org_id, kr.objective_id;
