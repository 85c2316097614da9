ALTER TABLE "alignments" ADD COLUMN "supported_objective_id" uuid;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_org_id_objective_unique" UNIQUE("org_id","id","objective_id");--> statement-breakpoint
-- custom SQL (not generated)
-- Writers leave the supported objective out: it is the parent objective, or the parent key result's objective.
-- Found by the key result's id alone: a key result of another organisation is then refused by the foreign keys
-- (alignments_parent_key_result_fk), as before this column, not by the CHECK.
CREATE OR REPLACE FUNCTION alignments_fill_supported_objective() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.supported_objective_id := coalesce(NEW.parent_objective_id,
    (SELECT k.objective_id FROM key_results k WHERE k.id = NEW.parent_key_result_id));
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER alignments_fill_supported_objective BEFORE INSERT OR UPDATE OF parent_objective_id, parent_key_result_id
  ON alignments FOR EACH ROW EXECUTE FUNCTION alignments_fill_supported_objective();
--> statement-breakpoint
UPDATE alignments a SET supported_objective_id = coalesce(a.parent_objective_id,
  (SELECT k.objective_id FROM key_results k WHERE k.org_id = a.org_id AND k.id = a.parent_key_result_id));--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_supported_objective_fk" FOREIGN KEY ("org_id","parent_key_result_id","supported_objective_id") REFERENCES "public"."key_results"("org_id","id","objective_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_supported_objective_check" CHECK ("alignments"."supported_objective_id" is not null and ("alignments"."parent_objective_id" is null or "alignments"."supported_objective_id" = "alignments"."parent_objective_id"));
