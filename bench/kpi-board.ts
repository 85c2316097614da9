/**
 * The team KPI board at size: 50 KPIs with two years of weekly values (scale 1), served by the same read as
 * GET /api/v1/kpis?teamId=…, on in-memory PGlite. Prints p50/p95 of the read. The issue asks p95 ≤ 30 ms.
 *   node --import tsx bench/kpi-board.ts [--scale 0.05] [--iterations 100]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openPgliteInMemory } from '../src/db/pglite-engine.js';
import { kpis, kpiValues, organizations, teams, users } from '../src/db/schema/index.js';
import { kpiBoard } from '../src/server/services/kpis/kpi-board.js';
import type { Actor } from '../src/server/auth/actor.js';

const { values: args } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, iterations: { type: 'string', default: '100' } },
});
const scale = Number(args.scale);
const iterations = Number(args.iterations);
const kpiCount = Math.max(1, Math.round(50 * scale));
const weeks = 104;

const handle = await openPgliteInMemory();
await handle.migrate();
const { db } = handle;
const [org] = await db.insert(organizations).values({ name: 'Bench' }).returning();
const [user] = await db
  .insert(users)
  .values({ id: 'bench-user', orgId: org!.id, name: 'Bench', email: 'bench@example.test', role: 'admin' })
  .returning();
const [team] = await db.insert(teams).values({ orgId: org!.id, name: 'Platform' }).returning();
const start = Date.parse('2024-01-01T00:00:00Z');
for (let k = 0; k < kpiCount; k++) {
  const [kpi] = await db
    .insert(kpis)
    .values({
      orgId: org!.id,
      teamId: team!.id,
      ownerId: user!.id,
      name: `KPI ${k}`,
      direction: 'higher_is_better',
      healthy: 90,
      watch: 80,
    })
    .returning();
  const rows = Array.from({ length: weeks }, (_, w) => ({
    orgId: org!.id,
    kpiId: kpi!.id,
    asOf: new Date(start + w * 7 * 86_400_000).toISOString().slice(0, 10),
    value: 70 + ((k * 7 + w * 13) % 30),
  }));
  await db.insert(kpiValues).values(rows);
}

const actor: Actor = { userId: user!.id, orgId: org!.id, role: 'admin', name: 'Bench', email: 'bench@example.test', via: 'session' };
for (let i = 0; i < 5; i++) await kpiBoard(db, actor, { teamId: team!.id });
const times: number[] = [];
for (let i = 0; i < iterations; i++) {
  const t0 = performance.now();
  const board = await kpiBoard(db, actor, { teamId: team!.id });
  times.push(performance.now() - t0);
  if (board.length !== kpiCount) throw new Error(`board shows ${board.length} KPIs, expected ${kpiCount}`);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
console.log(
  `KPI board: ${kpiCount} KPIs × ${weeks} weekly values (PGlite, in memory): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${iterations} reads`,
);
await handle.close();
