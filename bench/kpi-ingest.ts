/**
 * Values pushed with ingest tokens, as dashboards and scripts push them: `concurrency` pushers call the real
 * `ingestValue` (token check, the value stored, activity, recovery check; the following key results' check-ins and
 * their roll-up to the top in a pass right after, which the phase waits for at its end) one push after another for `seconds`, three in four to a KPI followed by a key result and one in
 * four to a key result (a proposed check-in). Issue 15 asks 200 values a second sustained on PostgreSQL, with the
 * roll-ups correct afterwards: the caller runs verifyCycle once this is done.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { and, count, eq, like } from 'drizzle-orm';
import type { Database } from '../src/db/database.js';
import { checkInProposals, checkIns } from '../src/db/schema/index.js';
import { createLocalBus } from '../src/server/events/bus.js';
import { followsSettled } from '../src/server/services/kpis/follow-soon.js';
import { ingestValue } from '../src/server/services/kpis/ingest.js';
import type { IngestTarget } from './kpis.js';
import { percentile, type BenchContext } from './measure.js';
import { Rng } from './rng.js';

export const INGEST_TARGET_PER_SECOND = 200;

export interface IngestResult {
  seconds: number;
  concurrency: number;
  kpis: number;
  pushed: number;
  kpiPushes: number;
  keyResultPushes: number;
  /** Pushes answered per second over the whole run, and in the slowest whole second of it. */
  perSecond: number;
  slowestSecond: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
  firstError: string | null;
  /** How long after the last push the key results following the pushed KPIs had caught up. */
  settledAfterMs: number;
  /** Check-ins written because a key result follows a pushed KPI, and proposed check-ins waiting for their owners. */
  followedCheckIns: number;
  proposals: number;
  loadBefore: number;
  loadAfter: number;
}

export async function measureIngest(
  db: Database,
  ctx: BenchContext,
  targets: IngestTarget[],
  options: { seconds: number; concurrency: number; seed: number },
): Promise<IngestResult> {
  const kpiTargets = targets.filter((t) => t.kind === 'kpi');
  const krTargets = targets.filter((t) => t.kind === 'key_result');
  if (kpiTargets.length === 0 || krTargets.length === 0) throw new Error('no ingest targets were seeded');
  const deps = { db, events: createLocalBus(), clock: () => ctx.now };
  const latencies: number[] = [];
  const doneAt: number[] = [];
  let kpiPushes = 0;
  let errors = 0;
  let firstError: string | null = null;
  const loadBefore = loadavg()[0]!;
  const start = performance.now();
  const deadline = start + options.seconds * 1000;
  const pusher = async (w: number) => {
    const rng = new Rng(options.seed + w);
    while (performance.now() < deadline) {
      const toKpi = rng.next() < 0.75;
      const target = rng.pick(toKpi ? kpiTargets : krTargets);
      const value = Math.round(rng.between(40, 100) * 100) / 100;
      const t0 = performance.now();
      try {
        await ingestValue(deps, target.token, target.metricId, { value, asOf: ctx.today, source: 'bench pusher' });
        if (toKpi) kpiPushes++;
        const t1 = performance.now();
        latencies.push(t1 - t0);
        doneAt.push(t1 - start);
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => pusher(w)));
  const elapsed = (performance.now() - start) / 1000;
  // The key results following the pushed KPIs catch up after each push's commit: wait for the last pass.
  const settling = performance.now();
  await followsSettled(db);
  const settledAfterMs = performance.now() - settling;
  const buckets = new Array<number>(Math.max(1, Math.floor(elapsed))).fill(0);
  for (const at of doneAt) {
    const second = Math.floor(at / 1000);
    if (second < buckets.length) buckets[second]!++;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const [followed] = await db
    .select({ n: count() })
    .from(checkIns)
    .where(and(eq(checkIns.orgId, ctx.orgId), like(checkIns.note, 'Followed the KPI%')));
  const [proposed] = await db.select({ n: count() }).from(checkInProposals).where(eq(checkInProposals.orgId, ctx.orgId));
  return {
    seconds: elapsed,
    concurrency: options.concurrency,
    kpis: kpiTargets.length,
    pushed: latencies.length,
    kpiPushes,
    keyResultPushes: latencies.length - kpiPushes,
    perSecond: latencies.length / elapsed,
    slowestSecond: Math.min(...buckets),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    errors,
    firstError,
    settledAfterMs,
    followedCheckIns: followed?.n ?? 0,
    proposals: proposed?.n ?? 0,
    loadBefore,
    loadAfter: loadavg()[0]!,
  };
}
