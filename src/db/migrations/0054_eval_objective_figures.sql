CREATE TABLE "objective_evaluation_figures" (
	"org_id" uuid NOT NULL,
	"objective_id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"key_results" integer NOT NULL,
	"high" integer NOT NULL,
	"middle" integer NOT NULL,
	"perfect" integer NOT NULL,
	"period_days" integer NOT NULL,
	"key_result_ids" uuid[] NOT NULL,
	"period_starts" date[] NOT NULL,
	"period_masks" bigint[] NOT NULL,
	"forecasts" integer NOT NULL,
	"squared" integer NOT NULL,
	"owner_ids" text[] NOT NULL,
	"midpoint_confidences" integer[] NOT NULL,
	"reached" boolean[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "objective_evaluation_figures" ADD CONSTRAINT "objective_evaluation_figures_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objective_evaluation_figures_cycle_idx" ON "objective_evaluation_figures" USING btree ("org_id","cycle_id");
--> statement-breakpoint
-- custom SQL (not generated)
-- What a cycle's evaluation sums from each objective's key results (src/db/schema/objective-evaluation-figures.ts),
-- recomputed for the given objectives from their key results, cycle, team and check-in digests: a digest's mask and
-- midpoint confidence when it was counted for the same start, cadence and midpoint, the check-ins otherwise (the
-- evaluation's rule, as in refresh_closed_cycle_figures). An objective without key results has no row. Called through
-- refresh_objective_evaluation_figures, which chooses how its statements are planned.
CREATE OR REPLACE FUNCTION count_objective_evaluation_figures(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM objective_evaluation_figures x
   WHERE x.objective_id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM key_results kr WHERE kr.objective_id = x.objective_id);
  INSERT INTO objective_evaluation_figures (org_id, objective_id, cycle_id, key_results, high, middle, perfect, period_days,
    key_result_ids, period_starts, period_masks, forecasts, squared, owner_ids, midpoint_confidences, reached)
  WITH k AS (
    SELECT o.org_id, o.id AS objective_id, o.cycle_id, kr.id, kr.owner_id, p.start, p.days,
      coalesce(kr.score, kr.score_override, round(kr.progress::numeric, 2)::float8) AS score,
      CASE
        WHEN d.key_result_id IS NULL THEN 0
        WHEN d.period_start = p.start AND d.period_days = p.days THEN d.period_mask
        ELSE (SELECT coalesce(bit_or(1::bigint << ((c.as_of - p.start + p.days - 1) / p.days)), 0) FROM check_ins c
          WHERE c.org_id = kr.org_id AND c.key_result_id = kr.id AND NOT c.deleted
            AND c.as_of > p.start AND c.as_of <= p.start + 62 * p.days)
      END AS mask,
      CASE
        WHEN d.key_result_id IS NULL THEN NULL
        WHEN d.midpoint = p.midpoint THEN d.midpoint_confidence
        ELSE (SELECT c.confidence FROM check_ins c
          WHERE c.org_id = kr.org_id AND c.key_result_id = kr.id AND NOT c.deleted AND c.confidence IS NOT NULL
            AND c.as_of <= p.midpoint
          ORDER BY c.as_of DESC, c.created_at DESC LIMIT 1)
      END AS confidence
    FROM objectives o
    JOIN cycles cy ON cy.org_id = o.org_id AND cy.id = o.cycle_id
    JOIN key_results kr ON kr.objective_id = o.id AND kr.org_id = o.org_id
    LEFT JOIN teams t ON t.org_id = o.org_id AND t.id = o.team_id
    CROSS JOIN LATERAL (SELECT
      greatest(cy.start_date, coalesce(kr.effective_start_date, o.effective_start_date, cy.start_date)) AS start,
      CASE t.check_in_cadence WHEN 'biweekly' THEN 14 WHEN 'monthly' THEN 30 ELSE 7 END AS days,
      cy.start_date + (cy.end_date - cy.start_date) / 2 AS midpoint) p
    LEFT JOIN check_in_digests d ON d.org_id = kr.org_id AND d.key_result_id = kr.id
    WHERE o.id = ANY(ids)
  )
  SELECT org_id, objective_id, cycle_id, count(*)::int,
    count(*) FILTER (WHERE score >= 0.699999999::float8)::int,
    count(*) FILTER (WHERE score >= 0.399999999::float8 AND NOT score >= 0.699999999::float8)::int,
    count(*) FILTER (WHERE score >= 0.999999999::float8)::int,
    min(days), array_agg(id ORDER BY id), array_agg(start ORDER BY id), array_agg(mask ORDER BY id),
    count(confidence)::int,
    coalesce(sum((confidence - 10 * (score >= 0.999999999::float8)::int) * (confidence - 10 * (score >= 0.999999999::float8)::int)), 0)::int,
    array_agg(owner_id ORDER BY id), array_agg(confidence ORDER BY id), array_agg(score >= 0.999999999::float8 ORDER BY id)
  FROM k GROUP BY org_id, objective_id, cycle_id
  ON CONFLICT (objective_id) DO UPDATE SET org_id = excluded.org_id, cycle_id = excluded.cycle_id,
    key_results = excluded.key_results, high = excluded.high, middle = excluded.middle, perfect = excluded.perfect,
    period_days = excluded.period_days, key_result_ids = excluded.key_result_ids, period_starts = excluded.period_starts,
    period_masks = excluded.period_masks, forecasts = excluded.forecasts, squared = excluded.squared,
    owner_ids = excluded.owner_ids, midpoint_confidences = excluded.midpoint_confidences, reached = excluded.reached
  WHERE (objective_evaluation_figures.*) IS DISTINCT FROM (excluded.*);
END
$$;
--> statement-breakpoint
-- A few objectives (a check-in, an edit): one generic plan per session, ~4 ms of CPU less per write than planning
-- again (docs/performance.md). Index-driven whatever the statistics said when the plan was made: made right after the
-- migration, on empty tables, it chose sequential scans inside nested loops, which a bulk load then ran once per
-- objective over 150,000 key results and digests until the statement timeout.
CREATE OR REPLACE FUNCTION count_few_objective_evaluation_figures(ids uuid[]) RETURNS void LANGUAGE sql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET enable_bitmapscan = off
AS $$ SELECT count_objective_evaluation_figures(ids) $$;
--> statement-breakpoint
-- Many objectives (a bulk insert or update of key results, digests or objectives; an import; a cycle's dates): planned
-- for the ids given, so that thousands of objectives are joined as a set (hash joins over the tables) rather than
-- looked up one by one as a plan made for a few would.
CREATE OR REPLACE FUNCTION count_many_objective_evaluation_figures(ids uuid[]) RETURNS void LANGUAGE sql
SET plan_cache_mode = force_custom_plan
AS $$ SELECT count_objective_evaluation_figures(ids) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_objective_evaluation_figures(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) > 64 THEN
    PERFORM count_many_objective_evaluation_figures(ids);
  ELSIF cardinality(ids) > 0 THEN
    PERFORM count_few_objective_evaluation_figures(ids);
  END IF;
END
$$;
--> statement-breakpoint
-- Key results: inserted, deleted, or changed in what the figures count. A score (or the progress standing in for it)
-- counts only by the bands it falls in (≥ 0.4, ≥ 0.7, 1.0): a check-in's roll-up that moves progress within a band
-- changes no figure and counts nothing again.
CREATE OR REPLACE FUNCTION key_results_refresh_evaluation_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := array(SELECT DISTINCT objective_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := array(SELECT DISTINCT objective_id FROM old_rows);
  ELSE
    ids := array(
      SELECT DISTINCT x.objective_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (SELECT coalesce(o.score, o.score_override, round(o.progress::numeric, 2)::float8) AS before,
        coalesce(n.score, n.score_override, round(n.progress::numeric, 2)::float8) AS after) s
      CROSS JOIN LATERAL (VALUES (o.objective_id), (n.objective_id)) x(objective_id)
      WHERE (o.objective_id, o.owner_id, o.effective_start_date,
          s.before >= 0.399999999::float8, s.before >= 0.699999999::float8, s.before >= 0.999999999::float8)
        IS DISTINCT FROM (n.objective_id, n.owner_id, n.effective_start_date,
          s.after >= 0.399999999::float8, s.after >= 0.699999999::float8, s.after >= 0.999999999::float8));
  END IF;
  IF cardinality(ids) > 0 THEN PERFORM refresh_objective_evaluation_figures(ids); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER key_results_evaluation_figures_insert AFTER INSERT ON key_results REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION key_results_refresh_evaluation_figures();
--> statement-breakpoint
CREATE TRIGGER key_results_evaluation_figures_update AFTER UPDATE ON key_results REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION key_results_refresh_evaluation_figures();
--> statement-breakpoint
CREATE TRIGGER key_results_evaluation_figures_delete AFTER DELETE ON key_results REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION key_results_refresh_evaluation_figures();
--> statement-breakpoint
-- Check-in digests: written by check_ins' triggers on every check-in write, so the figures follow the check-ins. A
-- digest is always counted for its key result's current start, cadence and midpoint, so when its mask and midpoint
-- confidence come out as before (a second check-in in a period, one after the midpoint) no figure changes: only digests
-- inserted or changed in what the figures read count their objectives again. (The digests' upsert fires both triggers,
-- one of them with no rows.)
CREATE OR REPLACE FUNCTION check_in_digests_refresh_evaluation_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := array(SELECT DISTINCT kr.objective_id FROM new_rows d
      JOIN key_results kr ON kr.org_id = d.org_id AND kr.id = d.key_result_id);
  ELSE
    ids := array(SELECT DISTINCT kr.objective_id FROM old_rows o
      JOIN new_rows n ON n.org_id = o.org_id AND n.key_result_id = o.key_result_id
      JOIN key_results kr ON kr.org_id = n.org_id AND kr.id = n.key_result_id
      WHERE (o.period_start, o.period_days, o.period_mask, o.midpoint, o.midpoint_confidence)
        IS DISTINCT FROM (n.period_start, n.period_days, n.period_mask, n.midpoint, n.midpoint_confidence));
  END IF;
  IF cardinality(ids) > 0 THEN PERFORM refresh_objective_evaluation_figures(ids); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER check_in_digests_evaluation_figures_insert AFTER INSERT ON check_in_digests REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION check_in_digests_refresh_evaluation_figures();
--> statement-breakpoint
CREATE TRIGGER check_in_digests_evaluation_figures_update AFTER UPDATE ON check_in_digests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION check_in_digests_refresh_evaluation_figures();
--> statement-breakpoint
-- Objectives moved to another cycle or team, or given another effective start: their key results' periods move.
CREATE OR REPLACE FUNCTION objectives_refresh_evaluation_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  ids := array(SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.cycle_id, o.team_id, o.effective_start_date) IS DISTINCT FROM (n.cycle_id, n.team_id, n.effective_start_date));
  IF cardinality(ids) > 0 THEN PERFORM refresh_objective_evaluation_figures(ids); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER objectives_evaluation_figures_update AFTER UPDATE ON objectives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objectives_refresh_evaluation_figures();
--> statement-breakpoint
-- A team's cadence: its objectives' key results are counted in other periods.
CREATE OR REPLACE FUNCTION teams_refresh_evaluation_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  ids := array(SELECT ob.id FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN objectives ob ON ob.org_id = n.org_id AND ob.team_id = n.id
    WHERE o.check_in_cadence IS DISTINCT FROM n.check_in_cadence);
  IF cardinality(ids) > 0 THEN PERFORM refresh_objective_evaluation_figures(ids); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER teams_evaluation_figures_update AFTER UPDATE ON teams REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION teams_refresh_evaluation_figures();
--> statement-breakpoint
-- A cycle's dates: its key results' starts, periods and midpoint move.
CREATE OR REPLACE FUNCTION cycles_refresh_evaluation_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  ids := array(SELECT ob.id FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN objectives ob ON ob.org_id = n.org_id AND ob.cycle_id = n.id
    WHERE (o.start_date, o.end_date) IS DISTINCT FROM (n.start_date, n.end_date));
  IF cardinality(ids) > 0 THEN PERFORM refresh_objective_evaluation_figures(ids); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cycles_evaluation_figures_update AFTER UPDATE ON cycles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cycles_refresh_evaluation_figures();
--> statement-breakpoint
-- Room on each page for the update every check-in makes; back-filled one cycle at a time, so that a cycle's rows lie
-- together and its evaluation reads few pages.
ALTER TABLE objective_evaluation_figures SET (fillfactor = 80);
--> statement-breakpoint
SELECT refresh_objective_evaluation_figures(array(SELECT o.id FROM objectives o WHERE o.org_id = cy.org_id AND o.cycle_id = cy.id))
FROM cycles cy ORDER BY cy.org_id, cy.start_date, cy.id;
