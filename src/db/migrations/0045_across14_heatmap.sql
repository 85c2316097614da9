ALTER TABLE "check_in_digests" ADD COLUMN "latest_as_of" date;--> statement-breakpoint
ALTER TABLE "check_in_digests" ADD COLUMN "latest_created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "check_in_digests" ADD COLUMN "latest_note" text;
--> statement-breakpoint
-- custom SQL (not generated)
-- The digest also keeps the key result's latest check-in (date, entry time, note) for the heatmap's quality read.
CREATE OR REPLACE FUNCTION refresh_check_in_digests(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO check_in_digests (org_id, key_result_id, period_start, period_days, period_mask, midpoint, midpoint_confidence,
    latest_as_of, latest_created_at, latest_note)
  SELECT kr.org_id, kr.id, p.start, p.days,
    (SELECT coalesce(bit_or(1::bigint << ((c.as_of - p.start + p.days - 1) / p.days)), 0)
       FROM check_ins c
      WHERE c.org_id = kr.org_id AND c.key_result_id = kr.id AND NOT c.deleted
        AND c.as_of > p.start AND c.as_of <= p.start + 62 * p.days),
    p.midpoint,
    (SELECT c.confidence FROM check_ins c
      WHERE c.org_id = kr.org_id AND c.key_result_id = kr.id AND NOT c.deleted AND c.confidence IS NOT NULL
        AND c.as_of <= p.midpoint
      ORDER BY c.as_of DESC, c.created_at DESC LIMIT 1),
    latest.as_of, latest.created_at, latest.note
  FROM key_results kr
  JOIN objectives o ON o.org_id = kr.org_id AND o.id = kr.objective_id
  JOIN cycles cy ON cy.org_id = o.org_id AND cy.id = o.cycle_id
  LEFT JOIN teams t ON t.org_id = o.org_id AND t.id = o.team_id
  CROSS JOIN LATERAL (SELECT
    greatest(cy.start_date, coalesce(kr.effective_start_date, o.effective_start_date, cy.start_date)) AS start,
    CASE t.check_in_cadence WHEN 'biweekly' THEN 14 WHEN 'monthly' THEN 30 ELSE 7 END AS days,
    cy.start_date + (cy.end_date - cy.start_date) / 2 AS midpoint) p
  LEFT JOIN LATERAL (SELECT c.as_of, c.created_at, c.note FROM check_ins c
      WHERE c.org_id = kr.org_id AND c.key_result_id = kr.id AND NOT c.deleted
      ORDER BY c.as_of DESC, c.created_at DESC, c.id DESC LIMIT 1) latest ON true
  WHERE kr.id = ANY(ids)
  ON CONFLICT (org_id, key_result_id) DO UPDATE SET period_start = excluded.period_start, period_days = excluded.period_days,
    period_mask = excluded.period_mask, midpoint = excluded.midpoint, midpoint_confidence = excluded.midpoint_confidence,
    latest_as_of = excluded.latest_as_of, latest_created_at = excluded.latest_created_at, latest_note = excluded.latest_note
$$;
--> statement-breakpoint
UPDATE check_in_digests d SET latest_as_of = x.as_of, latest_created_at = x.created_at, latest_note = x.note
FROM (SELECT DISTINCT ON (c.org_id, c.key_result_id) c.org_id, c.key_result_id, c.as_of, c.created_at, c.note
      FROM check_ins c WHERE NOT c.deleted
      ORDER BY c.org_id, c.key_result_id, c.as_of DESC, c.created_at DESC, c.id DESC) x
WHERE d.org_id = x.org_id AND d.key_result_id = x.key_result_id;
