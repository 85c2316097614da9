DROP INDEX "lessons_search_idx";--> statement-breakpoint
CREATE INDEX "lessons_search_idx" ON "lessons" USING gin ("search") WITH (fastupdate=false);