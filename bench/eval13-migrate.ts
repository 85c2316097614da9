/** Applies the pending migrations to a kept bench database: node --import tsx bench/eval13-migrate.ts [url] */
import { openPostgres } from '../src/db/postgres-engine.js';

const handle = await openPostgres(process.argv[2] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/h_eval13');
const t0 = performance.now();
await handle.migrate();
console.log(`migrated in ${(performance.now() - t0).toFixed(0)} ms`);
await handle.close();
