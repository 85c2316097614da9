CREATE TABLE "check_in_digests" (
	"org_id" uuid NOT NULL,
	"key_result_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_days" integer NOT NULL,
	"period_mask" bigint NOT NULL,
	"midpoint" date NOT NULL,
	"midpoint_confidence" integer,
	CONSTRAINT "check_in_digests_org_id_key_result_id_pk" PRIMARY KEY("org_id","key_result_id")
);
--> statement-breakpoint
ALTER TABLE "check_in_digests" ADD CONSTRAINT "check_in_digests_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- custom SQL (not generated)
-- Check-in digests (src/db/schema/evaluation.ts): recomputed for the key results a statement on check_ins touched.
CREATE OR REPLACE FUNCTION refresh_check_in_digests(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO check_in_digests (org_id, key_result_id, period_start, period_days, period_mask, midpoint, midpoint_confidence)
  SELECT kr.org_id, kr.id, p.start, p.days,
    (SELECT coalesce(bit_or(1::bigint << ((c.as_of - p.start + p.days - 1) / p.days)), 0)
       FROM check_ins c
      WHERE c.org_id = kr.org_id AND c.key_result_id = kr.id AND NOT c.deleted
        AND c.as_of > p.start AND c.as_of <= p.start + 62 * p.days),
    p.midpoint,
    (SELECT c.confidence FROM check_ins c
      WHERE c.org_id = kr.org_id AND c.key_result_id = kr.id AND NOT c.deleted AND c.confidence IS NOT NULL
        AND c.as_of <= p.midpoint
      ORDER BY c.as_of DESC, c.created_at DESC LIMIT 1)
  FROM key_results kr
  JOIN objectives o ON o.org_id = kr.org_id AND o.id = kr.objective_id
  JOIN cycles cy ON cy.org_id = o.org_id AND cy.id = o.cycle_id
  LEFT JOIN teams t ON t.org_id = o.org_id AND t.id = o.team_id
  CROSS JOIN LATERAL (SELECT
    greatest(cy.start_date, coalesce(kr.effective_start_date, o.effective_start_date, cy.start_date)) AS start,
    CASE t.check_in_cadence WHEN 'biweekly' THEN 14 WHEN 'monthly' THEN 30 ELSE 7 END AS days,
    cy.start_date + (cy.end_date - cy.start_date) / 2 AS midpoint) p
  WHERE kr.id = ANY(ids)
  ON CONFLICT (org_id, key_result_id) DO UPDATE SET period_start = excluded.period_start, period_days = excluded.period_days,
    period_mask = excluded.period_mask, midpoint = excluded.midpoint, midpoint_confidence = excluded.midpoint_confidence
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION check_ins_refresh_digests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_check_in_digests(array(SELECT DISTINCT key_result_id FROM changed_rows));
  ELSE
    PERFORM refresh_check_in_digests(array(SELECT DISTINCT key_result_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER check_ins_digest_insert AFTER INSERT ON check_ins REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION check_ins_refresh_digests();
--> statement-breakpoint
CREATE TRIGGER check_ins_digest_update AFTER UPDATE ON check_ins REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION check_ins_refresh_digests();
--> statement-breakpoint
CREATE TRIGGER check_ins_digest_delete AFTER DELETE ON check_ins REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION check_ins_refresh_digests();
--> statement-breakpoint
SELECT refresh_check_in_digests(array(SELECT DISTINCT key_result_id FROM check_ins));
