import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { objectives } from '../../../db/schema/index.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

/**
 * The published (not draft) objectives of one cycle the reader may see (`v`: id, type, team, score), for joining to
 * what the evaluation sums from their key results (`keptFigures`: `objective_evaluation_figures x join v`), which
 * PostgreSQL keeps as of every write they depend on (src/db/schema/objective-evaluation-figures.ts): 12,500 rows
 * found by (org, cycle) instead of 37,500 wide key_results rows reached through each objective and every check-in
 * digest of the organisation. An objective without key results has no figures.
 */
export function visibleObjectivesOf(reader: Reader, cycleId: string, teamId?: string): SQL {
  const { orgId } = reader;
  return sql`v as materialized (
      select o.id, o.type, o.team_id, coalesce(o.score, round(o.progress::numeric, 2)::float8) as score
      from objectives o
      where o.org_id = ${orgId} and o.cycle_id = ${cycleId} and o.status in ('active', 'closed')
        and ${objectiveVisibleTo(reader, alias(objectives, 'o'))}
        ${teamId ? sql`and o.team_id = ${teamId}` : sql``}
    )`;
}

export const keptFigures = (orgId: string, cycleId: string) =>
  sql`objective_evaluation_figures x join v on v.id = x.objective_id and x.org_id = ${orgId} and x.cycle_id = ${cycleId}`;

/**
 * One row per key result of the visible objectives (`k`): owner, midpoint confidence, reached 1.0, and the check-in
 * periods due until min(end, today) with, of those, the ones with a check-in — bits 1…due of its mask (period k is
 * (start + (k−1)·days, start + k·days]), or, past the 62 periods a mask holds, its check-ins themselves: the numbers
 * of `figuresOf` (checkInPunctuality).
 */
export function keyResultsOf(orgId: string, cycleId: string, today: string): SQL {
  // Unnested in the select list (one ProjectSet), about twice as cheap as unnest(a, b, …) in FROM, which fills a
  // tuplestore per array and objective.
  return sql`select u.owner_id, u.confidence, u.reached, d.due, case
      when d.due <= 62 then bit_count((u.mask & ~((-1)::bigint << (d.due + 1)) & ~1::bigint)::bit(64))
      else (select count(distinct (c.as_of - u.start + u.days - 1) / u.days) from check_ins c
        where c.org_id = ${orgId} and c.key_result_id = u.id and not c.deleted
          and c.as_of > u.start and c.as_of <= u.start + d.due * u.days)
    end as on_time
    from (select x.period_days as days, unnest(x.key_result_ids) as id, unnest(x.period_starts) as start,
        unnest(x.period_masks) as mask, unnest(x.owner_ids) as owner_id, unnest(x.midpoint_confidences) as confidence,
        unnest(x.reached) as reached
      from ${keptFigures(orgId, cycleId)}) u
    cross join (select least(end_date, ${today}::date) as until from cycles where org_id = ${orgId} and id = ${cycleId}) cy
    cross join lateral (select greatest(0, (cy.until - u.start) / u.days) as due) d`;
}
