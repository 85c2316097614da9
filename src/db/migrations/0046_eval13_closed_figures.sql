CREATE TABLE "closed_cycle_figures" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"period_days" integer NOT NULL,
	"key_results" integer NOT NULL,
	"due" integer NOT NULL,
	"on_time" integer NOT NULL,
	"forecasts" integer NOT NULL,
	"squared" integer NOT NULL,
	CONSTRAINT "closed_cycle_figures_org_id_cycle_id_objective_id_pk" PRIMARY KEY("org_id","cycle_id","objective_id")
);
--> statement-breakpoint
ALTER TABLE "closed_cycle_figures" ADD CONSTRAINT "closed_cycle_figures_cycle_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closed_cycle_figures" ADD CONSTRAINT "closed_cycle_figures_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- custom SQL (not generated)
-- Closed cycles' figures (src/db/schema/evaluation.ts): the evaluation's definitions (services/evaluation/
-- evaluation-figures.ts) for every objective of a closed cycle, counted until its end, with no reader's visibility
-- (applied when read). Called by the close and by a closed cycle's rescoring, by the organisation import, and below.
CREATE OR REPLACE FUNCTION refresh_closed_cycle_figures(p_org uuid, p_cycle uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM closed_cycle_figures WHERE org_id = p_org AND cycle_id = p_cycle;
  INSERT INTO closed_cycle_figures (org_id, cycle_id, objective_id, period_days, key_results, due, on_time, forecasts, squared)
  WITH objective_days AS (
    SELECT o.org_id, o.cycle_id, o.id, o.effective_start_date, cy.start_date, cy.end_date,
      CASE t.check_in_cadence WHEN 'biweekly' THEN 14 WHEN 'monthly' THEN 30 ELSE 7 END AS days
    FROM cycles cy
    JOIN objectives o ON o.org_id = cy.org_id AND o.cycle_id = cy.id
    LEFT JOIN teams t ON t.org_id = o.org_id AND t.id = o.team_id
    WHERE cy.org_id = p_org AND cy.id = p_cycle AND cy.status = 'closed'
  ),
  k AS (
    SELECT kr.id, kr.org_id, od.id AS objective_id,
      coalesce(kr.score, kr.score_override, round(kr.progress::numeric, 2)::float8) AS kr_score,
      s.start, od.days, greatest(0, (od.end_date - s.start) / od.days) AS due,
      od.start_date + (od.end_date - od.start_date) / 2 AS midpoint
    FROM objective_days od
    JOIN key_results kr ON kr.org_id = od.org_id AND kr.objective_id = od.id
    CROSS JOIN LATERAL (SELECT
      greatest(od.start_date, coalesce(kr.effective_start_date, od.effective_start_date, od.start_date)) AS start) s
  ),
  f AS (
    SELECT k.objective_id, k.kr_score, k.due,
      CASE
        WHEN d.key_result_id IS NULL THEN 0
        WHEN d.period_start = k.start AND d.period_days = k.days AND k.due <= 62
          THEN bit_count((d.period_mask & ~((-1)::bigint << (k.due + 1)) & ~1::bigint)::bit(64))
        ELSE (SELECT count(DISTINCT (c.as_of - k.start + k.days - 1) / k.days) FROM check_ins c
          WHERE c.org_id = k.org_id AND c.key_result_id = k.id AND NOT c.deleted
            AND c.as_of > k.start AND c.as_of <= k.start + k.due * k.days)
      END AS on_time,
      CASE
        WHEN d.key_result_id IS NULL THEN NULL
        WHEN d.midpoint = k.midpoint THEN d.midpoint_confidence
        ELSE (SELECT c.confidence FROM check_ins c
          WHERE c.org_id = k.org_id AND c.key_result_id = k.id AND NOT c.deleted AND c.confidence IS NOT NULL
            AND c.as_of <= k.midpoint
          ORDER BY c.as_of DESC, c.created_at DESC LIMIT 1)
      END AS midpoint_confidence
    FROM k
    LEFT JOIN check_in_digests d ON d.org_id = k.org_id AND d.key_result_id = k.id
  )
  SELECT od.org_id, od.cycle_id, od.id, od.days, count(f.objective_id)::int, coalesce(sum(f.due), 0)::int,
    coalesce(sum(f.on_time), 0)::int, count(f.midpoint_confidence)::int,
    coalesce(sum((f.midpoint_confidence - 10 * (f.kr_score >= 0.999999999::float8)::int)
      * (f.midpoint_confidence - 10 * (f.kr_score >= 0.999999999::float8)::int)), 0)::int
  FROM objective_days od
  LEFT JOIN f ON f.objective_id = od.id
  GROUP BY od.org_id, od.cycle_id, od.id, od.days
$$;
--> statement-breakpoint
SELECT refresh_closed_cycle_figures(org_id, id) FROM cycles WHERE status = 'closed';
