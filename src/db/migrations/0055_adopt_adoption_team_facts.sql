CREATE TABLE "adoption_team_facts" (
	"cycle_id" uuid NOT NULL,
	"team_key" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"token" uuid DEFAULT gen_random_uuid() NOT NULL,
	"grace_days" integer,
	"answer_within_hours" integer,
	"facts" jsonb,
	CONSTRAINT "adoption_team_facts_cycle_id_team_key_pk" PRIMARY KEY("cycle_id","team_key")
);
--> statement-breakpoint
ALTER TABLE "adoption_team_facts" ADD CONSTRAINT "adoption_team_facts_cycle_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- custom SQL (not generated)
-- A new token, and no facts, for each (cycle, team) of the given objectives (src/db/schema/adoption-facts.ts).
-- PL/pgSQL, not SQL: its plans are kept for the session (a check-in runs these on every write).
CREATE OR REPLACE FUNCTION touch_adoption_objectives(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO adoption_team_facts (org_id, cycle_id, team_key)
  SELECT DISTINCT o.org_id, o.cycle_id, coalesce(o.team_id, '00000000-0000-0000-0000-000000000000'::uuid)
    FROM objectives o WHERE o.id = ANY(ids)
  ON CONFLICT (cycle_id, team_key) DO UPDATE SET token = gen_random_uuid(), facts = NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION touch_adoption_key_results(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO adoption_team_facts (org_id, cycle_id, team_key)
  SELECT DISTINCT o.org_id, o.cycle_id, coalesce(o.team_id, '00000000-0000-0000-0000-000000000000'::uuid)
    FROM objectives o WHERE o.id IN (SELECT k.objective_id FROM key_results k WHERE k.id = ANY(ids))
  ON CONFLICT (cycle_id, team_key) DO UPDATE SET token = gen_random_uuid(), facts = NULL;
END
$$;
--> statement-breakpoint
-- Objectives: inserted, deleted, or changed in what the figures count (team, cycle, owner, status, effective start).
CREATE OR REPLACE FUNCTION objectives_touch_adoption() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO adoption_team_facts (org_id, cycle_id, team_key)
    SELECT DISTINCT org_id, cycle_id, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid) FROM new_rows
    ON CONFLICT (cycle_id, team_key) DO UPDATE SET token = gen_random_uuid(), facts = NULL;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE adoption_team_facts f SET token = gen_random_uuid(), facts = NULL
      FROM (SELECT DISTINCT cycle_id, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid) AS team_key FROM old_rows) o
     WHERE f.cycle_id = o.cycle_id AND f.team_key = o.team_key;
  ELSE
    INSERT INTO adoption_team_facts (org_id, cycle_id, team_key)
    SELECT DISTINCT r.org_id, r.cycle_id, coalesce(r.team_id, '00000000-0000-0000-0000-000000000000'::uuid)
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.org_id, o.cycle_id, o.team_id), (n.org_id, n.cycle_id, n.team_id)) AS r(org_id, cycle_id, team_id)
     WHERE (o.org_id, o.cycle_id, o.team_id, o.owner_id, o.status, o.effective_start_date)
           IS DISTINCT FROM (n.org_id, n.cycle_id, n.team_id, n.owner_id, n.status, n.effective_start_date)
    ON CONFLICT (cycle_id, team_key) DO UPDATE SET token = gen_random_uuid(), facts = NULL;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER objectives_adoption_insert AFTER INSERT ON objectives REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objectives_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER objectives_adoption_update AFTER UPDATE ON objectives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objectives_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER objectives_adoption_delete AFTER DELETE ON objectives REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objectives_touch_adoption();
--> statement-breakpoint
-- Key results: their objective, owner and effective start (values and progress do not count).
CREATE OR REPLACE FUNCTION key_results_touch_adoption() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM touch_adoption_objectives(array(SELECT DISTINCT objective_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM touch_adoption_objectives(array(SELECT DISTINCT objective_id FROM old_rows));
  ELSE
    PERFORM touch_adoption_objectives(array(
      SELECT r.objective_id FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.objective_id), (n.objective_id)) AS r(objective_id)
       WHERE (o.objective_id, o.owner_id, o.effective_start_date) IS DISTINCT FROM (n.objective_id, n.owner_id, n.effective_start_date)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER key_results_adoption_insert AFTER INSERT ON key_results REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION key_results_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER key_results_adoption_update AFTER UPDATE ON key_results REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION key_results_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER key_results_adoption_delete AFTER DELETE ON key_results REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION key_results_touch_adoption();
--> statement-breakpoint
-- Check-ins: their date, key result, deletion, blockers, author (a blocker's answer must come from someone else) and time.
CREATE OR REPLACE FUNCTION check_ins_touch_adoption() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM touch_adoption_key_results(array(SELECT DISTINCT key_result_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM touch_adoption_key_results(array(SELECT DISTINCT key_result_id FROM old_rows));
  ELSE
    PERFORM touch_adoption_key_results(array(
      SELECT r.key_result_id FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.key_result_id), (n.key_result_id)) AS r(key_result_id)
       WHERE (o.key_result_id, o.as_of, o.deleted, o.blockers, o.author_id, o.created_at)
             IS DISTINCT FROM (n.key_result_id, n.as_of, n.deleted, n.blockers, n.author_id, n.created_at)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER check_ins_adoption_insert AFTER INSERT ON check_ins REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION check_ins_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER check_ins_adoption_update AFTER UPDATE ON check_ins REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION check_ins_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER check_ins_adoption_delete AFTER DELETE ON check_ins REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION check_ins_touch_adoption();
--> statement-breakpoint
-- Comments count per day, and answer blockers: their target's objective, whatever changed but the body.
CREATE OR REPLACE FUNCTION comments_touch_adoption() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM touch_adoption_objectives(array(
      WITH t AS (SELECT target_type, target_id FROM new_rows)
      SELECT t.target_id FROM t WHERE t.target_type = 'objective'
      UNION SELECT k.objective_id FROM t JOIN key_results k ON k.id = t.target_id WHERE t.target_type = 'key_result'
      UNION SELECT k.objective_id FROM t JOIN check_ins ci ON ci.id = t.target_id JOIN key_results k ON k.id = ci.key_result_id
       WHERE t.target_type = 'check_in'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM touch_adoption_objectives(array(
      WITH t AS (SELECT target_type, target_id FROM old_rows)
      SELECT t.target_id FROM t WHERE t.target_type = 'objective'
      UNION SELECT k.objective_id FROM t JOIN key_results k ON k.id = t.target_id WHERE t.target_type = 'key_result'
      UNION SELECT k.objective_id FROM t JOIN check_ins ci ON ci.id = t.target_id JOIN key_results k ON k.id = ci.key_result_id
       WHERE t.target_type = 'check_in'));
  ELSE
    PERFORM touch_adoption_objectives(array(
      WITH t AS (SELECT r.target_type, r.target_id FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.target_type, o.target_id), (n.target_type, n.target_id)) AS r(target_type, target_id)
       WHERE (o.target_type, o.target_id, o.author_id, o.created_at, o.deleted_at)
             IS DISTINCT FROM (n.target_type, n.target_id, n.author_id, n.created_at, n.deleted_at))
      SELECT t.target_id FROM t WHERE t.target_type = 'objective'
      UNION SELECT k.objective_id FROM t JOIN key_results k ON k.id = t.target_id WHERE t.target_type = 'key_result'
      UNION SELECT k.objective_id FROM t JOIN check_ins ci ON ci.id = t.target_id JOIN key_results k ON k.id = ci.key_result_id
       WHERE t.target_type = 'check_in'));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER comments_adoption_insert AFTER INSERT ON comments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION comments_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER comments_adoption_update AFTER UPDATE ON comments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION comments_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER comments_adoption_delete AFTER DELETE ON comments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION comments_touch_adoption();
--> statement-breakpoint
-- Rows kept per objective (contributors, quality scores): any write touches the objective's team.
CREATE OR REPLACE FUNCTION objective_rows_touch_adoption() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM touch_adoption_objectives(array(SELECT DISTINCT objective_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM touch_adoption_objectives(array(SELECT DISTINCT objective_id FROM old_rows));
  ELSE
    PERFORM touch_adoption_objectives(array(SELECT objective_id FROM old_rows UNION SELECT objective_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER objective_contributors_adoption_insert AFTER INSERT ON objective_contributors REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER objective_contributors_adoption_update AFTER UPDATE ON objective_contributors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER objective_contributors_adoption_delete AFTER DELETE ON objective_contributors REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER objective_quality_scores_adoption_insert AFTER INSERT ON objective_quality_scores REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER objective_quality_scores_adoption_update AFTER UPDATE ON objective_quality_scores REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER objective_quality_scores_adoption_delete AFTER DELETE ON objective_quality_scores REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION objective_rows_touch_adoption();
--> statement-breakpoint
-- Score confirmations: a key result's review.
CREATE OR REPLACE FUNCTION score_confirmations_touch_adoption() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM touch_adoption_key_results(array(SELECT DISTINCT key_result_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM touch_adoption_key_results(array(SELECT DISTINCT key_result_id FROM old_rows));
  ELSE
    PERFORM touch_adoption_key_results(array(SELECT key_result_id FROM old_rows UNION SELECT key_result_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER score_confirmations_adoption_insert AFTER INSERT ON score_confirmations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION score_confirmations_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER score_confirmations_adoption_update AFTER UPDATE ON score_confirmations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION score_confirmations_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER score_confirmations_adoption_delete AFTER DELETE ON score_confirmations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION score_confirmations_touch_adoption();
--> statement-breakpoint
-- Retrospectives name their team and cycle.
CREATE OR REPLACE FUNCTION retrospectives_touch_adoption() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE adoption_team_facts f SET token = gen_random_uuid(), facts = NULL
    FROM (SELECT cycle_id, team_id FROM old_rows UNION SELECT cycle_id, team_id FROM new_rows) r
   WHERE f.cycle_id = r.cycle_id AND f.team_key = r.team_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION retrospectives_touch_adoption_one_side() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE adoption_team_facts f SET token = gen_random_uuid(), facts = NULL
      FROM (SELECT DISTINCT cycle_id, team_id FROM new_rows) r WHERE f.cycle_id = r.cycle_id AND f.team_key = r.team_id;
  ELSE
    UPDATE adoption_team_facts f SET token = gen_random_uuid(), facts = NULL
      FROM (SELECT DISTINCT cycle_id, team_id FROM old_rows) r WHERE f.cycle_id = r.cycle_id AND f.team_key = r.team_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER retrospectives_adoption_insert AFTER INSERT ON retrospectives REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION retrospectives_touch_adoption_one_side();
--> statement-breakpoint
CREATE TRIGGER retrospectives_adoption_update AFTER UPDATE ON retrospectives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION retrospectives_touch_adoption();
--> statement-breakpoint
CREATE TRIGGER retrospectives_adoption_delete AFTER DELETE ON retrospectives REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION retrospectives_touch_adoption_one_side();
--> statement-breakpoint
-- A team's check-in cadence sets its key results' due dates.
CREATE OR REPLACE FUNCTION teams_touch_adoption() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE adoption_team_facts f SET token = gen_random_uuid(), facts = NULL
    FROM old_rows o JOIN new_rows n ON n.id = o.id
   WHERE f.team_key = n.id AND o.check_in_cadence IS DISTINCT FROM n.check_in_cadence;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER teams_adoption_update AFTER UPDATE ON teams REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION teams_touch_adoption();
--> statement-breakpoint
-- A cycle's dates set when its objectives are live and its key results due.
CREATE OR REPLACE FUNCTION cycles_touch_adoption() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE adoption_team_facts f SET token = gen_random_uuid(), facts = NULL
    FROM old_rows o JOIN new_rows n ON n.id = o.id
   WHERE f.cycle_id = n.id AND (o.start_date, o.end_date) IS DISTINCT FROM (n.start_date, n.end_date);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cycles_adoption_update AFTER UPDATE ON cycles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cycles_touch_adoption();
--> statement-breakpoint
INSERT INTO adoption_team_facts (org_id, cycle_id, team_key)
SELECT DISTINCT org_id, cycle_id, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid) FROM objectives;
