CREATE TABLE "objective_viewers" (
	"org_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_viewers_objective_id_user_id_pk" PRIMARY KEY("objective_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "visibility" text DEFAULT 'organization' NOT NULL;--> statement-breakpoint
ALTER TABLE "objective_viewers" ADD CONSTRAINT "objective_viewers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_viewers" ADD CONSTRAINT "objective_viewers_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_viewers" ADD CONSTRAINT "objective_viewers_user_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objective_viewers_user_idx" ON "objective_viewers" USING btree ("org_id","user_id");--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_visibility_check" CHECK ("objectives"."visibility" in ('organization', 'team', 'private'));