import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../../../db/database.js';
import { pgArray } from '../../../db/pg-array.js';
import { objectives } from '../../../db/schema/index.js';
import { brierOfTotals } from '../../../domain/calibration.js';
import { FLOAT_EPSILON, roundHalfUp } from '../../../domain/numbers.js';
import { figuresOf } from './evaluation-figures.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

export interface CycleHeadline {
  cycleId: string;
  committedAchievedShare: number | null;
  aspirationalMeanScore: number | null;
  checkInsOnTimeShare: number | null;
  brier: number | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : roundHalfUp(part / whole, 4));

/** What a headline is made of: objectives with key results (by type) and their key results' sums. */
const SUMS = ['objectives', 'committed', 'achieved', 'aspirational', 'aspirational_sum', 'due', 'on_time', 'forecasts', 'squared'] as const;
type Sums = Record<(typeof SUMS)[number], number>;
type SumsRow = Record<'cycle_id', string> & Record<(typeof SUMS)[number], number | string | null>;

/**
 * The headline numbers of earlier cycles: the same definitions as the full evaluation (objectives with key results;
 * committed achieved at 1.0; Brier with o = 1 at a final score of 1.0), thresholds with the domain's float tolerance.
 *
 * A closed cycle's key-result figures were stored per objective by its close (`closed_cycle_figures`), so they are
 * read from there, one row per objective beside the objective itself (its type, score, team and visibility are
 * live). Counted live from the key results, digests and check-ins (`figuresOf`), in a second statement only when
 * there are any: the cycles not closed, or not yet ended today, and the objectives without stored figures or stored
 * for a cadence their team no longer has.
 */
export async function cycleHeadlines(db: Executor, reader: Reader, cycleIds: string[], today: string, teamId?: string) {
  if (cycleIds.length === 0) return new Map<string, CycleHeadline>();
  const { orgId } = reader;
  const storedRows = await queryRows<SumsRow & { closed: boolean; live: string[] | null }>(
    db,
    sql`with v as materialized (
      select o.id, o.cycle_id, o.type, coalesce(o.score, round(o.progress::numeric, 2)::float8) as objective_score,
        case t.check_in_cadence when 'biweekly' then 14 when 'monthly' then 30 else 7 end as days
      from objectives o
      left join teams t on t.org_id = o.org_id and t.id = o.team_id
      where o.org_id = ${orgId} and o.cycle_id in (${sql.join(
        cycleIds.map((id) => sql`${id}`),
        sql`, `,
      )}) and o.status in ('active', 'closed')
        and ${objectiveVisibleTo(reader, alias(objectives, 'o'))}
        ${teamId ? sql`and o.team_id = ${teamId}` : sql``}
    ),
    x as (
      select cycle_id, objective_id, period_days, key_results, due, on_time, forecasts, squared from closed_cycle_figures
      where org_id = ${orgId} and cycle_id in (${sql.join(
        cycleIds.map((id) => sql`${id}`),
        sql`, `,
      )})
    ),
    s as (
      select v.cycle_id, v.id as objective_id, v.type, v.objective_score,
        x.key_results, x.due, x.on_time, x.forecasts, x.squared, x.period_days = v.days as stored
      -- Hashed on the objective alone (the cycle is a filter): a hash on both, or an index probe per objective, costs more.
      from v left join x on x.objective_id = v.id and (x.cycle_id = v.cycle_id) is true
    ),
    sums as (
      select cycle_id, array_agg(objective_id) filter (where stored is not true) as unstored,
      ${sql.join(
        [
          sql`count(*) filter (where stored and key_results > 0) as objectives`,
          sql`count(*) filter (where stored and key_results > 0 and type = 'committed') as committed`,
          sql`count(*) filter (where stored and key_results > 0 and type = 'committed' and objective_score >= ${1 - FLOAT_EPSILON}) as achieved`,
          sql`count(*) filter (where stored and key_results > 0 and type = 'aspirational') as aspirational`,
          sql`sum(objective_score) filter (where stored and key_results > 0 and type = 'aspirational') as aspirational_sum`,
          sql`sum(due) filter (where stored) as due`,
          sql`sum(on_time) filter (where stored) as on_time`,
          sql`sum(forecasts) filter (where stored) as forecasts`,
          sql`sum(squared) filter (where stored) as squared`,
        ],
        sql`, `,
      )}
      from s group by cycle_id
    )
    select sums.*, cy.status = 'closed' and cy.end_date <= ${today}::date as closed,
      case when cy.status = 'closed' and cy.end_date <= ${today}::date then sums.unstored end as live
    from sums join cycles cy on cy.org_id = ${orgId} and cy.id = sums.cycle_id`,
  );
  const liveCycles = storedRows.filter((row) => !row.closed).map((row) => row.cycle_id);
  const liveObjectives = storedRows.flatMap((row) => (row.closed ? (row.live ?? []) : []));
  const liveRows =
    liveCycles.length + liveObjectives.length === 0
      ? []
      : await liveSums(
          db,
          reader,
          cycleIds,
          today,
          teamId,
          sql`(cy.id = any(${pgArray(liveCycles)}::uuid[]) or o.id = any(${pgArray(liveObjectives)}::uuid[]))`,
        );

  const totals = new Map<string, Sums>();
  for (const row of [...storedRows, ...liveRows]) {
    const sums = totals.get(row.cycle_id) ?? (Object.fromEntries(SUMS.map((key) => [key, 0])) as Sums);
    for (const key of SUMS) sums[key] += Number(row[key] ?? 0);
    totals.set(row.cycle_id, sums);
  }
  return new Map(
    [...totals]
      .filter(([, n]) => n.objectives > 0)
      .map(([cycleId, n]): [string, CycleHeadline] => [
        cycleId,
        {
          cycleId,
          committedAchievedShare: share(n.achieved, n.committed),
          aspirationalMeanScore: n.aspirational === 0 ? null : roundHalfUp(n.aspirational_sum / n.aspirational, 4),
          checkInsOnTimeShare: n.due === 0 ? null : Math.round((n.on_time / n.due) * 10_000) / 10_000,
          brier: brierOfTotals(n.forecasts, n.squared).brier,
        },
      ]),
  );
}

/** The same sums counted from the key results themselves (`figuresOf`), for the cycles or objectives `only` names. */
async function liveSums(db: Executor, reader: Reader, cycleIds: string[], today: string, teamId: string | undefined, only: SQL) {
  const reached = sql`(f.kr_score >= ${1 - FLOAT_EPSILON})::int`;
  return queryRows<SumsRow>(
    db,
    sql`with ${figuresOf(reader, cycleIds, today, teamId, { only })},
    o as (
      select distinct on (objective_id) cycle_id, objective_id, type, objective_score from f
    ),
    by_objectives as (
      select cycle_id, count(*) as objectives,
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
}
