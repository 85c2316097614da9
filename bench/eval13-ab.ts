/**
 * Old vs new on the same kept database, alternating call by call, answers compared (deep-equal) on every call:
 *   node --import tsx bench/eval13-ab.ts lessons|evaluation [iterations=40] [warmup=3]
 * BENCH_DATABASE_URL (default: this helper's kept scale-1 database). Prints p50/p95 of each and the load average.
 */
import { deepStrictEqual } from 'node:assert';
import { loadavg } from 'node:os';
import { openPostgres } from '../src/db/postgres-engine.js';
import { cycleEvaluation } from '../src/server/services/evaluation/cycle-evaluation.js';
import { searchLessons, type LessonQuery } from '../src/server/services/lessons/search-lessons.js';
import type { Reader } from '../src/server/services/visibility/objective-visible.js';
import { cycleEvaluation as baselineEvaluation } from './eval13-baseline/cycle-evaluation.js';
import { searchLessons as baselineSearch } from './eval13-baseline/search-lessons.js';
import { keptContext } from './eval13-context.js';
import { LESSON_QUERIES } from './lessons.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/h_eval13';
const [op = 'lessons', iterationsArg = '40', warmupArg = '3'] = process.argv.slice(2);
const handle = await openPostgres(url);
const ctx = await keptContext(handle.db);
const admin: Reader = { ...ctx.reader, role: 'admin' };

type Call = (variant: 'old' | 'new', i: number) => Promise<unknown>;
const lessonQueries: LessonQuery[] = [
  ...LESSON_QUERIES.map((q) => ({ q })),
  { q: 'customers demo', match: 'any' },
  { q: 'onboarding pricing owner', match: 'any', limit: 3 },
  { q: 'shipping', cycleId: ctx.cycle.id, limit: 100 },
  {},
  { tag: 'data', outcome: 'missed' },
];
const calls: Record<string, Call> = {
  lessons: (variant, i) =>
    (variant === 'old' ? baselineSearch : searchLessons)(
      handle.db,
      i % 5 === 4 ? admin : ctx.reader,
      lessonQueries[i % lessonQueries.length]!,
    ),
  // What the bench's lessonsSearch op asks: one of its queries, as a member.
  lessonsBench: (variant, i) =>
    (variant === 'old' ? baselineSearch : searchLessons)(handle.db, ctx.reader, { q: LESSON_QUERIES[i % LESSON_QUERIES.length]! }),
  evaluation: (variant, i) => {
    const cycleId = i % 4 === 3 ? ctx.cycleIds[(i >> 2) % 3]! : ctx.cycle.id;
    return (variant === 'old' ? baselineEvaluation : cycleEvaluation)(handle.db, i % 5 === 4 ? admin : ctx.reader, cycleId, ctx.now);
  },
  evaluationActive: (variant) => (variant === 'old' ? baselineEvaluation : cycleEvaluation)(handle.db, ctx.reader, ctx.cycle.id, ctx.now),
};
const call = calls[op];
if (!call) throw new Error(`unknown op ${op}`);
const iterations = Number(iterationsArg);
const times = { old: [] as number[], new: [] as number[] };
const loads: number[] = [];
for (let i = 0; i < Number(warmupArg) + iterations; i++) {
  const order: ('old' | 'new')[] = i % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
  const answers: Record<string, unknown> = {};
  for (const variant of order) {
    const t0 = performance.now();
    answers[variant] = await call(variant, i);
    const ms = performance.now() - t0;
    if (i >= Number(warmupArg)) times[variant].push(ms);
  }
  deepStrictEqual(answers.new, answers.old, `call ${i}: answers differ`);
  loads.push(loadavg()[0]!);
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
for (const variant of ['old', 'new'] as const) {
  console.log(
    `${op} ${variant}: p50 ${pct(times[variant], 50).toFixed(1)} ms, p95 ${pct(times[variant], 95).toFixed(1)} ms (${iterations} calls)`,
  );
}
console.log(
  `answers deep-equal on all ${Number(warmupArg) + iterations} calls; load average ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`,
);
await handle.close();
