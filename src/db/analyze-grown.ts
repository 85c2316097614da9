import type { PGlite } from '@electric-sql/pglite';

/** A table's statistics are stale once it has grown (or shrunk) by this share since its last ANALYZE. */
const CHANGE = 0.2;
// Below this many pages a wrong estimate costs nothing: ANALYZE would be work for no gain.
const MIN_PAGES = 8;

/**
 * PGlite runs no autovacuum, so a planner that last saw a table empty keeps planning for an empty
 * table (bench: one tree level 68 ms with such statistics, 9 ms after ANALYZE). This does
 * autovacuum's analyze part by size: the tables whose page count moved by a fifth since their
 * statistics are analyzed again. One catalog read when nothing moved. Answers the tables analyzed.
 */
export async function analyzeGrownTables(client: PGlite): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r'
       and abs(pg_relation_size(c.oid) / current_setting('block_size')::int - c.relpages) > greatest($1::int, c.relpages * $2::float8)`,
    [MIN_PAGES, CHANGE],
  );
  for (const { name } of rows) await client.exec(`analyze "${name.replaceAll('"', '""')}"`);
  return rows.map((r) => r.name);
}
