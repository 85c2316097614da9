import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { objectives } from '../../../db/schema/index.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

export interface FiguresOptions {
  /** A further condition on the cycle (cy) or objective (o): only those rows. */
  only?: SQL;
}

/**
 * Published (not draft) objectives of the given cycles and their key results, one row each (`f`), read from the
 * check-in digests PostgreSQL keeps on every check-in write (src/db/schema/evaluation.ts): the on-time count is the
 * bits of the digest's period mask up to the periods due, the midpoint confidence is stored. A digest made for other
 * dates or another cadence (the cycle or the team changed since) is not trusted: that key result's check-ins are
 * counted directly, so the numbers are always those of the domain's definitions (checkInPunctuality: period k is
 * (start + (k−1)·days, start + k·days]; cycleMidpoint: start plus half the length, rounded down).
 */
export function figuresOf(reader: Reader, cycleIds: string[], today: string, teamId?: string, options: FiguresOptions = {}): SQL {
  const { orgId } = reader;
  const { only } = options;
  // The key results are reached through each visible objective's index entries (and materialized), not by hashing
  // every key result and digest of the organisation (all its cycles) against the cycles' objectives: about a fifth
  // less CPU for one 37,500-key-result cycle out of 150,000 (docs/performance.md, issue 13 fifth pass).
  return sql`
    k as materialized (
      select kr.id, kr.org_id, o.cycle_id, o.id as objective_id, o.type, o.team_id, t.name as team_name,
        kr.owner_id,
        coalesce(kr.score, kr.score_override, round(kr.progress::numeric, 2)::float8) as kr_score,
        coalesce(o.score, round(o.progress::numeric, 2)::float8) as objective_score,
        s.start, s.days, greatest(0, (least(cy.end_date, ${today}::date) - s.start) / s.days) as due,
        cy.start_date + (cy.end_date - cy.start_date) / 2 as midpoint
      from cycles cy
      join objectives o on o.org_id = cy.org_id and o.cycle_id = cy.id
      cross join lateral (select * from key_results kr where kr.org_id = o.org_id and kr.objective_id = o.id offset 0) kr
      left join teams t on t.org_id = o.org_id and t.id = o.team_id
      cross join lateral (select
        greatest(cy.start_date, coalesce(kr.effective_start_date, o.effective_start_date, cy.start_date)) as start,
        case t.check_in_cadence when 'biweekly' then 14 when 'monthly' then 30 else 7 end as days) s
      where cy.org_id = ${orgId} and cy.id in (${sql.join(
        cycleIds.map((id) => sql`${id}`),
        sql`, `,
      )}) and o.status in ('active', 'closed') and ${objectiveVisibleTo(reader, alias(objectives, 'o'))}
        ${teamId ? sql`and o.team_id = ${teamId}` : sql``}
        ${only ? sql`and ${only}` : sql``}
    ),
    f as (
      select k.*,
        case
          when d.key_result_id is null then 0
          when d.period_start = k.start and d.period_days = k.days and k.due <= 62
            then bit_count((d.period_mask & ~((-1)::bigint << (k.due + 1)) & ~1::bigint)::bit(64))
          else (select count(distinct (c.as_of - k.start + k.days - 1) / k.days) from check_ins c
            where c.org_id = k.org_id and c.key_result_id = k.id and not c.deleted
              and c.as_of > k.start and c.as_of <= k.start + k.due * k.days)
        end as on_time,
        case
          when d.key_result_id is null then null
          when d.midpoint = k.midpoint then d.midpoint_confidence
          else (select c.confidence from check_ins c
            where c.org_id = k.org_id and c.key_result_id = k.id and not c.deleted and c.confidence is not null
              and c.as_of <= k.midpoint
            order by c.as_of desc, c.created_at desc limit 1)
        end as midpoint_confidence
      from k
      left join check_in_digests d on d.org_id = k.org_id and d.key_result_id = k.id
    )`;
}
