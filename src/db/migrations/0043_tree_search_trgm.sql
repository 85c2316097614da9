-- custom SQL (not generated)
-- Tree search matches `title ilike '%words%'` on objectives and key results. A trigram index answers that without
-- reading every title of the organisation (scale 1: 150,000 key results). pg_trgm ships with PostgreSQL's contrib and
-- with PGlite (loaded by src/db/pglite-extensions.ts); where it cannot be created (a server without contrib, or a role
-- that may not create it) the indexes are skipped and search scans, as it did before.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): tree search runs without trigram indexes', SQLERRM;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS objectives_title_trgm_idx ON objectives USING gin (title gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS key_results_title_trgm_idx ON key_results USING gin (title gin_trgm_ops);
  END IF;
END
$$;
