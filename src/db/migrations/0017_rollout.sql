CREATE TABLE "adoption_minutes" (
	"org_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"screen" text NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "adoption_minutes_org_id_team_id_week_start_screen_pk" PRIMARY KEY("org_id","team_id","week_start","screen"),
	CONSTRAINT "adoption_minutes_screen_check" CHECK ("adoption_minutes"."screen" in ('planning', 'check_in')),
	CONSTRAINT "adoption_minutes_minutes_check" CHECK ("adoption_minutes"."minutes" >= 0),
	CONSTRAINT "adoption_minutes_monday_check" CHECK (extract(isodow from "adoption_minutes"."week_start") = 1)
);
--> statement-breakpoint
CREATE TABLE "objective_quality_scores" (
	"org_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_quality_scores_org_id_objective_id_pk" PRIMARY KEY("org_id","objective_id"),
	CONSTRAINT "objective_quality_scores_score_check" CHECK ("objective_quality_scores"."score" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "adoption_minutes" ADD CONSTRAINT "adoption_minutes_team_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_quality_scores" ADD CONSTRAINT "objective_quality_scores_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;