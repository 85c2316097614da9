CREATE TABLE "check_in_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"key_result_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"as_of" date NOT NULL,
	"source" text NOT NULL,
	"token_id" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"check_in_id" uuid,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_proposals_status_check" CHECK ("check_in_proposals"."status" in ('proposed', 'confirmed', 'dismissed')),
	CONSTRAINT "check_in_proposals_value_finite_check" CHECK (value not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))
);
--> statement-breakpoint
CREATE TABLE "ingest_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kpi_id" uuid,
	"key_result_id" uuid,
	"token_hash" text NOT NULL,
	"label" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "ingest_tokens_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "ingest_tokens_one_metric_check" CHECK (num_nonnulls("ingest_tokens"."kpi_id", "ingest_tokens"."key_result_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "key_result_kpis" (
	"org_id" uuid NOT NULL,
	"key_result_id" uuid PRIMARY KEY NOT NULL,
	"kpi_id" uuid NOT NULL,
	"follows_kpi" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_recoveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"run_started_on" date NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_recoveries_run_unique" UNIQUE("kpi_id","run_started_on")
);
--> statement-breakpoint
CREATE TABLE "kpi_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"recovery_periods" integer DEFAULT 2 NOT NULL,
	CONSTRAINT "kpi_settings_recovery_periods_check" CHECK ("kpi_settings"."recovery_periods" between 1 and 52)
);
--> statement-breakpoint
CREATE TABLE "kpi_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"reported_by" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_values_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "kpi_values_value_finite_check" CHECK (value not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))
);
--> statement-breakpoint
CREATE TABLE "kpis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"owner_id" text,
	"team_id" uuid,
	"unit" text,
	"direction" text NOT NULL,
	"healthy" double precision,
	"watch" double precision,
	"band_min" double precision,
	"band_max" double precision,
	"watch_margin" double precision,
	"cadence" text DEFAULT 'weekly' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpis_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "kpis_direction_check" CHECK ("kpis"."direction" in ('higher_is_better', 'lower_is_better', 'keep_in_band')),
	CONSTRAINT "kpis_cadence_check" CHECK ("kpis"."cadence" in ('weekly', 'monthly')),
	CONSTRAINT "kpis_bands_check" CHECK (case "kpis"."direction"
        when 'higher_is_better' then "kpis"."healthy" is not null and "kpis"."watch" is not null and "kpis"."healthy" >= "kpis"."watch"
        when 'lower_is_better' then "kpis"."healthy" is not null and "kpis"."watch" is not null and "kpis"."healthy" <= "kpis"."watch"
        else "kpis"."band_min" is not null and "kpis"."band_max" is not null and "kpis"."band_min" <= "kpis"."band_max" and "kpis"."watch_margin" >= 0 end)
);
--> statement-breakpoint
ALTER TABLE "check_in_proposals" ADD CONSTRAINT "check_in_proposals_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_proposals" ADD CONSTRAINT "check_in_proposals_token_id_ingest_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."ingest_tokens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_proposals" ADD CONSTRAINT "check_in_proposals_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_tokens" ADD CONSTRAINT "ingest_tokens_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_tokens" ADD CONSTRAINT "ingest_tokens_kpi_fk" FOREIGN KEY ("org_id","kpi_id") REFERENCES "public"."kpis"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_tokens" ADD CONSTRAINT "ingest_tokens_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_kpis" ADD CONSTRAINT "key_result_kpis_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_kpis" ADD CONSTRAINT "key_result_kpis_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_kpis" ADD CONSTRAINT "key_result_kpis_kpi_fk" FOREIGN KEY ("org_id","kpi_id") REFERENCES "public"."kpis"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_recoveries" ADD CONSTRAINT "kpi_recoveries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_recoveries" ADD CONSTRAINT "kpi_recoveries_kpi_fk" FOREIGN KEY ("org_id","kpi_id") REFERENCES "public"."kpis"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_recoveries" ADD CONSTRAINT "kpi_recoveries_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_settings" ADD CONSTRAINT "kpi_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_values" ADD CONSTRAINT "kpi_values_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_values" ADD CONSTRAINT "kpi_values_kpi_fk" FOREIGN KEY ("org_id","kpi_id") REFERENCES "public"."kpis"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_team_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_in_proposals_kr_idx" ON "check_in_proposals" USING btree ("key_result_id","status");--> statement-breakpoint
CREATE INDEX "key_result_kpis_kpi_idx" ON "key_result_kpis" USING btree ("kpi_id");--> statement-breakpoint
CREATE INDEX "kpi_values_kpi_asof_idx" ON "kpi_values" USING btree ("kpi_id","as_of");--> statement-breakpoint
CREATE INDEX "kpis_org_team_idx" ON "kpis" USING btree ("org_id","team_id");