CREATE TABLE "dependencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"key_result_id" uuid,
	"requesting_team_id" uuid,
	"providing_team_id" uuid NOT NULL,
	"providing_objective_id" uuid,
	"providing_key_result_id" uuid,
	"description" text NOT NULL,
	"needed_by" date NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"answer_note" text,
	"requested_by" text,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dependencies_status_check" CHECK ("dependencies"."status" in ('requested', 'accepted', 'declined')),
	CONSTRAINT "dependencies_other_team_check" CHECK ("dependencies"."requesting_team_id" is distinct from "dependencies"."providing_team_id"),
	CONSTRAINT "dependencies_answered_check" CHECK (("dependencies"."status" = 'requested') = ("dependencies"."answered_at" is null)),
	CONSTRAINT "dependencies_description_check" CHECK (length(trim("dependencies"."description")) > 0)
);
--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_requesting_team_fk" FOREIGN KEY ("org_id","requesting_team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_providing_team_fk" FOREIGN KEY ("org_id","providing_team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_providing_objective_fk" FOREIGN KEY ("org_id","providing_objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_providing_key_result_fk" FOREIGN KEY ("org_id","providing_key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_requested_by_fk" FOREIGN KEY ("org_id","requested_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_answered_by_fk" FOREIGN KEY ("org_id","answered_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dependencies_objective_idx" ON "dependencies" USING btree ("org_id","objective_id");--> statement-breakpoint
CREATE INDEX "dependencies_providing_team_idx" ON "dependencies" USING btree ("org_id","providing_team_id");--> statement-breakpoint
CREATE INDEX "dependencies_requesting_team_idx" ON "dependencies" USING btree ("org_id","requesting_team_id");--> statement-breakpoint
CREATE INDEX "dependencies_providing_objective_idx" ON "dependencies" USING btree ("org_id","providing_objective_id");