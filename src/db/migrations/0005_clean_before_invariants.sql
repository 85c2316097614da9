-- Before 0005 adds the database's invariants, remove the rows they would refuse that nothing can reach or
-- that only repeat another row. Anything else they refuse is left alone so the next migration fails and
-- names the constraint and the row: such data needs a person to look at it, not a silent delete.

-- Duplicate alignments (the old unique index never fired: one of its columns is always NULL). Keep the oldest.
DELETE FROM "alignments" AS "later"
USING "alignments" AS "earlier"
WHERE "later"."child_objective_id" = "earlier"."child_objective_id"
  AND "later"."parent_objective_id" IS NOT DISTINCT FROM "earlier"."parent_objective_id"
  AND "later"."parent_key_result_id" IS NOT DISTINCT FROM "earlier"."parent_key_result_id"
  AND ("later"."created_at", "later"."id") > ("earlier"."created_at", "earlier"."id");
--> statement-breakpoint
-- An alignment to nothing aligns nothing.
DELETE FROM "alignments" WHERE "parent_objective_id" IS NULL AND "parent_key_result_id" IS NULL;
--> statement-breakpoint
-- Comments whose objective, key result or check-in was deleted: no page can show them any more.
DELETE FROM "comments" AS "c"
WHERE ("c"."target_type" = 'objective' AND NOT EXISTS (SELECT 1 FROM "objectives" AS "o" WHERE "o"."id" = "c"."target_id"))
   OR ("c"."target_type" = 'key_result' AND NOT EXISTS (SELECT 1 FROM "key_results" AS "k" WHERE "k"."id" = "c"."target_id"))
   OR ("c"."target_type" = 'check_in' AND NOT EXISTS (SELECT 1 FROM "check_ins" AS "ci" WHERE "ci"."id" = "c"."target_id"));
--> statement-breakpoint
-- Reactions whose comment or check-in is gone (including those on the comments just removed).
DELETE FROM "reactions" AS "r"
WHERE ("r"."target_type" = 'comment' AND NOT EXISTS (SELECT 1 FROM "comments" AS "c" WHERE "c"."id" = "r"."target_id"))
   OR ("r"."target_type" = 'check_in' AND NOT EXISTS (SELECT 1 FROM "check_ins" AS "ci" WHERE "ci"."id" = "r"."target_id"));
