CREATE TABLE "onboarding_progress" (
	"org_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"step" text NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onboarding_progress_org_id_user_id_step_pk" PRIMARY KEY("org_id","user_id","step"),
	CONSTRAINT "onboarding_progress_step_check" CHECK ("onboarding_progress"."step" in ('what-are-okrs', 'examples', 'weekly-expectations', 'first-check-in', 'lead-check-in', 'review-drafts'))
);
--> statement-breakpoint
ALTER TABLE "onboarding_progress" ADD CONSTRAINT "onboarding_progress_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_progress" ADD CONSTRAINT "onboarding_progress_user_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;