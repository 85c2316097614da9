CREATE TABLE "objective_review_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"requested_by" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_review_requests_org_id_unique" UNIQUE("org_id","id"),
	CONSTRAINT "objective_review_requests_status_check" CHECK ("objective_review_requests"."status" in ('open', 'approved', 'changes_requested', 'withdrawn')),
	CONSTRAINT "objective_review_requests_note_check" CHECK (char_length("objective_review_requests"."note") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "rollout_settings" ADD COLUMN "approval_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "objective_review_requests" ADD CONSTRAINT "objective_review_requests_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_review_requests" ADD CONSTRAINT "objective_review_requests_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_review_requests" ADD CONSTRAINT "objective_review_requests_requested_by_fk" FOREIGN KEY ("org_id","requested_by") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_review_requests" ADD CONSTRAINT "objective_review_requests_reviewer_fk" FOREIGN KEY ("org_id","reviewer_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "objective_review_requests_open_unique" ON "objective_review_requests" USING btree ("org_id","objective_id","reviewer_id") WHERE "objective_review_requests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "objective_review_requests_objective_idx" ON "objective_review_requests" USING btree ("org_id","objective_id");--> statement-breakpoint
CREATE INDEX "objective_review_requests_reviewer_idx" ON "objective_review_requests" USING btree ("org_id","reviewer_id","status");--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" in ('reminder', 'escalation', 'digest', 'mention', 'comment', 'celebration', 'blocker', 'survey', 'review'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('reminder', 'escalation', 'digest', 'mention', 'comment', 'celebration', 'blocker', 'survey', 'review'));