CREATE TABLE "lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"text" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"team_id" uuid,
	"cycle_id" uuid NOT NULL,
	"objective_id" uuid,
	"outcome" text,
	"author_id" text,
	"source_kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "lessons"."text")) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lessons_outcome_check" CHECK ("lessons"."outcome" in ('achieved', 'partially', 'missed')),
	CONSTRAINT "lessons_source_kind_check" CHECK ("lessons"."source_kind" in ('closing_note', 'retrospective')),
	CONSTRAINT "lessons_text_check" CHECK (length("lessons"."text") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "retrospective_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"retrospective_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner_id" text NOT NULL,
	"due_date" date NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retrospective_actions_text_check" CHECK (length("retrospective_actions"."text") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "retrospective_participants" (
	"org_id" uuid NOT NULL,
	"retrospective_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "retrospective_participants_retrospective_id_user_id_pk" PRIMARY KEY("retrospective_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "retrospectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"objective_id" uuid,
	"state" text DEFAULT '' NOT NULL,
	"went_well" text DEFAULT '' NOT NULL,
	"went_badly" text DEFAULT '' NOT NULL,
	"root_causes" text DEFAULT '' NOT NULL,
	"lessons_text" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retrospectives_org_id_unique" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_cycle_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_team_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospective_actions" ADD CONSTRAINT "retrospective_actions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospective_actions" ADD CONSTRAINT "retrospective_actions_retro_fk" FOREIGN KEY ("org_id","retrospective_id") REFERENCES "public"."retrospectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospective_actions" ADD CONSTRAINT "retrospective_actions_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospective_participants" ADD CONSTRAINT "retrospective_participants_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospective_participants" ADD CONSTRAINT "retrospective_participants_retro_fk" FOREIGN KEY ("org_id","retrospective_id") REFERENCES "public"."retrospectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospective_participants" ADD CONSTRAINT "retrospective_participants_user_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospectives" ADD CONSTRAINT "retrospectives_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospectives" ADD CONSTRAINT "retrospectives_cycle_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospectives" ADD CONSTRAINT "retrospectives_team_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospectives" ADD CONSTRAINT "retrospectives_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lessons_search_idx" ON "lessons" USING gin ("search");--> statement-breakpoint
CREATE INDEX "lessons_tags_idx" ON "lessons" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "lessons_source_idx" ON "lessons" USING btree ("org_id","source_kind","source_id");--> statement-breakpoint
CREATE INDEX "lessons_org_cycle_idx" ON "lessons" USING btree ("org_id","cycle_id");--> statement-breakpoint
CREATE INDEX "retrospective_actions_owner_idx" ON "retrospective_actions" USING btree ("org_id","owner_id","done");--> statement-breakpoint
CREATE INDEX "retrospective_actions_retro_idx" ON "retrospective_actions" USING btree ("retrospective_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retrospectives_team_unique" ON "retrospectives" USING btree ("org_id","cycle_id","team_id") WHERE "retrospectives"."objective_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "retrospectives_objective_unique" ON "retrospectives" USING btree ("org_id","cycle_id","objective_id") WHERE "retrospectives"."objective_id" is not null;--> statement-breakpoint
-- custom SQL (not generated)
-- Authors clear themselves when their account is deleted, keeping the lesson (Drizzle cannot declare SET NULL (column)).
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_author_fk" FOREIGN KEY ("org_id", "author_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("author_id");
--> statement-breakpoint
ALTER TABLE "retrospectives" ADD CONSTRAINT "retrospectives_created_by_fk" FOREIGN KEY ("org_id", "created_by") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("created_by");
