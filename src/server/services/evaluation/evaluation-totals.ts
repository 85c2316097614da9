import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import { RELIABILITY_BUCKETS } from '../../../domain/calibration.js';
import { FLOAT_EPSILON } from '../../../domain/numbers.js';
import { keptFigures, keyResultsOf, visibleObjectivesOf } from './kept-figures.js';
import type { Reader } from '../visibility/objective-visible.js';

/** One line of the cycle's totals: which grouping it is, its key, and integer or float sums named by the grouping. */
export interface TotalsRow {
  kind: 'objectives' | 'keyResults' | 'bucket';
  key: string | null;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  n6: number;
  n7: number;
  n8: number;
  n9: number;
}

/** A person or team with forecasts: id, name, forecasts and their Σ (confidence − 10·o)². */
export type NamedTotals = [id: string, name: string | null, forecasts: number, squared: number];

export interface CycleTotals {
  rows: TotalsRow[];
  people: NamedTotals[];
  teams: NamedTotals[];
}

const bucketOf = sql.raw(
  `case ${RELIABILITY_BUCKETS.map(([min, max], i) => `when k.confidence between ${min} and ${max} then ${i}`).join(' ')} end`,
);
const atLeast = (column: string, threshold: number) => sql.raw(`(${column} >= ${threshold - FLOAT_EPSILON})`);

/**
 * The evaluation of one cycle summed by the database, so a 12,500-objective cycle sends a few thousand small rows
 * instead of its 37,500 key results (which cost the Node process more in parsing and GC than the query took).
 * The definitions are the domain's (src/domain/evaluation.ts, calibration.ts): thresholds with its float tolerance,
 * Brier from integer sums Σ (confidence − 10·o)². Rows, by `kind`:
 * - objectives (key = type): count, achieved, partially, Σ score, count ≥ 0.7;
 * - keyResults: bands ≥ 0.7 and 0.4–0.7, aspirational count and those at 1.0, due and on-time check-ins, count,
 *   forecasts and their Σ (confidence − 10·o)²;
 * - bucket (key = reliability bucket index): forecasts, Σ confidence, reached target;
 * - people and teams with forecasts: [id, name, forecasts, Σ (confidence − 10·o)²] each.
 * All in one row of three JSON values: ~10,000 people as ~10,000 rows of twelve columns cost the Node process ~20 ms
 * of parsing per call (and the server as much in output), one JSON array a few (docs/performance.md).
 */
export async function cycleTotals(db: Executor, reader: Reader, cycleId: string, today: string, teamId?: string): Promise<CycleTotals> {
  const { orgId } = reader;
  const achieved = sql`((v.type = 'committed' and ${atLeast('v.score', 1)}) or (v.type = 'aspirational' and ${atLeast('v.score', 0.7)}))`;
  const squared = sql`(k.confidence - 10 * k.reached::int) * (k.confidence - 10 * k.reached::int)`;
  // Names are hash-joined (`offset 0` keeps the planner, which cannot estimate the groups, from probing the users
  // index ~10,000 times). Every n is float8, so that JSON carries it as a plain number.
  const [totals] = await queryRows<{ rows: TotalsRow[] | null; people: NamedTotals[] | null; teams: NamedTotals[] | null }>(
    db,
    sql`with ${visibleObjectivesOf(reader, cycleId, teamId)},
    by_objective as (
      select grouping(v.type, v.team_id) as g, v.type, v.team_id,
        count(*)::float8 as objectives, count(*) filter (where ${achieved})::float8 as achieved,
        count(*) filter (where ${atLeast('v.score', 0.4)} and not ${achieved})::float8 as partially,
        sum(v.score)::float8 as score, count(*) filter (where ${atLeast('v.score', 0.7)})::float8 as at_least_07,
        sum(x.key_results)::float8 as key_results, sum(x.high)::float8 as high, sum(x.middle)::float8 as middle,
        coalesce(sum(x.key_results) filter (where v.type = 'aspirational'), 0)::float8 as aspirational,
        coalesce(sum(x.perfect) filter (where v.type = 'aspirational'), 0)::float8 as perfect,
        sum(x.forecasts)::float8 as forecasts, sum(x.squared)::float8 as squared
      from ${keptFigures(orgId, cycleId)}
      group by grouping sets ((v.type), (v.team_id))
    ),
    by_key_result as (
      select grouping(k.owner_id, ${bucketOf}) as g, k.owner_id, ${bucketOf} as bucket, count(k.confidence)::float8 as forecasts,
        coalesce(sum(k.confidence), 0)::float8 as confidence, count(*) filter (where k.reached and k.confidence is not null)::float8 as reached,
        coalesce(sum(${squared}), 0)::float8 as squared, sum(k.due)::float8 as due, sum(k.on_time)::float8 as on_time
      from (${keyResultsOf(orgId, cycleId, today)}) k
      group by grouping sets ((k.owner_id), (${bucketOf}), ())
    ),
    totals as (
      select 'objectives' as kind, type::text as key, objectives as n1, achieved as n2, partially as n3,
        score as n4, at_least_07 as n5, 0::float8 as n6, 0::float8 as n7, 0::float8 as n8, 0::float8 as n9
      from by_objective where g = 1
      union all
      select 'keyResults', null, sum(high), sum(middle), sum(aspirational), sum(perfect), min(t.due), min(t.on_time),
        sum(key_results), sum(forecasts), sum(squared)
      from by_objective cross join (select due, on_time from by_key_result where g = 3) t where g = 1 having count(*) > 0
      union all
      select 'bucket', bucket::text, forecasts, confidence, reached, 0, 0, 0, 0, 0, 0 from by_key_result where g = 2 and bucket is not null
    )
    select (select json_agg(totals) from totals) as rows,
      (select json_agg(json_build_array(f.owner_id, u.name, f.forecasts, f.squared))
        from by_key_result f left join (select id, name from users where org_id = ${orgId} offset 0) u on u.id = f.owner_id
        where f.g = 1 and f.owner_id is not null and f.forecasts > 0) as people,
      (select json_agg(json_build_array(b.team_id, t.name, b.forecasts, b.squared))
        from by_objective b left join (select id, name from teams where org_id = ${orgId} offset 0) t on t.id = b.team_id
        where b.g = 2 and b.team_id is not null and b.forecasts > 0) as teams`,
  );
  return { rows: totals?.rows ?? [], people: totals?.people ?? [], teams: totals?.teams ?? [] };
}
