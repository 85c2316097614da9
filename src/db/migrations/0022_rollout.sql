CREATE TABLE "rollout_phases" (
	"org_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"owner_id" text,
	"due_on" date,
	"done" boolean DEFAULT false NOT NULL,
	CONSTRAINT "rollout_phases_org_id_phase_pk" PRIMARY KEY("org_id","phase"),
	CONSTRAINT "rollout_phases_phase_check" CHECK ("rollout_phases"."phase" in ('assessment', 'communication', 'engagement', 'support', 'monitoring'))
);
--> statement-breakpoint
CREATE TABLE "rollout_team_members" (
	"org_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"focus" text NOT NULL,
	CONSTRAINT "rollout_team_members_org_id_user_id_pk" PRIMARY KEY("org_id","user_id"),
	CONSTRAINT "rollout_team_members_focus_check" CHECK ("rollout_team_members"."focus" in ('strategy', 'process', 'people'))
);
--> statement-breakpoint
ALTER TABLE "rollout_settings" ADD COLUMN "company_okrs_first" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rollout_settings" ADD COLUMN "maturity_level" text DEFAULT 'learning' NOT NULL;--> statement-breakpoint
ALTER TABLE "rollout_phases" ADD CONSTRAINT "rollout_phases_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_phases" ADD CONSTRAINT "rollout_phases_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_team_members" ADD CONSTRAINT "rollout_team_members_user_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_settings" ADD CONSTRAINT "rollout_settings_maturity_check" CHECK ("rollout_settings"."maturity_level" in ('learning', 'practising', 'scaling'));