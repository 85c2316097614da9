/**
 * The close of the active cycle (12,500 objectives at scale 1) through the real service, as an admin closing over
 * an unfinished review: every key result and objective scored at the end date and frozen, each objective's verdict
 * and outcome written to its history (achieved ones celebrated in the feed). Lessons are indexed as they are
 * written (the `search` column PostgreSQL computes), so the bench's lessons library is searchable before and after.
 * A cycle closes once: this runs once per engine, after every other measurement of the active cycle.
 */
import { performance } from 'node:perf_hooks';
import { and, count, eq, ne } from 'drizzle-orm';
import type { Database } from '../src/db/database.js';
import { objectives } from '../src/db/schema/index.js';
import { createLocalBus } from '../src/server/events/bus.js';
import { updateCycle } from '../src/server/services/okrs/cycles.js';
import type { BenchContext } from './measure.js';

export interface CloseResult {
  ms: number;
  objectives: number;
  /** Published objectives of the cycle left without a score after the close (0 when it worked). */
  unscored: number;
}

export async function measureClose(db: Database, ctx: BenchContext, adminId: string): Promise<CloseResult> {
  const admin = {
    userId: adminId,
    orgId: ctx.orgId,
    role: 'admin' as const,
    name: 'Bench',
    email: 'bench@example.com',
    via: 'session' as const,
  };
  const deps = { db, events: createLocalBus(), clock: () => ctx.now };
  const published = and(eq(objectives.orgId, ctx.orgId), eq(objectives.cycleId, ctx.cycle.id), ne(objectives.status, 'draft'));
  const [all] = await db.select({ n: count() }).from(objectives).where(published);
  const start = performance.now();
  await updateCycle(deps, admin, ctx.cycle.id, { status: 'closed', closeOverrideReason: 'Closed by the benchmark over an open review' });
  const ms = performance.now() - start;
  const [left] = await db
    .select({ n: count() })
    .from(objectives)
    .where(and(published, eq(objectives.status, 'active')));
  return { ms, objectives: all?.n ?? 0, unscored: left?.n ?? 0 };
}
