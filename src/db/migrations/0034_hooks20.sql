ALTER TABLE "activities" DROP CONSTRAINT "activities_via_known";--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "slack_channel_id" text;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "announced_status" text;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_slack_channel_id_check" CHECK ("teams"."slack_channel_id" ~ '^[CG][A-Z0-9]{8,}$');--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_via_known" CHECK ("activities"."via" is null or "activities"."via" in ('mcp', 'slack'));--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_announced_status_check" CHECK ("objectives"."announced_status" is null or "objectives"."announced_status" in ('on_track', 'at_risk', 'off_track'));