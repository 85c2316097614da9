-- References that clear themselves when their row is deleted, scoped to the organisation like the others in 0005.
-- ON DELETE SET NULL (column) clears only the reference, never org_id (PostgreSQL 15+; Drizzle cannot declare it).
ALTER TABLE "users" ADD CONSTRAINT "users_manager_fk" FOREIGN KEY ("org_id", "manager_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("manager_id");
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_team_fk" FOREIGN KEY ("org_id", "team_id") REFERENCES "teams" ("org_id", "id") ON DELETE SET NULL ("team_id");
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_fk" FOREIGN KEY ("org_id", "invited_by") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("invited_by");
--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_owner_fk" FOREIGN KEY ("org_id", "owner_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("owner_id");
--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_team_fk" FOREIGN KEY ("org_id", "team_id") REFERENCES "teams" ("org_id", "id") ON DELETE SET NULL ("team_id");
--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_owner_fk" FOREIGN KEY ("org_id", "owner_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("owner_id");
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_author_fk" FOREIGN KEY ("org_id", "author_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("author_id");
--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_fk" FOREIGN KEY ("org_id", "author_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("author_id");
--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_user_fk" FOREIGN KEY ("org_id", "user_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("user_id");
