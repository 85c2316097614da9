CREATE TABLE "initiative_driven_key_results" (
	"org_id" uuid NOT NULL,
	"key_result_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"key_result_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"due_date" date,
	"url" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiatives_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "initiatives_status_check" CHECK ("initiatives"."status" in ('planned', 'in_progress', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "okr_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"objective_id" uuid,
	"key_result_id" uuid,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "okr_files_one_parent_check" CHECK (num_nonnulls("okr_files"."objective_id", "okr_files"."key_result_id") = 1),
	CONSTRAINT "okr_files_name_check" CHECK (length(trim("okr_files"."name")) > 0),
	CONSTRAINT "okr_files_size_check" CHECK ("okr_files"."size" = octet_length("okr_files"."content"))
);
--> statement-breakpoint
CREATE TABLE "okr_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"objective_id" uuid,
	"key_result_id" uuid,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "okr_links_one_parent_check" CHECK (num_nonnulls("okr_links"."objective_id", "okr_links"."key_result_id") = 1),
	CONSTRAINT "okr_links_url_check" CHECK ("okr_links"."url" ~* '^https?://')
);
--> statement-breakpoint
ALTER TABLE "initiative_driven_key_results" ADD CONSTRAINT "initiative_driven_key_results_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_driven_key_results" ADD CONSTRAINT "initiative_driven_key_results_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "okr_files" ADD CONSTRAINT "okr_files_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "okr_files" ADD CONSTRAINT "okr_files_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "okr_files" ADD CONSTRAINT "okr_files_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "okr_links" ADD CONSTRAINT "okr_links_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "okr_links" ADD CONSTRAINT "okr_links_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "okr_links" ADD CONSTRAINT "okr_links_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiatives_key_result_idx" ON "initiatives" USING btree ("key_result_id","position");--> statement-breakpoint
CREATE INDEX "initiatives_owner_idx" ON "initiatives" USING btree ("org_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "okr_files_objective_idx" ON "okr_files" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "okr_files_key_result_idx" ON "okr_files" USING btree ("key_result_id");--> statement-breakpoint
CREATE INDEX "okr_files_org_idx" ON "okr_files" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "okr_links_objective_idx" ON "okr_links" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "okr_links_key_result_idx" ON "okr_links" USING btree ("key_result_id");