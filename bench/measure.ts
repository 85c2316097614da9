/**
 * The measured operations, each through the real services, and the timing loop around them.
 */
import { loadavg } from 'node:os';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../src/db/database.js';
import { cycles } from '../src/db/schema/index.js';
import { createCheckIn } from '../src/server/services/okrs/check-ins.js';
import { cycleSummary } from '../src/server/services/okrs/cycle-summary.js';
import { loadCycleTree } from '../src/server/services/okrs/cycle-tree.js';
import { presentObjectives } from '../src/server/services/okrs/read-model.js';
import { presentObjectivesPage } from '../src/server/services/okrs/objectives-page.js';
import { searchCycleTree } from '../src/server/services/okrs/search-tree.js';
import { presentTreeLevel } from '../src/server/services/okrs/tree-level.js';
import type { Actor } from '../src/server/auth/actor.js';
import { createLocalBus } from '../src/server/events/bus.js';
import type { Dataset } from './generate.js';
import { Rng } from './rng.js';
import { searchLessons } from '../src/server/services/lessons/search-lessons.js';
import { cycleEvaluation } from '../src/server/services/evaluation/cycle-evaluation.js';
import { LESSON_QUERIES, seedLessons } from './lessons.js';
import { adoptionReport } from '../src/server/services/adoption/report.js';
import { teamChanges, weeklyAgenda, wholeCycleChanges } from './review-rhythm.js';
import { readKpiBoard, seedKpiBoard } from './kpis.js';
import { departmentMap, departmentNeighbours, heatmap } from './across.js';
import { surveyResults } from '../src/server/services/surveys/results.js';
import { seedSurvey, SURVEY_RESPONSES } from './surveys.js';

export interface BenchContext {
  orgId: string;
  cycle: typeof cycles.$inferSelect;
  /** The moment the reads are made at, and its date (inside the active cycle). */
  now: Date;
  today: string;
  /** Teams with at least one objective in the active cycle. */
  teamIds: string[];
  /** Their names, which every objective title of the team contains: what a person would search for. */
  teamNames: string[];
  /** Company, division and department objectives of the active cycle (levels 0–2). */
  upperObjectiveIds: string[];
  /** Metric key results of individual (level 5) objectives of the active cycle. */
  deepKeyResults: { id: string; ownerId: string; startValue: number; targetValue: number }[];
  /** The team whose KPI board is read: 50 KPIs with two years of weekly values (bench/kpis.ts). */
  kpiTeamId: string;
  /** Departments under a division (the map focuses on one). */
  departmentIds: string[];
  /** A pulse survey with 10,000 responses (bench/surveys.ts). */
  surveyId: string;
}

export async function benchContext(db: Database, data: Dataset, lessons: number | null = null): Promise<BenchContext> {
  const active = data.cycles[data.activeCycleIndex]!;
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, data.org.id), eq(cycles.id, active.id)));
  if (!cycle) throw new Error('the active cycle was not loaded');
  await seedLessons(db, data, lessons ?? data.objectives.length);
  const inActive = data.objectives.filter((o) => o.cycleIndex === data.activeCycleIndex);
  const teamIds = [...new Set(inActive.flatMap((o) => (o.teamIndex === null ? [] : [data.teams[o.teamIndex]!.id])))];
  const upperObjectiveIds = inActive.filter((o) => o.level <= 2).map((o) => o.id);
  const deepKeyResults = inActive
    .filter((o) => o.level === 5)
    .flatMap((o) => data.keyResults.slice(o.firstKeyResult, o.firstKeyResult + o.keyResultCount))
    .filter((kr) => kr.kind === 'metric')
    .map((kr) => ({ id: kr.id, ownerId: data.users[kr.ownerIndex]!.id, startValue: kr.startValue!, targetValue: kr.targetValue! }));
  const teamNames = [...new Set(inActive.flatMap((o) => (o.teamIndex === null ? [] : [data.teams[o.teamIndex]!.name])))];
  const kpiTeamId = teamIds[0]!;
  await seedKpiBoard(db, data.org.id, kpiTeamId, deepKeyResults[0]!.ownerId, data.today);
  return {
    orgId: data.org.id,
    cycle,
    now: new Date(`${data.today}T15:00:00Z`),
    today: data.today,
    teamIds,
    teamNames,
    upperObjectiveIds,
    deepKeyResults,
    kpiTeamId,
    departmentIds: data.teams.filter((t) => t.kind === 'department' && t.parentIndex !== null).map((t) => t.id),
    surveyId: await seedSurvey(db, data),
  };
}

/** Someone in the organisation: views carry what they may do; writes are made as the key result's owner. */
const benchActor = (ctx: BenchContext, userId = ctx.deepKeyResults[0]?.ownerId ?? ''): Actor => ({
  userId,
  orgId: ctx.orgId,
  role: 'member',
  name: 'Bench',
  email: 'bench@example.com',
  via: 'session',
});

export const OP_NAMES = [
  'roundTrip',
  'teamPage',
  'treeLevel',
  'treeSearch',
  'wholeTree',
  'cycleSummary',
  'checkInWrite',
  'lessonsSearch',
  'evaluation',
  'adoption',
  'surveyResults',
  'teamChanges',
  'cycleChanges',
  'weeklyAgenda',
  'kpiBoard',
  'mapNeighbours',
  'departmentMap',
  'heatmap',
] as const;
export type OpName = (typeof OP_NAMES)[number];

export const OP_LABELS: Record<OpName, string> = {
  roundTrip: 'Baseline: one round trip (select 1)',
  teamPage: "One team's page (presentObjectivesPage, as GET /api/v1/objectives?teamId=…&cycleId=…: one statement)",
  treeLevel:
    'One tree level (presentTreeLevel as the tree route asks for it: an objective and the level aligned to it that the reader may see, presented, in one statement)',
  treeSearch: "Tree search for a team's name (searchCycleTree, presented as read: matches at any depth and their paths)",
  wholeTree: 'Whole cycle tree as the web tree page asks for it (loadCycleTree from the roots, depth 20 + presentObjectives)',
  cycleSummary: 'Cycle summary (cycleSummary)',
  checkInWrite: 'Check-in write incl. propagation (createCheckIn)',
  lessonsSearch: 'Lessons search, ranked and highlighted (searchLessons; one lesson per objective, 50,000 at scale 1)',
  evaluation: 'Evaluation of the active cycle with calibration (cycleEvaluation)',
  adoption: 'Adoption figures of the whole organisation over the active quarter, week by week (adoptionReport, as an admin)',
  surveyResults: `Pulse survey results per group, with the threshold and the trend (surveyResults, ${SURVEY_RESPONSES.toLocaleString('en')} responses)`,
  teamChanges: 'What changed for one team over the last month (cycleChanges with teamId)',
  cycleChanges: 'What changed in the whole active cycle over the last month (cycleChanges)',
  weeklyAgenda: "A weekly team session's generated agenda (meetingAgenda)",
  kpiBoard: "A team's KPI board: 50 KPIs with two years of weekly values (kpiBoard, as GET /api/v1/kpis?teamId=…)",
  mapNeighbours: 'Alignment map of one department and its neighbours one alignment away (alignmentMap with focusTeamId)',
  departmentMap: 'Department map of the whole active cycle, with gaps and overlaps (cycleDepartmentMap)',
  heatmap: 'Heatmap of the whole active cycle: status, pace, on-time check-ins, quality, alignment health (cycleHeatmap)',
};

/** One call of an operation; answers how many objectives it presented (or counted, or 1 for a write). */
export type Op = (db: Database, ctx: BenchContext, rng: Rng) => Promise<number>;

export const OPS: Record<OpName, Op> = {
  async roundTrip(db) {
    await db.execute(sql`select 1`);
    return 0;
  },
  async teamPage(db, ctx, rng) {
    const views = await presentObjectivesPage(
      db,
      benchActor(ctx),
      { teamId: rng.pick(ctx.teamIds), cycleId: ctx.cycle.id },
      { now: ctx.now },
    );
    return views.length;
  },
  async treeLevel(db, ctx, rng) {
    // As GET /api/v1/cycles/:id/tree?rootId=… asks for it: the level and its counts only what the reader may see.
    const actor = benchActor(ctx);
    const level = await presentTreeLevel(
      db,
      actor,
      ctx.cycle.id,
      { rootId: rng.pick(ctx.upperObjectiveIds), viewer: actor },
      { now: ctx.now },
    );
    return level.views.length;
  },
  async treeSearch(db, ctx, rng) {
    const tree = await searchCycleTree(db, benchActor(ctx), ctx.cycle, { q: rng.pick(ctx.teamNames) }, { now: ctx.now });
    return tree.views.length;
  },
  async wholeTree(db, ctx) {
    const tree = await loadCycleTree(db, ctx.orgId, ctx.cycle.id, { depth: 20 });
    const views = await presentObjectives(db, benchActor(ctx), tree.rows, { now: ctx.now });
    return views.length;
  },
  async cycleSummary(db, ctx) {
    const summary = await cycleSummary(db, benchActor(ctx), ctx.cycle, ctx.now);
    return summary.objectives;
  },
  async checkInWrite(db, ctx, rng) {
    const kr = rng.pick(ctx.deepKeyResults);
    const value = Math.round((kr.startValue + (kr.targetValue - kr.startValue) * rng.between(0, 1.1)) * 100) / 100;
    const deps = { db, events: createLocalBus(), clock: () => ctx.now };
    await createCheckIn(deps, benchActor(ctx, kr.ownerId), kr.id, { value, confidence: rng.int(11), note: 'Benchmark check-in' });
    return 1;
  },
  async lessonsSearch(db, ctx, rng) {
    return (await searchLessons(db, benchActor(ctx), { q: rng.pick(LESSON_QUERIES) })).length;
  },
  async evaluation(db, ctx) {
    const evaluation = await cycleEvaluation(db, benchActor(ctx), ctx.cycle.id, ctx.now);
    return evaluation.committed.count + evaluation.aspirational.count;
  },
  async adoption(db, ctx) {
    const admin = { ...benchActor(ctx), role: 'admin' as const };
    const report = await adoptionReport({ db, clock: () => ctx.now }, admin, { from: ctx.cycle.startDate, to: ctx.today });
    return report.teams.length;
  },
  async surveyResults(db, ctx) {
    const results = await surveyResults(db, { ...benchActor(ctx), role: 'admin' }, ctx.surveyId);
    return results.groups.length;
  },
  teamChanges: (db, ctx, rng) => teamChanges(db, ctx, rng),
  cycleChanges: (db, ctx) => wholeCycleChanges(db, ctx),
  weeklyAgenda: (db, ctx, rng) => weeklyAgenda(db, ctx, rng),
  kpiBoard: (db, ctx) => readKpiBoard(db, benchActor(ctx), ctx.kpiTeamId),
  mapNeighbours: (db, ctx, rng) => departmentNeighbours(db, ctx, rng),
  departmentMap: (db, ctx) => departmentMap(db, ctx),
  heatmap: (db, ctx) => heatmap(db, ctx),
};

export interface Stats {
  iterations: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /** Mean objectives presented per call (rows counted for the summary). */
  meanRows: number;
  /** 1-minute load average of the machine before and after (other work shares its 2 cores). */
  loadBefore: number;
  loadAfter: number;
  /** Timed calls during which the benchmark process paused for garbage collection, and those pauses in all. */
  callsWithGc: number;
  gcMs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Most calls a time-based warm-up makes (a 1.5 ms read reaches it in about 1.5 s). */
const MAX_WARM_CALLS = 1_000;

/**
 * Further warm-up, for `ms` or MAX_WARM_CALLS calls, whichever ends first: 20 calls leave a read's JavaScript
 * (building the statement, parsing and presenting its rows) still being compiled by V8 during the timed calls, where a
 * server answering the same page has long finished (issue 12: the team page's p95 4.0 ms after 20 calls, 2.6–2.9 ms
 * after 1,000, its floor unchanged). Its draws come from a sequence of their own, so the timed calls answer the same
 * teams and objectives as their floor's, whatever the number of warm-up calls each made.
 */
async function warmFor(db: Database, ctx: BenchContext, op: Op, ms: number, seed: number) {
  const rng = new Rng(seed + 500_000);
  const until = performance.now() + ms;
  for (let i = 0; i < MAX_WARM_CALLS && performance.now() < until; i++) await op(db, ctx, rng);
}

interface MeasureOptions {
  warmup: number;
  iterations: number;
  seed: number;
  warmupMs?: number;
}

/** One operation measured: its calls one after another. */
export async function measureOp(db: Database, ctx: BenchContext, op: Op, options: MeasureOptions): Promise<Stats> {
  const [stats] = await measureSide(db, ctx, [op], options);
  return stats!;
}

/**
 * An operation and its floor measured call by call in turn, each answering the same draws (their own sequences from
 * one seed), the first of each pair alternating: both then meet the same moments of this 2-core machine, whose speed
 * moved the page's median by a quarter between two runs while the floor's stayed (issue 12), and the same pages
 * read cold first, half of the time each.
 */
export async function measurePair(db: Database, ctx: BenchContext, op: Op, floor: Op, options: MeasureOptions): Promise<[Stats, Stats]> {
  const [opStats, floorStats] = await measureSide(db, ctx, [op, floor], options);
  return [opStats!, floorStats!];
}

async function measureSide(db: Database, ctx: BenchContext, ops: Op[], options: MeasureOptions): Promise<Stats[]> {
  const sides = ops.map((op) => ({ op, rng: new Rng(options.seed), times: [] as number[], calls: [] as [number, number][], rows: 0 }));
  for (const side of sides) {
    for (let i = 0; i < options.warmup; i++) await side.op(db, ctx, side.rng);
    await warmFor(db, ctx, side.op, options.warmupMs ?? 0, options.seed);
  }
  const loadBefore = loadavg()[0]!;
  const pauses: [number, number][] = [];
  const gc = new PerformanceObserver((list) =>
    pauses.push(...list.getEntries().map((e): [number, number] => [e.startTime, e.startTime + e.duration])),
  );
  gc.observe({ entryTypes: ['gc'] });
  for (let i = 0; i < options.iterations; i++) {
    for (let j = 0; j < sides.length; j++) {
      const side = sides[(i + j) % sides.length]!;
      const start = performance.now();
      side.rows += await side.op(db, ctx, side.rng);
      const end = performance.now();
      side.times.push(end - start);
      side.calls.push([start, end]);
    }
  }
  await new Promise((resolve) => setImmediate(resolve)); // let the observer deliver the last entries
  gc.disconnect();
  const loadAfter = loadavg()[0]!;
  return sides.map(({ times, calls, rows }) => {
    const inCalls = pauses.filter(([from, to]) => calls.some(([start, end]) => from < end && to > start));
    const sorted = [...times].sort((a, b) => a - b);
    return {
      iterations: options.iterations,
      min: sorted[0] ?? Number.NaN,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted[sorted.length - 1] ?? Number.NaN,
      mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length),
      meanRows: rows / Math.max(1, options.iterations),
      loadBefore,
      loadAfter,
      callsWithGc: calls.filter(([start, end]) => pauses.some(([from, to]) => from < end && to > start)).length,
      gcMs: inCalls.reduce((sum, [from, to]) => sum + (to - from), 0),
    };
  });
}
