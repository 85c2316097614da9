CREATE TABLE "meeting_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" text NOT NULL,
	"due_date" date NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"owner_id" text,
	"decided_on" date NOT NULL,
	"objective_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item" text NOT NULL,
	"body" text NOT NULL,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "meeting_participants_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"update" text NOT NULL,
	"confidence" integer,
	"blockers" text,
	"commitments" text,
	"kept_previous" boolean,
	"posted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_updates_once" UNIQUE("meeting_id","user_id"),
	CONSTRAINT "meeting_updates_confidence_check" CHECK ("meeting_updates"."confidence" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"audience" text NOT NULL,
	"team_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 30 NOT NULL,
	"recurrence" text DEFAULT 'none' NOT NULL,
	"async_deadline" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "meetings_kind_check" CHECK ("meetings"."kind" in ('weekly', 'monthly_deep_dive', 'quarterly_review', 'one_on_one')),
	CONSTRAINT "meetings_audience_check" CHECK ("meetings"."audience" in ('team', 'department', 'company', 'pair')),
	CONSTRAINT "meetings_recurrence_check" CHECK ("meetings"."recurrence" in ('none', 'weekly', 'biweekly', 'monthly', 'quarterly')),
	CONSTRAINT "meetings_team_check" CHECK (("meetings"."audience" in ('team', 'department')) = ("meetings"."team_id" is not null)),
	CONSTRAINT "meetings_duration_check" CHECK ("meetings"."duration_minutes" between 5 and 480)
);
--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."meetings"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."meetings"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."meetings"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."meetings"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_user_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_updates" ADD CONSTRAINT "meeting_updates_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_updates" ADD CONSTRAINT "meeting_updates_participant_fk" FOREIGN KEY ("meeting_id","user_id") REFERENCES "public"."meeting_participants"("meeting_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_updates" ADD CONSTRAINT "meeting_updates_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."meetings"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_team_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_actions_owner_idx" ON "meeting_actions" USING btree ("org_id","owner_id","due_date");--> statement-breakpoint
CREATE INDEX "meeting_actions_series_idx" ON "meeting_actions" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "meeting_decisions_org_idx" ON "meeting_decisions" USING btree ("org_id","decided_on");--> statement-breakpoint
CREATE INDEX "meeting_notes_meeting_idx" ON "meeting_notes" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_user_idx" ON "meeting_participants" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "meetings_org_starts_idx" ON "meetings" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_series_idx" ON "meetings" USING btree ("series_id","starts_at");--> statement-breakpoint
-- custom SQL (not generated)
-- A decision outlives its owner and its objective: ON DELETE SET NULL (column) clears only that reference (PostgreSQL 15+).
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_owner_fk" FOREIGN KEY ("org_id", "owner_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("owner_id");--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_objective_fk" FOREIGN KEY ("org_id", "objective_id") REFERENCES "objectives" ("org_id", "id") ON DELETE SET NULL ("objective_id");--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_author_fk" FOREIGN KEY ("org_id", "author_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("author_id");--> statement-breakpoint
-- The decision log is searched by words across the organisation.
CREATE INDEX "meeting_decisions_search_idx" ON "meeting_decisions" USING gin (to_tsvector('simple', "decision"));
