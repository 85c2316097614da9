CREATE TABLE "pilot_teams" (
	"org_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	CONSTRAINT "pilot_teams_org_id_team_id_pk" PRIMARY KEY("org_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "rollout_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"survey_min_group_size" integer DEFAULT 5 NOT NULL,
	CONSTRAINT "rollout_settings_min_group_check" CHECK ("rollout_settings"."survey_min_group_size" >= 3)
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"org_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"score" integer,
	"text" text,
	"hidden" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_answers_response_id_question_id_pk" PRIMARY KEY("response_id","question_id"),
	CONSTRAINT "survey_answers_score_check" CHECK ("survey_answers"."score" between 0 and 5),
	CONSTRAINT "survey_answers_one_value_check" CHECK (("survey_answers"."score" is null) <> ("survey_answers"."text" is null))
);
--> statement-breakpoint
CREATE TABLE "survey_participants" (
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "survey_participants_survey_id_user_id_pk" PRIMARY KEY("survey_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"theme" text,
	CONSTRAINT "survey_questions_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "survey_questions_position_unique" UNIQUE("survey_id","position"),
	CONSTRAINT "survey_questions_kind_check" CHECK ("survey_questions"."kind" in ('scale', 'yes_no', 'text'))
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"team_id" uuid,
	"day" date NOT NULL,
	CONSTRAINT "survey_responses_org_id_unique" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_teams" (
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	CONSTRAINT "survey_teams_survey_id_team_id_pk" PRIMARY KEY("survey_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"schedule" text DEFAULT 'once' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "surveys_scope_check" CHECK ("surveys"."scope" in ('everyone', 'pilot', 'teams')),
	CONSTRAINT "surveys_schedule_check" CHECK ("surveys"."schedule" in ('once', 'monthly', 'cycle_end')),
	CONSTRAINT "surveys_status_check" CHECK ("surveys"."status" in ('open', 'closed')),
	CONSTRAINT "surveys_round_check" CHECK ("surveys"."round" >= 1),
	CONSTRAINT "surveys_dates_check" CHECK ("surveys"."closes_on" >= "surveys"."opens_on")
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role_check";--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_role_check";--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "pilot_teams" ADD CONSTRAINT "pilot_teams_team_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_settings" ADD CONSTRAINT "rollout_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_fk" FOREIGN KEY ("org_id","response_id") REFERENCES "public"."survey_responses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_question_fk" FOREIGN KEY ("org_id","question_id") REFERENCES "public"."survey_questions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participants" ADD CONSTRAINT "survey_participants_survey_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participants" ADD CONSTRAINT "survey_participants_user_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_survey_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_team_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_teams" ADD CONSTRAINT "survey_teams_survey_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_teams" ADD CONSTRAINT "survey_teams_team_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answers_question_idx" ON "survey_answers" USING btree ("org_id","question_id");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("org_id","survey_id","team_id");--> statement-breakpoint
CREATE INDEX "surveys_org_series_idx" ON "surveys" USING btree ("org_id","series_id","round");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('owner', 'admin', 'champion', 'member'));--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_role_check" CHECK ("invitations"."role" in ('owner', 'admin', 'champion', 'member'));--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" in ('reminder', 'escalation', 'digest', 'mention', 'comment', 'celebration', 'blocker', 'survey'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('reminder', 'escalation', 'digest', 'mention', 'comment', 'celebration', 'blocker', 'survey'));