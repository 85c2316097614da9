/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement one call of an operation sends, on a kept database:
 *   node --import tsx bench/eval13-explain.ts evaluation|lessons [query]
 * The statements are captured from the pg client, then explained one by one with their parameters.
 */
import pg from 'pg';
import { openPostgres } from '../src/db/postgres-engine.js';
import { cycleEvaluation } from '../src/server/services/evaluation/cycle-evaluation.js';
import { searchLessons } from '../src/server/services/lessons/search-lessons.js';
import { keptContext } from './eval13-context.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/h_eval13';
const [op = 'evaluation', q = 'shipping'] = process.argv.slice(2);
const handle = await openPostgres(url, { max: 4 });
const ctx = await keptContext(handle.db);
const captured: { text: string; values: unknown[] }[] = [];
const original = pg.Client.prototype.query;
let capturing = true;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
  if (capturing) {
    const text = typeof config === 'string' ? config : config.text;
    captured.push({ text, values: (typeof config === 'string' ? values : (config.values ?? values)) ?? [] });
  }
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;
const t0 = performance.now();
if (op === 'evaluation') await cycleEvaluation(handle.db, ctx.reader, ctx.cycle.id, ctx.now);
else await searchLessons(handle.db, ctx.reader, { q });
console.log(`call: ${(performance.now() - t0).toFixed(1)} ms, ${captured.length} statements`);
capturing = false;
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query('set jit = off');
// PRESET='set enable_hashjoin = off; …' tries another plan for the same statements.
if (process.env.PRESET) await client.query(process.env.PRESET);
for (const { text, values } of captured) {
  console.log('\n==== ' + text.replace(/\s+/g, ' ').slice(0, 300));
  if (process.env.SQL) console.log(text, JSON.stringify(values));
  const plan = await client.query({
    text: `explain (analyze, buffers${process.env.TIMING === 'off' ? ', timing off' : ''}) ${text}`,
    values,
  });
  console.log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
}
await client.end();
await handle.close();
