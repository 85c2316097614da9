CREATE TABLE "heatmap_team_changes" (
	"cycle_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"token" uuid DEFAULT gen_random_uuid() NOT NULL,
	CONSTRAINT "heatmap_team_changes_cycle_id_team_id_pk" PRIMARY KEY("cycle_id","team_id")
);
--> statement-breakpoint
ALTER TABLE "heatmap_team_changes" ADD CONSTRAINT "heatmap_team_changes_cycle_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- custom SQL (not generated)
-- A new token for each team and cycle whose heatmap facts a statement changed (src/db/schema/heatmap-changes.ts).
CREATE OR REPLACE FUNCTION touch_heatmap_teams_of(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO heatmap_team_changes (org_id, cycle_id, team_id)
  SELECT DISTINCT o.org_id, o.cycle_id, o.team_id FROM objectives o WHERE o.id = ANY(ids) AND o.team_id IS NOT NULL
  ON CONFLICT (cycle_id, team_id) DO UPDATE SET token = gen_random_uuid()
$$;
--> statement-breakpoint
-- Objectives: inserted, deleted, or changed in what the heatmap reads (progress roll-ups included; titles and
-- descriptions reach it only through the kept quality penalties, which have their own trigger).
CREATE OR REPLACE FUNCTION objectives_touch_heatmap_teams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO heatmap_team_changes (org_id, cycle_id, team_id)
    SELECT DISTINCT org_id, cycle_id, team_id FROM new_rows WHERE team_id IS NOT NULL
    ON CONFLICT (cycle_id, team_id) DO UPDATE SET token = gen_random_uuid();
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO heatmap_team_changes (org_id, cycle_id, team_id)
    SELECT DISTINCT org_id, cycle_id, team_id FROM old_rows WHERE team_id IS NOT NULL
    ON CONFLICT (cycle_id, team_id) DO UPDATE SET token = gen_random_uuid();
  ELSE
    INSERT INTO heatmap_team_changes (org_id, cycle_id, team_id)
    SELECT DISTINCT r.org_id, r.cycle_id, r.team_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.org_id, o.cycle_id, o.team_id), (n.org_id, n.cycle_id, n.team_id)) AS r(org_id, cycle_id, team_id)
     WHERE r.team_id IS NOT NULL
       AND (o.org_id, o.cycle_id, o.team_id, o.owner_id, o.type, o.status, o.progress_driver, o.progress,
            o.effective_start_date, o.standalone_reason, o.visibility)
           IS DISTINCT FROM (n.org_id, n.cycle_id, n.team_id, n.owner_id, n.type, n.status, n.progress_driver, n.progress,
            n.effective_start_date, n.standalone_reason, n.visibility)
    ON CONFLICT (cycle_id, team_id) DO UPDATE SET token = gen_random_uuid();
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER objectives_heatmap_insert AFTER INSERT ON objectives REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objectives_touch_heatmap_teams();
--> statement-breakpoint
CREATE TRIGGER objectives_heatmap_update AFTER UPDATE ON objectives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objectives_touch_heatmap_teams();
--> statement-breakpoint
CREATE TRIGGER objectives_heatmap_delete AFTER DELETE ON objectives REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objectives_touch_heatmap_teams();
--> statement-breakpoint
-- Rows kept per objective (its quality penalty, its key results' row): any write touches the objective's team.
CREATE OR REPLACE FUNCTION objective_rows_touch_heatmap_teams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM touch_heatmap_teams_of(array(SELECT DISTINCT objective_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM touch_heatmap_teams_of(array(SELECT DISTINCT objective_id FROM old_rows));
  ELSE
    PERFORM touch_heatmap_teams_of(array(SELECT objective_id FROM old_rows UNION SELECT objective_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER objective_quality_penalties_heatmap_insert AFTER INSERT ON objective_quality_penalties REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_heatmap_teams();
--> statement-breakpoint
CREATE TRIGGER objective_quality_penalties_heatmap_update AFTER UPDATE ON objective_quality_penalties REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_heatmap_teams();
--> statement-breakpoint
CREATE TRIGGER objective_quality_penalties_heatmap_delete AFTER DELETE ON objective_quality_penalties REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_heatmap_teams();
--> statement-breakpoint
CREATE TRIGGER objective_key_result_digests_heatmap_insert AFTER INSERT ON objective_key_result_digests REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_heatmap_teams();
--> statement-breakpoint
CREATE TRIGGER objective_key_result_digests_heatmap_update AFTER UPDATE ON objective_key_result_digests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_heatmap_teams();
--> statement-breakpoint
CREATE TRIGGER objective_key_result_digests_heatmap_delete AFTER DELETE ON objective_key_result_digests REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_heatmap_teams();
--> statement-breakpoint
-- Alignments: whether their child objective is aligned.
CREATE OR REPLACE FUNCTION alignments_touch_heatmap_teams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM touch_heatmap_teams_of(array(SELECT DISTINCT child_objective_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM touch_heatmap_teams_of(array(SELECT DISTINCT child_objective_id FROM old_rows));
  ELSE
    PERFORM touch_heatmap_teams_of(array(SELECT child_objective_id FROM old_rows UNION SELECT child_objective_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER alignments_heatmap_insert AFTER INSERT ON alignments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alignments_touch_heatmap_teams();
--> statement-breakpoint
CREATE TRIGGER alignments_heatmap_update AFTER UPDATE ON alignments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alignments_touch_heatmap_teams();
--> statement-breakpoint
CREATE TRIGGER alignments_heatmap_delete AFTER DELETE ON alignments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alignments_touch_heatmap_teams();
--> statement-breakpoint
INSERT INTO heatmap_team_changes (org_id, cycle_id, team_id)
SELECT DISTINCT org_id, cycle_id, team_id FROM objectives WHERE team_id IS NOT NULL;
