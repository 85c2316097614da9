CREATE TABLE "objective_children" (
	"alignment_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"parent_objective_id" uuid NOT NULL,
	"child_objective_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "objective_children" ADD CONSTRAINT "objective_children_alignment_fk" FOREIGN KEY ("alignment_id") REFERENCES "public"."alignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objective_children_parent_idx" ON "objective_children" USING btree ("org_id","parent_objective_id","child_objective_id");--> statement-breakpoint
-- custom SQL (not generated)
-- objective_children (src/db/schema/objective-children.ts): one edge per alignment, parent objective → child, kept
-- here on every write to alignments and whenever a key result moves to another objective; a deleted alignment
-- takes its edge with it (the foreign key). Derived: rebuilt by these triggers as an organisation is imported.
CREATE OR REPLACE FUNCTION alignments_refresh_objective_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM objective_children x USING old_rows o WHERE x.alignment_id = o.id;
  END IF;
  INSERT INTO objective_children (alignment_id, org_id, parent_objective_id, child_objective_id)
  SELECT n.id, n.org_id, coalesce(n.parent_objective_id, kr.objective_id), n.child_objective_id
  FROM new_rows n
  LEFT JOIN key_results kr ON kr.org_id = n.org_id AND kr.id = n.parent_key_result_id
  WHERE coalesce(n.parent_objective_id, kr.objective_id) IS NOT NULL;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER alignments_objective_children_insert AFTER INSERT ON alignments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alignments_refresh_objective_children();
--> statement-breakpoint
CREATE TRIGGER alignments_objective_children_update AFTER UPDATE ON alignments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alignments_refresh_objective_children();
--> statement-breakpoint
-- A key result moved to another objective: the children aligned to it follow it. A row trigger with a condition, so
-- the many other updates of key_results (every check-in rolls progress up) do not call anything.
CREATE OR REPLACE FUNCTION key_results_move_objective_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE objective_children x SET parent_objective_id = NEW.objective_id
  FROM alignments a
  WHERE a.org_id = NEW.org_id AND a.parent_key_result_id = NEW.id AND x.alignment_id = a.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER key_results_objective_children_move AFTER UPDATE OF objective_id ON key_results FOR EACH ROW
  WHEN (OLD.objective_id IS DISTINCT FROM NEW.objective_id) EXECUTE FUNCTION key_results_move_objective_children();
--> statement-breakpoint
INSERT INTO objective_children (alignment_id, org_id, parent_objective_id, child_objective_id)
SELECT a.id, a.org_id, coalesce(a.parent_objective_id, kr.objective_id), a.child_objective_id
FROM alignments a
LEFT JOIN key_results kr ON kr.org_id = a.org_id AND kr.id = a.parent_key_result_id
WHERE coalesce(a.parent_objective_id, kr.objective_id) IS NOT NULL;
