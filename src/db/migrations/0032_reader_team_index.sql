DROP INDEX "team_members_user_idx";--> statement-breakpoint
CREATE INDEX "team_members_user_idx" ON "team_members" USING btree ("user_id","org_id");