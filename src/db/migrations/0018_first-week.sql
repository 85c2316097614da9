CREATE TABLE "pace_history" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pace_history_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"key_result_id" uuid,
	"valid_from" date NOT NULL,
	"effective_start_date" date,
	"objective_status" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pace_history_status_check" CHECK ("pace_history"."objective_status" in ('draft', 'active', 'closed', 'archived')),
	CONSTRAINT "pace_history_status_only_objective" CHECK ("pace_history"."key_result_id" is null or "pace_history"."objective_status" is null)
);
--> statement-breakpoint
ALTER TABLE "pace_history" ADD CONSTRAINT "pace_history_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pace_history" ADD CONSTRAINT "pace_history_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pace_history" ADD CONSTRAINT "pace_history_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pace_history_objective_idx" ON "pace_history" USING btree ("org_id","objective_id","valid_from");