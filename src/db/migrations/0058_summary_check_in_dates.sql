CREATE TABLE "objective_check_in_dates" (
	"objective_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"key_results" integer NOT NULL,
	"last_check_in_dates" date[] NOT NULL,
	"unchecked_since_dates" date[] NOT NULL,
	CONSTRAINT "objective_check_in_dates_key_results_check" CHECK ("objective_check_in_dates"."key_results" > 0)
);
--> statement-breakpoint
ALTER TABLE "objective_check_in_dates" ADD CONSTRAINT "objective_check_in_dates_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objective_check_in_dates_cycle_idx" ON "objective_check_in_dates" USING btree ("org_id","cycle_id");--> statement-breakpoint
-- custom SQL (not generated)
-- Each objective's key result count and staleness dates (src/db/schema/objective-check-in-dates.ts), refreshed with
-- the objective key result digests: the same key result changes make both stale. No-op refreshes write nothing.
CREATE OR REPLACE FUNCTION refresh_objective_check_in_dates(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM objective_check_in_dates x
   WHERE x.objective_id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM key_results kr WHERE kr.objective_id = x.objective_id);
  INSERT INTO objective_check_in_dates AS x (org_id, cycle_id, objective_id, key_results, last_check_in_dates, unchecked_since_dates)
  SELECT o.org_id, o.cycle_id, o.id, count(*)::int,
    coalesce(array_agg(kr.last_check_in_date ORDER BY kr.last_check_in_date)
      FILTER (WHERE kr.kind <> 'rollup' AND kr.last_check_in_date IS NOT NULL), '{}'),
    coalesce(array_agg(greatest((kr.created_at AT TIME ZONE 'UTC')::date, kr.effective_start_date)
      ORDER BY greatest((kr.created_at AT TIME ZONE 'UTC')::date, kr.effective_start_date))
      FILTER (WHERE kr.kind <> 'rollup' AND kr.last_check_in_date IS NULL), '{}')
  FROM key_results kr
  JOIN objectives o ON o.org_id = kr.org_id AND o.id = kr.objective_id
  WHERE kr.objective_id = ANY(ids)
  GROUP BY o.org_id, o.cycle_id, o.id
  ON CONFLICT (objective_id) DO UPDATE SET cycle_id = excluded.cycle_id, key_results = excluded.key_results,
    last_check_in_dates = excluded.last_check_in_dates, unchecked_since_dates = excluded.unchecked_since_dates
  WHERE (x.cycle_id, x.key_results, x.last_check_in_dates, x.unchecked_since_dates)
    IS DISTINCT FROM (excluded.cycle_id, excluded.key_results, excluded.last_check_in_dates, excluded.unchecked_since_dates)
$$;
--> statement-breakpoint
-- The key results' digest trigger (0048) refreshes both: one pass over the transition tables per statement.
CREATE OR REPLACE FUNCTION key_results_refresh_objective_digests() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := array(SELECT DISTINCT objective_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := array(SELECT DISTINCT objective_id FROM old_rows);
  ELSE
    ids := array(
      SELECT o.objective_id FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.objective_id, o.kind, o.effective_start_date, o.last_check_in_date, o.created_at)
         IS DISTINCT FROM (n.objective_id, n.kind, n.effective_start_date, n.last_check_in_date, n.created_at)
      UNION
      SELECT n.objective_id FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.objective_id, o.kind, o.effective_start_date, o.last_check_in_date, o.created_at)
         IS DISTINCT FROM (n.objective_id, n.kind, n.effective_start_date, n.last_check_in_date, n.created_at));
  END IF;
  IF cardinality(ids) > 0 THEN
    PERFORM refresh_objective_key_result_digests(ids);
    PERFORM refresh_objective_check_in_dates(ids);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An objective moved to another cycle takes its row along (the summary reads rows by cycle).
CREATE OR REPLACE FUNCTION objectives_move_check_in_dates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE objective_check_in_dates SET cycle_id = NEW.cycle_id WHERE objective_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER objectives_check_in_dates_cycle AFTER UPDATE OF cycle_id ON objectives
  FOR EACH ROW WHEN (OLD.cycle_id IS DISTINCT FROM NEW.cycle_id) EXECUTE FUNCTION objectives_move_check_in_dates();
--> statement-breakpoint
SELECT refresh_objective_check_in_dates(array(SELECT DISTINCT objective_id FROM key_results));
--> statement-breakpoint
-- Planned without statistics, a summary joined the backfilled rows to the cycle's objectives row by row (seconds).
ANALYZE objective_check_in_dates;
