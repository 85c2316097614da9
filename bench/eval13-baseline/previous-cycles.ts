/** A copy of the code before branch eval13, for bench/eval13-ab.ts to compare with (same answers, old plan). */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../src/db/database.js';
import { brierOfTotals } from '../../src/domain/calibration.js';
import { FLOAT_EPSILON, roundHalfUp } from '../../src/domain/numbers.js';
import { figuresOf } from './evaluation-figures.js';
import type { Reader } from '../../src/server/services/visibility/objective-visible.js';

export interface CycleHeadline {
  cycleId: string;
  committedAchievedShare: number | null;
  aspirationalMeanScore: number | null;
  checkInsOnTimeShare: number | null;
  brier: number | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : roundHalfUp(part / whole, 4));

/**
 * The headline numbers of earlier cycles, summed by the database in one pass (no key result leaves it): the same
 * definitions as the full evaluation (objectives with key results; committed achieved at 1.0; Brier with o = 1 at a
 * final score of 1.0), thresholds with the domain's float tolerance.
 */
export async function cycleHeadlines(db: Executor, reader: Reader, cycleIds: string[], today: string, teamId?: string) {
  if (cycleIds.length === 0) return new Map<string, CycleHeadline>();
  const reached = sql`(f.kr_score >= ${1 - FLOAT_EPSILON})::int`;
  const rows = await queryRows<Record<'cycle_id', string> & Record<string, number | string | null>>(
    db,
    sql`with ${figuresOf(reader, cycleIds, today, teamId)},
    o as (
      select distinct on (objective_id) cycle_id, objective_id, type, objective_score from f
    ),
    by_objectives as (
      select cycle_id,
        count(*) filter (where type = 'committed') as committed,
        count(*) filter (where type = 'committed' and objective_score >= ${1 - FLOAT_EPSILON}) as achieved,
        count(*) filter (where type = 'aspirational') as aspirational,
        sum(objective_score) filter (where type = 'aspirational') as aspirational_sum
      from o group by cycle_id
    ),
    by_key_results as (
      select f.cycle_id, sum(f.due) as due, sum(f.on_time) as on_time, count(f.midpoint_confidence) as forecasts,
        coalesce(sum((f.midpoint_confidence - 10 * ${reached}) ^ 2) filter (where f.midpoint_confidence is not null), 0) as squared
      from f group by f.cycle_id
    )
    select * from by_objectives join by_key_results using (cycle_id)`,
  );
  return new Map(
    rows.map((row): [string, CycleHeadline] => {
      const n = (key: string) => Number(row[key] ?? 0);
      return [
        row.cycle_id,
        {
          cycleId: row.cycle_id,
          committedAchievedShare: share(n('achieved'), n('committed')),
          aspirationalMeanScore: n('aspirational') === 0 ? null : roundHalfUp(n('aspirational_sum') / n('aspirational'), 4),
          checkInsOnTimeShare: n('due') === 0 ? null : Math.round((n('on_time') / n('due')) * 10_000) / 10_000,
          brier: brierOfTotals(n('forecasts'), n('squared')).brier,
        },
      ];
    }),
  );
}
