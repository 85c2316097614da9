import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import { RELIABILITY_BUCKETS } from '../../../domain/calibration.js';
import { FLOAT_EPSILON } from '../../../domain/numbers.js';
import { figuresOf } from './evaluation-figures.js';
import type { Reader } from '../visibility/objective-visible.js';

/** One line of the cycle's totals: which grouping it is, its key, and integer or float sums named by the grouping. */
export interface TotalsRow {
  kind: 'objectives' | 'keyResults' | 'bucket' | 'person' | 'team';
  key: string | null;
  name: string | null;
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

const atLeast = (column: string, threshold: number) => sql.raw(`(${column} >= ${threshold - FLOAT_EPSILON})`);
const bucketOf = sql.raw(
  `case ${RELIABILITY_BUCKETS.map(([min, max], i) => `when f.midpoint_confidence between ${min} and ${max} then ${i}`).join(' ')} end`,
);

/**
 * The evaluation of one cycle summed by the database, so a 12,500-objective cycle sends a few thousand small rows
 * instead of its 37,500 key results (which cost the Node process more in parsing and GC than the query took).
 * The definitions are the domain's (src/domain/evaluation.ts, calibration.ts): thresholds with its float tolerance,
 * Brier from integer sums Σ (confidence − 10·o)². Rows, by `kind`:
 * - objectives (key = type): count, achieved, partially, Σ score, count ≥ 0.7;
 * - keyResults: bands ≥ 0.7 and 0.4–0.7, aspirational count and those at 1.0, due and on-time check-ins, count,
 *   forecasts and their Σ (confidence − 10·o)²;
 * - bucket (key = reliability bucket index): forecasts, Σ confidence, reached target;
 * - person / team (key = id, with its name): forecasts, Σ (confidence − 10·o)².
 */
export async function cycleTotals(db: Executor, reader: Reader, cycleId: string, today: string, teamId?: string) {
  const reached = sql`(f.kr_score >= ${1 - FLOAT_EPSILON})::int`;
  const squared = sql`((f.midpoint_confidence - 10 * ${reached}) ^ 2)::float8`;
  // Every n is float8, which the driver hands over as a JavaScript number: ~10,000 rows (one per person) used to be
  // converted value by value from bigint and numeric strings, most of the call's garbage (docs/performance.md).
  return queryRows<TotalsRow>(
    db,
    sql`with ${figuresOf(reader, [cycleId], today, teamId, { throughObjectives: true })},
    fm as materialized (select * from f),
    o as (select distinct on (objective_id) objective_id, type, objective_score as score from fm),
    fc as (select f.*, ${reached} as reached, ${squared} as squared from fm f where f.midpoint_confidence is not null)
    select 'objectives' as kind, type::text as key, null::text as name, count(*)::float8 as n1,
      count(*) filter (where (type = 'committed' and ${atLeast('score', 1)}) or (type = 'aspirational' and ${atLeast('score', 0.7)}))::float8 as n2,
      count(*) filter (where ${atLeast('score', 0.4)} and not ((type = 'committed' and ${atLeast('score', 1)}) or (type = 'aspirational' and ${atLeast('score', 0.7)})))::float8 as n3,
      sum(score)::float8 as n4, count(*) filter (where ${atLeast('score', 0.7)})::float8 as n5, 0::float8 as n6,
      0::float8 as n7, 0::float8 as n8, 0::float8 as n9
    from o group by type
    union all
    select 'keyResults', null, null, count(*) filter (where ${atLeast('kr_score', 0.7)}),
      count(*) filter (where ${atLeast('kr_score', 0.4)} and not ${atLeast('kr_score', 0.7)}),
      count(*) filter (where type = 'aspirational'), count(*) filter (where type = 'aspirational' and ${atLeast('kr_score', 1)}),
      coalesce(sum(due), 0), coalesce(sum(on_time), 0), count(*), count(midpoint_confidence),
      coalesce(sum(((midpoint_confidence - 10 * (kr_score >= ${1 - FLOAT_EPSILON})::int) ^ 2)::float8), 0)
    from fm having count(*) > 0
    union all
    select 'bucket', (${bucketOf})::text, null, count(*), sum(f.midpoint_confidence), sum(f.reached), 0, 0, 0, 0, 0, 0
    from fc f group by 2
    union all
    select 'person', f.owner_id::text, min(u.name), count(*), sum(f.squared), 0, 0, 0, 0, 0, 0, 0
    from fc f left join users u on u.org_id = f.org_id and u.id = f.owner_id where f.owner_id is not null group by f.owner_id
    union all
    select 'team', f.team_id::text, min(f.team_name), count(*), sum(f.squared), 0, 0, 0, 0, 0, 0, 0
    from fc f where f.team_id is not null group by f.team_id`,
  );
}
