CREATE TABLE "closing_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"what_worked" text DEFAULT '' NOT NULL,
	"what_did_not" text DEFAULT '' NOT NULL,
	"lessons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next" text NOT NULL,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closing_notes_objective_unique" UNIQUE("org_id","objective_id"),
	CONSTRAINT "closing_notes_outcome_check" CHECK ("closing_notes"."outcome" in ('achieved', 'partially', 'missed')),
	CONSTRAINT "closing_notes_next_check" CHECK ("closing_notes"."next" in ('done', 'carry_over', 'rework', 'drop')),
	CONSTRAINT "closing_notes_length_check" CHECK (char_length("closing_notes"."what_worked") <= 4000 and char_length("closing_notes"."what_did_not") <= 4000),
	CONSTRAINT "closing_notes_lessons_check" CHECK (jsonb_typeof("closing_notes"."lessons") = 'array' and jsonb_array_length("closing_notes"."lessons") <= 20)
);
--> statement-breakpoint
CREATE TABLE "score_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"key_result_id" uuid NOT NULL,
	"proposed_score" double precision NOT NULL,
	"score" double precision NOT NULL,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_confirmations_key_result_unique" UNIQUE("org_id","key_result_id"),
	CONSTRAINT "score_confirmations_score_check" CHECK ("score_confirmations"."score" between 0 and 1 and "score_confirmations"."proposed_score" between 0 and 1)
);
--> statement-breakpoint
ALTER TABLE "cycles" DROP CONSTRAINT "cycles_status_check";--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "review_opens_on" date;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "previous_objective_id" uuid;--> statement-breakpoint
ALTER TABLE "closing_notes" ADD CONSTRAINT "closing_notes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closing_notes" ADD CONSTRAINT "closing_notes_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_confirmations" ADD CONSTRAINT "score_confirmations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_confirmations" ADD CONSTRAINT "score_confirmations_cycle_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_confirmations" ADD CONSTRAINT "score_confirmations_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "score_confirmations_cycle_idx" ON "score_confirmations" USING btree ("org_id","cycle_id");--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_status_check" CHECK ("cycles"."status" in ('planning', 'active', 'review', 'closed'));--> statement-breakpoint
-- custom SQL (not generated)
-- ON DELETE SET NULL (column) clears only the link to the predecessor, never org_id (PostgreSQL 15+; Drizzle cannot declare it).
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_previous_objective_fk" FOREIGN KEY ("org_id", "previous_objective_id") REFERENCES "objectives" ("org_id", "id") ON DELETE SET NULL ("previous_objective_id");
--> statement-breakpoint
ALTER TABLE "closing_notes" ADD CONSTRAINT "closing_notes_author_fk" FOREIGN KEY ("org_id", "author_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("author_id");
--> statement-breakpoint
ALTER TABLE "score_confirmations" ADD CONSTRAINT "score_confirmations_confirmed_by_fk" FOREIGN KEY ("org_id", "confirmed_by") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("confirmed_by");
