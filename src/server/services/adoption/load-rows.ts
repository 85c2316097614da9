import { sql } from 'drizzle-orm';
import { CADENCE_DAYS } from '../../../domain/index.js';
import { queryRows, type Executor } from '../../../db/database.js';

/**
 * The raw rows behind the adoption figures, each query scoped by org_id and by the range. Objectives are the
 * published ones (active or closed) whose cycle overlaps [since, to]; everything else hangs off them.
 */
export interface Range {
  /** The first day loaded: the range's first Monday, less four weeks so recently ended cycles' close-outs count. */
  since: string;
  to: string;
}

const PUBLISHED = sql.raw(`o.status in ('active', 'closed')`);
const cadenceDays = sql.raw(
  `case t.check_in_cadence when 'biweekly' then ${CADENCE_DAYS.biweekly} when 'monthly' then ${CADENCE_DAYS.monthly} else ${CADENCE_DAYS.weekly} end`,
);
const liveIn = (orgId: string, r: Range) =>
  sql`o.org_id = ${orgId} and ${PUBLISHED} and c.start_date <= ${r.to}::date and c.end_date >= ${r.since}::date`;

export const teamRows = (db: Executor, orgId: string) =>
  queryRows<{ id: string; name: string; kind: string; parent_id: string | null }>(
    db,
    sql`select id, name, kind, parent_id from teams where org_id = ${orgId} order by name`,
  );

/** Every membership of an active person; the name only for leads (the only ones named in the figures). */
export const memberRows = (db: Executor, orgId: string) =>
  queryRows<{ team_id: string; user_id: string; name: string | null; role: string; joined_on: string }>(
    db,
    sql`select m.team_id, m.user_id, case when m.role = 'lead' then u.name end as name, m.role,
        to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD') as joined_on
      from team_members m join users u on u.org_id = m.org_id and u.id = m.user_id
      where m.org_id = ${orgId} and u.deactivated_at is null`,
  );

export const objectiveRows = (db: Executor, orgId: string, r: Range) =>
  queryRows<{
    id: string;
    team_id: string | null;
    involved: string[];
    live_from: string;
    live_to: string;
    quality: number | null;
  }>(
    db,
    // Contributors and key-result owners grouped once per table and hash-joined, not looked up per objective.
    sql`select o.id, o.team_id,
        array_remove(array[o.owner_id] || coalesce(x.ids, '{}') || coalesce(kk.ids, '{}'), null) as involved,
        to_char(greatest(c.start_date, coalesce(o.effective_start_date, c.start_date)), 'YYYY-MM-DD') as live_from,
        to_char(c.end_date, 'YYYY-MM-DD') as live_to, q.score as quality
      from objectives o join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
      left join objective_quality_scores q on q.org_id = o.org_id and q.objective_id = o.id
      left join (select objective_id, array_agg(user_id) as ids from objective_contributors
        where org_id = ${orgId} and user_id is not null group by objective_id) x on x.objective_id = o.id
      left join (select objective_id, array_agg(owner_id) as ids from key_results
        where org_id = ${orgId} and owner_id is not null group by objective_id) kk on kk.objective_id = o.id
      where ${liveIn(orgId, r)}`,
  );

/** Key results with their check-in dates (within the range, a cadence either side) and their review confirmation. */
export const keyResultRows = (db: Executor, orgId: string, r: Range) =>
  queryRows<{ team_id: string | null; start: string; end: string; cadence: number; dates: string[]; confirmed_on: string | null }>(
    db,
    sql`select o.team_id,
        to_char(greatest(c.start_date, coalesce(o.effective_start_date, c.start_date), coalesce(k.effective_start_date, c.start_date)), 'YYYY-MM-DD') as start,
        to_char(c.end_date, 'YYYY-MM-DD') as "end", ${cadenceDays} as cadence,
        coalesce(d.dates, '{}') as dates,
        (select to_char(s.confirmed_at at time zone 'UTC', 'YYYY-MM-DD') from score_confirmations s
          where s.org_id = k.org_id and s.key_result_id = k.id) as confirmed_on
      from key_results k join objectives o on o.org_id = k.org_id and o.id = k.objective_id
      join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
      left join teams t on t.org_id = o.org_id and t.id = o.team_id
      -- The window's check-ins grouped in one pass and hash-joined: 2–3 times faster than an index probe per key result.
      left join (select ci.key_result_id, array_agg(to_char(ci.as_of, 'YYYY-MM-DD')) as dates from check_ins ci
        where ci.org_id = ${orgId} and not ci.deleted and ci.as_of between ${r.since}::date - 31 and ${r.to}::date + 31
        group by ci.key_result_id) d on d.key_result_id = k.id
      where k.org_id = ${orgId} and ${liveIn(orgId, r)}`,
  );

/** Blockers raised in the range and when someone other than their author first commented on them. */
export const blockerRows = (db: Executor, orgId: string, r: Range) =>
  queryRows<{ team_id: string | null; raised_at: Date | string; answered_at: Date | string | null }>(
    db,
    sql`select o.team_id, ci.created_at as raised_at,
        (select min(cm.created_at) from comments cm where cm.org_id = ci.org_id and cm.check_in_id = ci.id
          and cm.deleted_at is null and cm.author_id is distinct from ci.author_id) as answered_at
      from check_ins ci join key_results k on k.org_id = ci.org_id and k.id = ci.key_result_id
      join objectives o on o.org_id = k.org_id and o.id = k.objective_id
      join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
      where ci.org_id = ${orgId} and not ci.deleted and coalesce(trim(ci.blockers), '') <> ''
        and ci.created_at >= ${r.since}::date and ci.created_at < ${r.to}::date + 1 and ${liveIn(orgId, r)}`,
  );

/** The day of each comment in the range on a published objective, its key results or their check-ins. */
export const commentRows = (db: Executor, orgId: string, r: Range) =>
  queryRows<{ team_id: string | null; day: string }>(
    db,
    sql`select o.team_id, to_char(cm.created_at at time zone 'UTC', 'YYYY-MM-DD') as day
      from comments cm
      left join key_results kk on kk.org_id = cm.org_id and kk.id = cm.key_result_id
      left join check_ins ci on ci.org_id = cm.org_id and ci.id = cm.check_in_id
      left join key_results kc on kc.org_id = ci.org_id and kc.id = ci.key_result_id
      join objectives o on o.org_id = cm.org_id and o.id = coalesce(cm.objective_id, kk.objective_id, kc.objective_id)
      join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
      where cm.org_id = ${orgId} and cm.deleted_at is null
        and cm.created_at >= ${r.since}::date and cm.created_at < ${r.to}::date + 1 and ${liveIn(orgId, r)}`,
  );

/** The same, counted per team and day. */
export const commentCounts = (db: Executor, orgId: string, r: Range) =>
  queryRows<{ team_id: string | null; day: string; n: number }>(
    db,
    sql`select o.team_id, to_char(cm.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n
      from comments cm
      left join key_results kk on kk.org_id = cm.org_id and kk.id = cm.key_result_id
      left join check_ins ci on ci.org_id = cm.org_id and ci.id = cm.check_in_id
      left join key_results kc on kc.org_id = ci.org_id and kc.id = ci.key_result_id
      join objectives o on o.org_id = cm.org_id and o.id = coalesce(cm.objective_id, kk.objective_id, kc.objective_id)
      join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
      where cm.org_id = ${orgId} and cm.deleted_at is null
        and cm.created_at >= ${r.since}::date and cm.created_at < ${r.to}::date + 1 and ${liveIn(orgId, r)}
      group by 1, 2`,
  );

/** Per team and cycle with published objectives: the cycle's end and the day its retrospective was started. */
export const retrospectiveRows = (db: Executor, orgId: string, r: Range) =>
  queryRows<{ team_id: string; cycle_end: string; held_on: string | null }>(
    db,
    sql`select distinct o.team_id, to_char(c.end_date, 'YYYY-MM-DD') as cycle_end,
        (select to_char(min(rt.created_at) at time zone 'UTC', 'YYYY-MM-DD') from retrospectives rt
          where rt.org_id = o.org_id and rt.cycle_id = c.id and rt.team_id = o.team_id and rt.objective_id is null) as held_on
      from objectives o join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
      where o.team_id is not null and ${liveIn(orgId, r)}`,
  );

export const minuteRows = (db: Executor, orgId: string, r: Range) =>
  queryRows<{ team_id: string; week_start: string; minutes: number }>(
    db,
    sql`select team_id, to_char(week_start, 'YYYY-MM-DD') as week_start, sum(minutes)::int as minutes from adoption_minutes
      where org_id = ${orgId} and week_start between ${r.since}::date and ${r.to}::date group by team_id, week_start`,
  );

export const pilotRows = (db: Executor, orgId: string) =>
  queryRows<{ team_id: string }>(db, sql`select team_id from pilot_teams where org_id = ${orgId}`);
