CREATE TABLE "import_external_ids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"objective_id" uuid,
	"key_result_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_external_ids_one_target_check" CHECK (num_nonnulls("import_external_ids"."objective_id", "import_external_ids"."key_result_id") = 1),
	CONSTRAINT "import_external_ids_external_id_check" CHECK (length("import_external_ids"."external_id") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "import_external_ids" ADD CONSTRAINT "import_external_ids_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_external_ids" ADD CONSTRAINT "import_external_ids_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_external_ids" ADD CONSTRAINT "import_external_ids_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_external_ids_key_unique" ON "import_external_ids" USING btree ("org_id","source","external_id");--> statement-breakpoint
CREATE INDEX "import_external_ids_objective_idx" ON "import_external_ids" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "import_external_ids_key_result_idx" ON "import_external_ids" USING btree ("key_result_id");