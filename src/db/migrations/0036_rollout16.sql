CREATE TABLE "rollout_key_results" (
	"org_id" uuid NOT NULL,
	"key_result_id" uuid NOT NULL,
	"figure" text NOT NULL,
	CONSTRAINT "rollout_key_results_org_id_key_result_id_pk" PRIMARY KEY("org_id","key_result_id"),
	CONSTRAINT "rollout_key_results_figure_check" CHECK ("rollout_key_results"."figure" in ('on_time_check_ins', 'clarity', 'leadership_support', 'retrospective_completion'))
);
--> statement-breakpoint
ALTER TABLE "rollout_key_results" ADD CONSTRAINT "rollout_key_results_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;