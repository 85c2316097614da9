CREATE TABLE "objective_quality_penalties" (
	"objective_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"penalty" integer NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_quality_penalties_penalty_check" CHECK ("objective_quality_penalties"."penalty" >= 0)
);
--> statement-breakpoint
ALTER TABLE "objective_quality_penalties" ADD CONSTRAINT "objective_quality_penalties_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_quality_penalties" ADD CONSTRAINT "objective_quality_penalties_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objective_quality_penalties_org_idx" ON "objective_quality_penalties" USING btree ("org_id");