/**
 * Old against new for one cross-team view on a kept bench database, alternating calls, answers checked deep-equal:
 *   node --import tsx bench/across-ab.ts <old module> <new module> <heatmap|departmentMap|mapNeighbours> [calls]
 * The modules are paths of services/across folders (the old one a copy of the previous commit's), e.g.
 *   node --import tsx bench/across-ab.ts ../src/server/services/across-old ../src/server/services/across heatmap 20
 * The database is BENCH_DATABASE_URL (a scale-1 database loaded by bench/run.ts --keep).
 */
import { isDeepStrictEqual } from 'node:util';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { and, eq, isNotNull } from 'drizzle-orm';
import { openPostgres } from '../src/db/postgres-engine.js';
import { cycles, teams } from '../src/db/schema/index.js';
import { anyoneIn, type Reader } from '../src/server/services/visibility/objective-visible.js';
import type { Database } from '../src/db/database.js';
import { percentile } from './measure.js';

type CycleRow = typeof cycles.$inferSelect;
type View = (db: Database, reader: Reader, cycle: CycleRow, now: Date, focusTeamId: string) => Promise<unknown>;

async function viewOf(folder: string, op: string): Promise<View> {
  const url = new URL(`${folder}/`, import.meta.url);
  if (op === 'heatmap') {
    const { cycleHeatmap } = await import(new URL('heatmap.ts', url).href);
    return (db, reader, cycle, now) => cycleHeatmap(db, reader, cycle, { now });
  }
  if (op === 'departmentMap') {
    const { cycleDepartmentMap } = await import(new URL('department-map.ts', url).href);
    return (db, reader, cycle) => cycleDepartmentMap(db, reader, cycle);
  }
  const { alignmentMap } = await import(new URL('alignment-map.ts', url).href);
  return (db, reader, cycle, now, focusTeamId) => alignmentMap(db, reader, cycle, { focusTeamId, depth: 1, keyResults: false, now });
}

const [oldFolder, newFolder, op = 'heatmap', callsArg = '20'] = process.argv.slice(2);
if (!oldFolder || !newFolder) throw new Error('usage: across-ab.ts <old folder> <new folder> <op> [calls]');
const handle = await openPostgres(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/h_across14');
const db = handle.db;
const [cycle] = await db.select().from(cycles).where(eq(cycles.status, 'active'));
if (!cycle) throw new Error('no active cycle');
const reader = anyoneIn(cycle.orgId);
const now = new Date('2025-11-19T15:00:00Z');
const departments = await db
  .select({ id: teams.id })
  .from(teams)
  .where(and(eq(teams.orgId, cycle.orgId), eq(teams.kind, 'department'), isNotNull(teams.parentId)))
  .orderBy(teams.id);
const views = { old: await viewOf(oldFolder, op), new: await viewOf(newFolder, op) };
const times: Record<'old' | 'new', number[]> = { old: [], new: [] };
const calls = Number(callsArg);
const loads = [loadavg()[0]!];
let different = 0;
for (let i = -2; i < calls; i++) {
  const focus = departments[(i + 2) % departments.length]!.id;
  const answers: Record<string, unknown> = {};
  // Alternate which goes first, so neither always finds the other's cache warm.
  for (const side of i % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
    const start = performance.now();
    answers[side] = await views[side](db, reader, cycle, now, focus);
    if (i >= 0) times[side].push(performance.now() - start);
  }
  if (!isDeepStrictEqual(answers.old, answers.new)) different++;
}
loads.push(loadavg()[0]!);
const stats = (t: number[]) => {
  const s = [...t].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} p95 ${percentile(s, 95).toFixed(1)} min ${s[0]!.toFixed(1)} ms`;
};
console.log(`${op}, ${calls} calls each after 2 warm-up pairs, load ${loads.map((l) => l.toFixed(2)).join(' → ')}`);
console.log(`  old: ${stats(times.old)}`);
console.log(`  new: ${stats(times.new)}`);
console.log(`  answers different: ${different} of ${calls + 2}`);
await handle.close();
