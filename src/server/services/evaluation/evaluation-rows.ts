import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import type { CheckInCadence, ObjectiveType } from '../../../domain/vocabulary.js';
import { alias } from 'drizzle-orm/pg-core';
import { objectives } from '../../../db/schema/index.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

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
 * Published (not draft) objectives of the cycle and their key results, in one set-based query: scores, the midpoint
 * confidence and the distinct check-in dates within the cycle come from ONE grouped pass over the cycle's check-ins
 * (joined to its key results), not from two lookups per key result, which PGlite without statistics plans as a
 * sequential scan each (seconds at bench scale).
 */
export async function evaluationRows(
  db: Executor,
  reader: Reader,
  cycle: { id: string; startDate: string; endDate: string },
  midpoint: string,
  teamId?: string,
) {
  const { orgId } = reader;
  const rows = await queryRows<Omit<EvaluationRow, 'start'> & { start: string | Date }>(
    db,
    sql`
    with krs as materialized (
      select kr.id, kr.org_id, kr.owner_id, o.id as objective_id, o.type, o.team_id,
        coalesce(kr.score, kr.score_override, round(kr.progress::numeric, 2)::float8) as kr_score,
        coalesce(o.score, round(o.progress::numeric, 2)::float8) as objective_score,
        greatest(${cycle.startDate}::date, coalesce(kr.effective_start_date, o.effective_start_date, ${cycle.startDate}::date)) as start
      from objectives o
      join key_results kr on kr.org_id = o.org_id and kr.objective_id = o.id
      where o.org_id = ${orgId} and o.cycle_id = ${cycle.id} and o.status in ('active', 'closed')
        and ${objectiveVisibleTo(reader, alias(objectives, 'o'))}
        ${teamId ? sql`and o.team_id = ${teamId}` : sql``}
    ),
    ci as (
      select c.key_result_id,
        array_agg(distinct c.as_of::text) filter (where c.as_of >= ${cycle.startDate}::date) as dates,
        (array_agg(c.confidence order by c.as_of desc, c.created_at desc)
          filter (where c.confidence is not null and c.as_of <= ${midpoint}::date))[1] as confidence
      from check_ins c
      join krs on krs.org_id = c.org_id and krs.id = c.key_result_id
      where c.org_id = ${orgId} and not c.deleted and c.as_of <= ${cycle.endDate}::date
      group by c.key_result_id
    )
    select krs.id as "keyResultId", krs.objective_id as "objectiveId", krs.type as "objectiveType",
      krs.kr_score as "krScore", krs.objective_score as "objectiveScore",
      krs.team_id as "teamId", t.name as "teamName", t.check_in_cadence as cadence,
      krs.owner_id as "ownerId", u.name as "ownerName", krs.start::text as start,
      ci.confidence as "midpointConfidence", coalesce(ci.dates, '{}') as "checkInDates"
    from krs
    left join ci on ci.key_result_id = krs.id
    left join teams t on t.org_id = krs.org_id and t.id = krs.team_id
    left join users u on u.org_id = krs.org_id and u.id = krs.owner_id`,
  );
  return rows.map((row) => ({
    ...row,
    start: String(row.start).slice(0, 10),
    krScore: Number(row.krScore),
    objectiveScore: Number(row.objectiveScore),
  }));
}
