import { sql } from 'drizzle-orm';
import type { AdoptionClock } from '../../../domain/adoption/index.js';
import { CADENCE_DAYS } from '../../../domain/index.js';
import { queryRows, type Executor } from '../../../db/database.js';
import { pgArray } from '../../../db/pg-array.js';
import { NO_TEAM_KEY } from '../../../db/schema/adoption-facts.js';
import type { TeamCycleFacts } from './kept-facts.js';

const cadenceDays = sql.raw(
  `case t.check_in_cadence when 'biweekly' then ${CADENCE_DAYS.biweekly} when 'monthly' then ${CADENCE_DAYS.monthly} else ${CADENCE_DAYS.weekly} end`,
);
const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);
/** Rows grouped into one JSON array per (cycle, team), to be joined to the pairs by hash. */
const perPair = (name: string, element: string, rows: ReturnType<typeof sql>) =>
  sql`${sql.raw(name)} as (select cycle_id, team_key, json_agg(${sql.raw(element)}) as j from (${rows}) x group by cycle_id, team_key)`;

/**
 * Counts the facts of the given (cycle, team) pairs and keeps them where the token is still the one read in the
 * same statement (a write committed meanwhile replaced it: those facts are answered but not kept).
 */
export function countTeamCycleFacts(db: Executor, orgId: string, cycleIds: string[], teamKeys: string[], clock: AdoptionClock) {
  return queryRows<{ cycle_id: string; team_key: string; token: string; facts: TeamCycleFacts }>(
    db,
    teamCycleFactsQuery(orgId, cycleIds, teamKeys, clock),
  );
}

/** The statement of `countTeamCycleFacts` (exported to look at its plan). */
export function teamCycleFactsQuery(orgId: string, cycleIds: string[], teamKeys: string[], clock: AdoptionClock) {
  const grace = clock.graceDays;
  const limit = sql`make_interval(hours => ${clock.answerWithinHours}::int)`;
  const limitMs = sql`${clock.answerWithinHours * 3_600_000}::bigint`;
  return sql`with pairs as (
        select p.cycle_id, p.team_key, f.token from unnest(${pgArray(cycleIds)}::uuid[], ${pgArray(teamKeys)}::uuid[]) as p(cycle_id, team_key)
        join adoption_team_facts f on f.cycle_id = p.cycle_id and f.team_key = p.team_key
      ), lo as materialized (
        -- By team (objectives_team_idx), and the objectives without a team apart: a few pairs never scan every objective.
        select o.id, p.cycle_id, p.team_key, o.owner_id, greatest(c.start_date, coalesce(o.effective_start_date, c.start_date)) as live_from,
          c.start_date as cs, c.end_date as ce, ${cadenceDays} as cad
        from pairs p join objectives o on o.org_id = ${orgId} and o.cycle_id = p.cycle_id
          and (o.team_id = p.team_key or (o.team_id is null and p.team_key = ${NO_TEAM_KEY}::uuid))
        join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
        left join teams t on t.org_id = o.org_id and t.id = o.team_id
        where o.status in ('active', 'closed')
      ), kr as materialized (
        select lo.cycle_id, lo.team_key, k.id, k.owner_id, lo.live_from, lo.ce as e, lo.cad,
          greatest(lo.live_from, coalesce(k.effective_start_date, lo.cs)) as s,
          (select ${day(`sc.confirmed_at at time zone 'UTC'`)} from score_confirmations sc where sc.org_id = k.org_id and sc.key_result_id = k.id) as confirmed_on
        from key_results k join lo on lo.id = k.objective_id where k.org_id = ${orgId}
      ), made as (
        -- Due date k is met by a check-in dated in (due − cadence, due + grace days].
        select distinct ci.key_result_id, g.k from check_ins ci join kr on kr.id = ci.key_result_id
        cross join lateral generate_series(greatest(1, ceil((ci.as_of - kr.s - ${grace}::int)::numeric / kr.cad)::int),
          least((kr.e - kr.s) / kr.cad, ceil((ci.as_of - kr.s)::numeric / kr.cad)::int)) as g(k)
        where ci.org_id = ${orgId} and not ci.deleted
      ), ${perPair(
        'dues',
        'json_build_array(d, total, made)',
        sql`select kr.cycle_id, kr.team_key, ${day('kr.s + g.k * kr.cad')} as d, count(*)::int as total, count(m.k)::int as made
          from kr cross join lateral generate_series(1, (kr.e - kr.s) / kr.cad) as g(k)
          left join made m on m.key_result_id = kr.id and m.k = g.k group by 1, 2, 3`,
      )}, ${perPair(
        'objs',
        'json_build_array(live_from, quality, n)',
        sql`select lo.cycle_id, lo.team_key, ${day('lo.live_from')} as live_from, q.score as quality, count(*)::int as n
          from lo left join objective_quality_scores q on q.org_id = ${orgId} and q.objective_id = lo.id group by 1, 2, 3, 4`,
      )}, ${perPair(
        'people',
        'json_build_array(live_from, users)',
        // Grouped by first live day (mostly the cycle's start): one list of people, not a day per person.
        sql`select cycle_id, team_key, live_from, json_agg(user_id) as users from (
          select cycle_id, team_key, user_id, ${day('min(live_from)')} as live_from from (
            select cycle_id, team_key, owner_id as user_id, live_from from lo
            union all select cycle_id, team_key, owner_id, live_from from kr
            union all select lo.cycle_id, lo.team_key, x.user_id, lo.live_from from objective_contributors x join lo on lo.id = x.objective_id
              where x.org_id = ${orgId}
          ) i where user_id is not null group by 1, 2, 3) u group by 1, 2, 3`,
      )}, ${perPair(
        'reviews',
        'json_build_array(confirmed_on, n)',
        sql`select cycle_id, team_key, confirmed_on, count(*)::int as n from kr group by 1, 2, 3`,
      )}, ${perPair(
        'comment_days',
        'json_build_array(d, n)',
        sql`select cycle_id, team_key, ${day(`cm.created_at at time zone 'UTC'`)} as d, count(*)::int as n from (
            select lo.cycle_id, lo.team_key, lo.id as target_id, 'objective' as target_type from lo
            union all select cycle_id, team_key, id, 'key_result' from kr
            union all select kr.cycle_id, kr.team_key, ci.id, 'check_in' from check_ins ci join kr on kr.id = ci.key_result_id
              where ci.org_id = ${orgId}
          ) x join comments cm on cm.target_type = x.target_type and cm.target_id = x.target_id
          where cm.org_id = ${orgId} and cm.deleted_at is null group by 1, 2, 3`,
      )}, ${perPair(
        'blocker_days',
        'json_build_array(d, in_time, late, pending)',
        // Times in ms as Node's Date keeps them; the first answer is looked up once per blocker by the target index.
        // Those whose time to answer had run out by \`now\` are counted; the others keep their time (a later read decides).
        sql`select cycle_id, team_key, d, count(*) filter (where in_time)::int as in_time,
            count(*) filter (where not in_time and raised_ms + ${limitMs} <= ${clock.now})::int as late,
            coalesce(array_agg(raised_ms order by raised_ms) filter (where not in_time and raised_ms + ${limitMs} > ${clock.now}), '{}') as pending
          from (select kr.cycle_id, kr.team_key, ${day(`ci.created_at at time zone 'UTC'`)} as d,
              (extract(epoch from date_trunc('milliseconds', ci.created_at)) * 1000)::bigint as raised_ms,
              coalesce((select date_trunc('milliseconds', min(cm.created_at)) from comments cm
                where cm.target_type = 'check_in' and cm.target_id = ci.id and cm.org_id = ci.org_id
                  and cm.deleted_at is null and cm.author_id is distinct from ci.author_id)
                - date_trunc('milliseconds', ci.created_at) <= ${limit}, false) as in_time
            from check_ins ci join kr on kr.id = ci.key_result_id
            where ci.org_id = ${orgId} and not ci.deleted and coalesce(trim(ci.blockers), '') <> '') b
          group by 1, 2, 3`,
      )}, counted as (
        select p.cycle_id, p.team_key, p.token, json_strip_nulls(json_build_object(
          'n', ${clock.now}::bigint, 'o', objs.j, 'p', people.j, 'd', dues.j, 'r', reviews.j, 'c', comment_days.j, 'b', blocker_days.j,
          't', case when p.team_key <> ${NO_TEAM_KEY}::uuid and objs.j is not null then json_build_array(
            (select ${day(`min(rt.created_at) at time zone 'UTC'`)} from retrospectives rt
              where rt.org_id = ${orgId} and rt.cycle_id = p.cycle_id and rt.team_id = p.team_key and rt.objective_id is null)) end
        )) as facts
        from pairs p
        left join objs using (cycle_id, team_key) left join people using (cycle_id, team_key)
        left join dues using (cycle_id, team_key) left join reviews using (cycle_id, team_key)
        left join comment_days using (cycle_id, team_key) left join blocker_days using (cycle_id, team_key)
      ), kept as (
        update adoption_team_facts f set facts = c.facts::jsonb, grace_days = ${grace}::int,
          answer_within_hours = ${clock.answerWithinHours}::int
        from counted c where f.cycle_id = c.cycle_id and f.team_key = c.team_key and f.token = c.token
        returning f.cycle_id
      )
      select cycle_id, team_key, token, facts from counted`;
}
