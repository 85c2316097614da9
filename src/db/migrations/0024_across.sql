CREATE TABLE "annual_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pillar_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"owner_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_objectives_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "annual_objectives_title_check" CHECK (length(trim("annual_objectives"."title")) > 0),
	CONSTRAINT "annual_objectives_year_check" CHECK ("annual_objectives"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "organization_strategy" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"mission" text,
	"vision" text,
	"leaderboard_enabled" boolean DEFAULT true NOT NULL,
	"leaderboard_hide_names" boolean DEFAULT false NOT NULL,
	"leaderboard_measure" text DEFAULT 'pace' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_strategy_measure_check" CHECK ("organization_strategy"."leaderboard_measure" in ('pace', 'discipline', 'improvement'))
);
--> statement-breakpoint
CREATE TABLE "pillars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"narrative" text,
	"owner_id" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pillars_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "pillars_name_check" CHECK (length(trim("pillars"."name")) > 0)
);
--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "pillar_id" uuid;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "annual_objective_id" uuid;--> statement-breakpoint
ALTER TABLE "annual_objectives" ADD CONSTRAINT "annual_objectives_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_objectives" ADD CONSTRAINT "annual_objectives_pillar_fk" FOREIGN KEY ("org_id","pillar_id") REFERENCES "public"."pillars"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_strategy" ADD CONSTRAINT "organization_strategy_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pillars" ADD CONSTRAINT "pillars_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_objectives_org_year_idx" ON "annual_objectives" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "pillars_org_idx" ON "pillars" USING btree ("org_id","position");--> statement-breakpoint
-- custom SQL (not generated)
-- ON DELETE SET NULL (column) clears only the link, never org_id (PostgreSQL 15+; Drizzle cannot declare it).
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_pillar_fk" FOREIGN KEY ("org_id", "pillar_id") REFERENCES "pillars" ("org_id", "id") ON DELETE SET NULL ("pillar_id");--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_annual_objective_fk" FOREIGN KEY ("org_id", "annual_objective_id") REFERENCES "annual_objectives" ("org_id", "id") ON DELETE SET NULL ("annual_objective_id");--> statement-breakpoint
ALTER TABLE "pillars" ADD CONSTRAINT "pillars_owner_fk" FOREIGN KEY ("org_id", "owner_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("owner_id");--> statement-breakpoint
ALTER TABLE "annual_objectives" ADD CONSTRAINT "annual_objectives_owner_fk" FOREIGN KEY ("org_id", "owner_id") REFERENCES "users" ("org_id", "id") ON DELETE SET NULL ("owner_id");--> statement-breakpoint
-- What serves a pillar or an annual objective is read by it.
CREATE INDEX "objectives_pillar_idx" ON "objectives" ("org_id", "pillar_id") WHERE "pillar_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "objectives_annual_objective_idx" ON "objectives" ("org_id", "annual_objective_id") WHERE "annual_objective_id" IS NOT NULL;
