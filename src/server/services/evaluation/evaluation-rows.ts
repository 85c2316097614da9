import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import type { CheckInCadence, ObjectiveType } from '../../../domain/vocabulary.js';

/** One published key result of a cycle with what evaluating it needs: its score, its forecast and its check-in dates. */
export interface EvaluationRow {
  keyResultId: string;
  objectiveId: string;
  objectiveType: ObjectiveType;
  /** The closing score (with its override) once closed; until then the override or the progress so far. */
  krScore: number;
  objectiveScore: number;
  teamId: string | null;
  teamName: string | null;
  cadence: CheckInCadence | null;
  ownerId: string | null;
  ownerName: string | null;
  start: string;
  /** Confidence of the latest check-in dated on or before the midpoint that carries one. */
  midpointConfidence: number | null;
  checkInDates: string[];
}

/**
 * Published (not draft) objectives of the cycle and their key results, in one query: scores, the midpoint
 * confidence (a lateral lookup on the check-in index) and the distinct check-in dates within the cycle.
 */
export async function evaluationRows(
  db: Executor,
  orgId: string,
  cycle: { id: string; startDate: string; endDate: string },
  midpoint: string,
  teamId?: string,
) {
  const rows = await queryRows<Omit<EvaluationRow, 'start'> & { start: string | Date }>(
    db,
    sql`
    select kr.id as "keyResultId", o.id as "objectiveId", o.type as "objectiveType",
      coalesce(kr.score, kr.score_override, round(kr.progress::numeric, 2)::float8) as "krScore",
      coalesce(o.score, round(o.progress::numeric, 2)::float8) as "objectiveScore",
      o.team_id as "teamId", t.name as "teamName", t.check_in_cadence as cadence,
      kr.owner_id as "ownerId", u.name as "ownerName",
      greatest(${cycle.startDate}::date, coalesce(kr.effective_start_date, o.effective_start_date, ${cycle.startDate}::date))::text as start,
      mid.confidence as "midpointConfidence",
      coalesce((select array_agg(distinct ci.as_of::text) from check_ins ci
        where ci.org_id = kr.org_id and ci.key_result_id = kr.id and not ci.deleted
          and ci.as_of between ${cycle.startDate}::date and ${cycle.endDate}::date), '{}') as "checkInDates"
    from objectives o
    join key_results kr on kr.org_id = o.org_id and kr.objective_id = o.id
    left join teams t on t.org_id = o.org_id and t.id = o.team_id
    left join users u on u.org_id = kr.org_id and u.id = kr.owner_id
    left join lateral (
      select ci.confidence from check_ins ci
      where ci.org_id = kr.org_id and ci.key_result_id = kr.id and not ci.deleted and ci.confidence is not null
        and ci.as_of <= ${midpoint}::date
      order by ci.as_of desc, ci.created_at desc limit 1
    ) mid on true
    where o.org_id = ${orgId} and o.cycle_id = ${cycle.id} and o.status in ('active', 'closed')
      ${teamId ? sql`and o.team_id = ${teamId}` : sql``}`,
  );
  return rows.map((row) => ({
    ...row,
    start: String(row.start).slice(0, 10),
    krScore: Number(row.krScore),
    objectiveScore: Number(row.objectiveScore),
  }));
}
