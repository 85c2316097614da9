import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import type { ObjectiveType } from '../../../domain/vocabulary.js';

/** One published key result of a cycle with what evaluating it needs, its check-ins already counted. */
export interface KeyResultFigures {
  objectiveId: string;
  objectiveType: ObjectiveType;
  /** The closing score (with its override) once closed; until then the override or the progress so far. */
  krScore: number;
  objectiveScore: number;
  teamId: string | null;
  teamName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  /** Check-ins due up to the cycle's end or today (one per cadence period), and those made within their period. */
  due: number;
  onTime: number;
  /** Confidence of the latest check-in dated on or before the midpoint that carries one. */
  midpointConfidence: number | null;
}

// The same count as checkInPunctuality (src/domain/punctuality.ts): period k is (start + (k−1)·days, start + k·days].
const periodOf = sql`(c.as_of - f.start + f.days - 1) / f.days`;

/**
 * Published (not draft) objectives of the cycle and their key results, one row each, read from the check-in digests
 * PostgreSQL keeps on every check-in write (src/db/schema/evaluation.ts): the on-time count is the bits of the
 * digest's period mask up to the periods due, the midpoint confidence is stored. A digest made for other dates or
 * another cadence (the cycle or the team changed since) is not trusted: that key result's check-ins are counted
 * directly, so the numbers are always those the domain's definitions give.
 */
export async function keyResultFigures(
  db: Executor,
  orgId: string,
  cycle: { id: string; startDate: string; endDate: string },
  midpoint: string,
  today: string,
  teamId?: string,
): Promise<KeyResultFigures[]> {
  const last = cycle.endDate < today ? cycle.endDate : today;
  const rows = await queryRows<Omit<KeyResultFigures, 'due' | 'onTime'> & { due: number | string; onTime: number | string }>(
    db,
    sql`
    with f as (
      select kr.id, kr.org_id, o.id as objective_id, o.type, o.team_id, t.name as team_name, kr.owner_id, u.name as owner_name,
        coalesce(kr.score, kr.score_override, round(kr.progress::numeric, 2)::float8) as kr_score,
        coalesce(o.score, round(o.progress::numeric, 2)::float8) as objective_score,
        s.start, s.days, greatest(0, (${last}::date - s.start) / s.days) as due
      from objectives o
      join key_results kr on kr.org_id = o.org_id and kr.objective_id = o.id
      left join teams t on t.org_id = o.org_id and t.id = o.team_id
      left join users u on u.org_id = kr.org_id and u.id = kr.owner_id
      cross join lateral (select
        greatest(${cycle.startDate}::date, coalesce(kr.effective_start_date, o.effective_start_date, ${cycle.startDate}::date)) as start,
        case t.check_in_cadence when 'biweekly' then 14 when 'monthly' then 30 else 7 end as days) s
      where o.org_id = ${orgId} and o.cycle_id = ${cycle.id} and o.status in ('active', 'closed')
        ${teamId ? sql`and o.team_id = ${teamId}` : sql``}
    )
    select f.objective_id as "objectiveId", f.type as "objectiveType", f.kr_score as "krScore",
      f.objective_score as "objectiveScore", f.team_id as "teamId", f.team_name as "teamName",
      f.owner_id as "ownerId", f.owner_name as "ownerName", f.due,
      case
        when d.key_result_id is null then 0
        when d.period_start = f.start and d.period_days = f.days and f.due <= 62
          then bit_count((d.period_mask & ~((-1)::bigint << (f.due + 1)) & ~1::bigint)::bit(64))
        else (select count(distinct ${periodOf}) from check_ins c
          where c.org_id = f.org_id and c.key_result_id = f.id and not c.deleted
            and c.as_of > f.start and c.as_of <= f.start + f.due * f.days)
      end as "onTime",
      case
        when d.key_result_id is null then null
        when d.midpoint = ${midpoint}::date then d.midpoint_confidence
        else (select c.confidence from check_ins c
          where c.org_id = f.org_id and c.key_result_id = f.id and not c.deleted and c.confidence is not null
            and c.as_of <= ${midpoint}::date
          order by c.as_of desc, c.created_at desc limit 1)
      end as "midpointConfidence"
    from f
    left join check_in_digests d on d.org_id = f.org_id and d.key_result_id = f.id`,
  );
  return rows.map((row) => ({
    ...row,
    krScore: Number(row.krScore),
    objectiveScore: Number(row.objectiveScore),
    due: Number(row.due),
    onTime: Number(row.onTime),
  }));
}
