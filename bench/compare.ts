/**
 * Side-by-side runs of a query as the services send it today and of a candidate rewrite, on the
 * loaded data: same parameters, same results (checked), EXPLAIN ANALYZE execution time and wall
 * time of each. This is evidence for the recommendations in docs/performance.md; the services
 * themselves are not changed by the benchmark.
 */
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import { CADENCE_DAYS, STALE_GRACE_DAYS } from '../src/domain/index.js';
import { queryRows, type Database, type Executor } from '../src/db/database.js';
import type { Dataset } from './generate.js';
import { Rng } from './rng.js';

export interface VariantResult {
  name: string;
  executionMs: number;
  wallMs: number;
  /** The first line of the plan of the first sample, to see the shape. */
  planHead: string[];
}

export interface Comparison {
  title: string;
  samples: number;
  sameResults: boolean;
  variants: VariantResult[];
}

export interface Case {
  title: string;
  params: string[][];
  /** A variant with `setup` (e.g. CREATE INDEX) runs inside a transaction that is rolled back. */
  variants: { name: string; setup?: SQL; query: (p: string[]) => SQL }[];
}

const planTime = (plan: string[]) => Number(/([\d.]+) ms/.exec(plan.find((l) => l.startsWith('Execution Time:')) ?? '')?.[1] ?? Number.NaN);

async function explain(db: Executor, query: SQL): Promise<string[]> {
  const rows = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${query}`);
  return rows.map((r) => r['QUERY PLAN']);
}

/** The queries to compare, with sampled parameters: built while the data set is still in memory. */
export function comparisonCases(data: Dataset, samples = 30): Case[] {
  const rng = new Rng(data.seed + 7);
  const active = data.objectives.filter((o) => o.cycleIndex === data.activeCycleIndex);
  const cycleId = data.cycles[data.activeCycleIndex]!.id;
  const orgId = data.org.id;
  const pick = (list: typeof active) => Array.from({ length: samples }, () => rng.pick(list).id);
  // Objectives a check-in's propagation recomputes: everything above the individual level.
  const propagated = pick(active.filter((o) => o.level <= 4));
  const upper = pick(active.filter((o) => o.level <= 2));
  const teamIds = Array.from({ length: samples }, () => data.teams[rng.int(data.teams.length)]!.id);
  const parentsOf = (id: string) => sql`select id from key_results where objective_id = ${id} and kind <> 'rollup'`;
  // As cycle-summary.ts sends it (the stale rule with the team's cadence), with today's values inlined.
  const summary = sql`select count(*)::int as objectives, coalesce(sum(k.krs), 0)::int as krs, coalesce(sum(k.stale), 0)::int as stale from objectives o
    left join lateral (
      select case coalesce(t.check_in_cadence, 'weekly') when 'biweekly' then ${CADENCE_DAYS.biweekly}::int when 'monthly' then ${CADENCE_DAYS.monthly}::int else ${CADENCE_DAYS.weekly}::int end as days
      from (select 1) one left join teams t on t.id = o.team_id
    ) c on true
    left join lateral (select count(*) as krs, count(*) filter (where kr.kind <> 'rollup' and ${data.today}::date - coalesce(kr.last_check_in_date, greatest(${data.cycles[data.activeCycleIndex]!.startDate}::date, kr.created_at::date)) > c.days + ${STALE_GRACE_DAYS}::int) as stale
      from key_results kr where kr.objective_id = o.id) k on true
    where o.cycle_id = ${cycleId} and o.org_id = ${orgId} and o.status <> 'archived'`;
  const allKrsOf = (id: string) => sql`select id from key_results where objective_id in (${id})`;
  return [
    {
      title: 'Check-in propagation: children of one objective (rollup.ts alignedChildren), run ~4–5 times per write',
      params: propagated.map((id) => [id]),
      variants: [
        {
          name: 'today: DISTINCT ON (o.id) … parent_objective_id = $1 OR parent_key_result_id IN (subquery)',
          query: ([
            id,
          ]) => sql`select distinct on (o.id) o.progress, o.weight from alignments a join objectives o on o.id = a.child_objective_id
            where a.parent_objective_id = ${id!} or a.parent_key_result_id in (${parentsOf(id!)})`,
        },
        {
          name: 'rewrite: same, with … OR parent_key_result_id = any(array(subquery))',
          query: ([
            id,
          ]) => sql`select distinct on (o.id) o.progress, o.weight from alignments a join objectives o on o.id = a.child_objective_id
            where a.parent_objective_id = ${id!} or a.parent_key_result_id = any(array(${parentsOf(id!)}))`,
        },
      ],
    },
    {
      title: 'One tree level: the children of an upper-level objective (find-objectives.ts alignedTo, used by loadCycleTree)',
      params: upper.map((id) => [id]),
      variants: [
        {
          name: 'today: id IN (… parent_objective_id IN ($1) OR parent_key_result_id IN (subquery))',
          query: ([id]) => sql`select * from objectives where org_id = ${orgId} and cycle_id = ${cycleId} and id in (
              select child_objective_id from alignments where parent_objective_id in (${id!}) or parent_key_result_id in (${allKrsOf(id!)}))
            order by created_at, id`,
        },
        {
          name: 'rewrite: … OR parent_key_result_id = any(array(subquery))',
          query: ([id]) => sql`select * from objectives where org_id = ${orgId} and cycle_id = ${cycleId} and id in (
              select child_objective_id from alignments where parent_objective_id in (${id!}) or parent_key_result_id = any(array(${allKrsOf(id!)})))
            order by created_at, id`,
        },
      ],
    },
    {
      title: 'Every page: check-in cadences (read-model.ts loadContext reads every team of the organisation)',
      params: teamIds.map((id) => [id]),
      variants: [
        {
          name: 'today: all teams of the organisation',
          query: () => sql`select id, check_in_cadence from teams where org_id = ${orgId} order by id`,
        },
        {
          name: "rewrite: only the presented objectives' teams",
          query: ([id]) => sql`select id, check_in_cadence from teams where org_id = ${orgId} and id in (${id!}) order by id`,
        },
      ],
    },
    {
      title: 'Cycle summary (cycle-summary.ts): key result counts per objective of the cycle',
      params: [[cycleId]],
      variants: [
        { name: 'today: LEFT JOIN LATERAL over key_results_objective_idx', query: () => summary },
        {
          name: 'same query with a covering index key_results (objective_id) INCLUDE (kind, last_check_in_date, created_at)',
          setup: sql`create index bench_key_results_objective_cover_idx on key_results (objective_id) include (kind, last_check_in_date, created_at)`,
          query: () => summary,
        },
      ],
    },
  ];
}

class RolledBack extends Error {}

export async function compareQueries(db: Database, cases: readonly Case[], repeats = 3): Promise<Comparison[]> {
  const out: Comparison[] = [];
  for (const c of cases) {
    const variants: VariantResult[] = [];
    let sameResults = true;
    const reference: string[] = [];
    for (const [v, variant] of c.variants.entries()) {
      const run = async (ex: Executor) => {
        let execution = 0;
        let wall = 0;
        let planHead: string[] = [];
        for (const [i, p] of c.params.entries()) {
          const query = variant.query(p);
          const plan = await explain(ex, query);
          if (i === 0)
            planHead = plan.filter((l) => !/^(Buffers|Planning:|Heap Blocks|Batches|Buckets|Sort Method)/.test(l.trim())).slice(0, 14);
          execution += planTime(plan);
          let rows: unknown[] = [];
          const start = performance.now();
          for (let r = 0; r < repeats; r++) rows = await queryRows<unknown>(ex, query);
          wall += (performance.now() - start) / repeats;
          const text = JSON.stringify(rows.map((row) => Object.values(row as Record<string, unknown>)));
          if (v === 0) reference[i] = text;
          else if (reference[i] !== text && !c.title.startsWith('Every page')) sameResults = false;
        }
        variants.push({ name: variant.name, executionMs: execution / c.params.length, wallMs: wall / c.params.length, planHead });
      };
      const setup = variant.setup;
      if (!setup) {
        await run(db);
        continue;
      }
      // CREATE INDEX updates the table's pg_class row in place, which a rollback does not undo: keep
      // the planner's view of the table (PGlite is never analyzed) as it was.
      const before = await queryRows<{ reltuples: number; relpages: number; relallvisible: number }>(
        db,
        sql`select reltuples, relpages, relallvisible from pg_class where oid = 'key_results'::regclass`,
      );
      await db
        .transaction(async (tx) => {
          await tx.execute(setup);
          await run(tx);
          throw new RolledBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error;
        });
      const stats = before[0];
      if (stats)
        await db.execute(
          sql`update pg_class set reltuples = ${stats.reltuples}, relpages = ${stats.relpages}, relallvisible = ${stats.relallvisible} where oid = 'key_results'::regclass`,
        );
    }
    out.push({ title: c.title, samples: c.params.length, sameResults, variants });
  }
  return out;
}
