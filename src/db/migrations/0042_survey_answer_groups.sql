ALTER TABLE "survey_responses" DROP CONSTRAINT "survey_responses_team_fk";
--> statement-breakpoint
DROP INDEX "survey_answers_question_idx";--> statement-breakpoint
ALTER TABLE "survey_answers" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_team_unique" UNIQUE("org_id","id","team_id");--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_team_fk" FOREIGN KEY ("org_id","response_id","team_id") REFERENCES "public"."survey_responses"("org_id","id","team_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "survey_answers_question_team_idx" ON "survey_answers" USING btree ("org_id","question_id","team_id","score");--> statement-breakpoint
-- custom SQL (not generated)
-- Deleting a team clears only the responses' team_id (a plain SET NULL also cleared org_id and the delete failed);
-- the answers' copy follows through survey_answers_response_team_fk's ON UPDATE CASCADE.
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_team_fk" FOREIGN KEY ("org_id", "team_id") REFERENCES "teams" ("org_id", "id") ON DELETE SET NULL ("team_id");
--> statement-breakpoint
UPDATE "survey_answers" a SET "team_id" = r."team_id" FROM "survey_responses" r WHERE r."org_id" = a."org_id" AND r."id" = a."response_id" AND r."team_id" IS NOT NULL;
