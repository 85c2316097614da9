import { sql, type SQL } from 'drizzle-orm';
import type { AdoptionClock, Week } from '../../../domain/adoption/index.js';
import { CADENCE_DAYS } from '../../../domain/index.js';
import { queryRows, type Executor } from '../../../db/database.js';
import type { Range } from './load-rows.js';

export interface Frame {
  orgId: string;
  range: Range;
  weeks: readonly Week[];
  clock: AdoptionClock;
}

/** Rows counted per team in the database from the live key results; see `keyResultCounts`. */
export interface KeyResultCounts {
  /** Punctual key results by (team, start a, end b, cadence); the rest one by one with dates; reviews by (team, end a, confirmed b). */
  keyResults: {
    kind: 'punctual' | 'dates' | 'review';
    team_id: string | null;
    a: string;
    b: string | null;
    cadence: number;
    dates: string[] | null;
    n: number;
  }[];
  /** Per team and person: bit w of the mask set when an objective they own a key result of is live in week w. */
  involvement: Involvement[];
  blockers: { team_id: string | null; w: number; raised: number; in_time: number }[];
}

/** Rows counted per team from the live objectives alone; see `objectiveCounts`. */
export interface ObjectiveCounts {
  objectives: { team_id: string | null; live_from: string; live_to: string; quality: number | null; n: number }[];
  /** As above, for the objectives people own or contribute to. */
  involvement: Involvement[];
  retrospectives: { team_id: string; cycle_end: string; held_on: string | null }[];
}

export interface Involvement {
  team_id: string | null;
  user_id: string;
  mask: string;
}

const cadenceDays = sql.raw(
  `case t.check_in_cadence when 'biweekly' then ${CADENCE_DAYS.biweekly} when 'monthly' then ${CADENCE_DAYS.monthly} else ${CADENCE_DAYS.weekly} end`,
);
const lastDue = (f: Frame) => (f.clock.today < f.weeks.at(-1)!.end ? f.clock.today : f.weeks.at(-1)!.end);

/** Bit w set when the objective is live in week w (it overlaps the week), as a bigint. */
const weekMask = (f: Frame) => {
  const first = sql`${f.weeks[0]!.start}::date`;
  const wa = sql`greatest(0, ceil((greatest(c.start_date, coalesce(o.effective_start_date, c.start_date)) - ${first} - 6) / 7.0)::int)`;
  const wb = sql`least(${f.weeks.length - 1}::int, floor((c.end_date - ${first}) / 7.0)::int)`;
  return sql`case when ${wa} > ${wb} then 0::bigint else ((1::bigint << (${wb} + 1)) - 1) & ~((1::bigint << ${wa}) - 1) end`;
};

/** The due dates' k in the weeks as a mask (a key result is punctual when its digest has all of them). */
const dueBits = sql`(((1::bigint << (kl + 1)) - 1) & ~((1::bigint << kf) - 1))`;

/** An objective o's cycle c and team t (for the cadence); with `isLive`, the live objectives (published, their cycle overlapping the range). */
const cycleAndTeam = sql`join cycles c on c.org_id = o.org_id and c.id = o.cycle_id left join teams t on t.org_id = o.org_id and t.id = o.team_id`;
const isLive = (f: Frame) =>
  sql`o.org_id = ${f.orgId} and o.status in ('active', 'closed') and c.start_date <= ${f.range.to}::date and c.end_date >= ${f.range.since}::date`;
const liveFrom = sql`greatest(c.start_date, coalesce(o.effective_start_date, c.start_date))`;

/** Rows aggregated into one JSON array (several of them come back as one row). */
const jsonRows = (rows: SQL) => sql`(select coalesce(json_agg(x), '[]') from (${rows}) x)`;

/**
 * Everything counted from the live key results, which are read ONCE (key_results ⋈ live objectives ⋈ digests): check-ins
 * on time, reviews, who owns a key result in which week, and blockers. Each of the three used to join key_results ⋈
 * objectives on its own (at scale 1: three scans of 150,000 key results a report). The counts come back as JSON arrays
 * in one row.
 */
export async function keyResultCounts(db: Executor, f: Frame): Promise<KeyResultCounts> {
  const { orgId, range } = f;
  const first = sql`${f.weeks[0]!.start}::date`;
  const raised = sql`date_trunc('milliseconds', ci.created_at)`;
  const limit = sql`make_interval(hours => ${f.clock.answerWithinHours}::int)`;
  const [row] = await queryRows<KeyResultCounts>(
    db,
    // Not built on a CTE of the live objectives: a CTE scan would keep this join from running in parallel workers.
    sql`with kr as materialized (
        -- kf, kl: the first and last due date's k in the weeks (kl < kf: none; k starts at 1); judged in the same pass.
        select team_id, id, owner_id, mask, s, e, cad, confirmed_on, case
          when kl < kf then true
          when period_start is distinct from s or period_days is distinct from cad or kl > 61 then false
          else period_mask & ${dueBits} = ${dueBits}
        end as punctual
        from (select live.*, greatest(1, (${first} - s + cad - 1) / cad) as kf, (least(e, ${lastDue(f)}::date) - s) / cad as kl
          from (select o.team_id, k.id, k.owner_id, ${weekMask(f)} as mask,
              greatest(${liveFrom}, coalesce(k.effective_start_date, c.start_date)) as s, c.end_date as e, ${cadenceDays} as cad,
              d.period_start, d.period_days, d.period_mask, to_char(sc.confirmed_at at time zone 'UTC', 'YYYY-MM-DD') as confirmed_on
            from key_results k join objectives o on o.org_id = k.org_id and o.id = k.objective_id ${cycleAndTeam}
            left join check_in_digests d on d.org_id = k.org_id and d.key_result_id = k.id
            left join score_confirmations sc on sc.org_id = k.org_id and sc.key_result_id = k.id
            where k.org_id = ${orgId} and ${isLive(f)}) live) due
      ), b as materialized (
        -- The first answer is looked up once per blocker, by the comments' target index (ms, as Node's Date).
        select kr.team_id, ((ci.created_at at time zone 'UTC')::date - ${first}) as day, ${raised} as raised_at,
          coalesce((select date_trunc('milliseconds', min(cm.created_at)) from comments cm
            where cm.target_type = 'check_in' and cm.target_id = ci.id and cm.org_id = ci.org_id
              and cm.deleted_at is null and cm.author_id is distinct from ci.author_id) - ${raised} <= ${limit}, false) as in_time
        from check_ins ci join kr on kr.id = ci.key_result_id
        where ci.org_id = ${orgId} and not ci.deleted and coalesce(trim(ci.blockers), '') <> ''
          and ci.created_at >= ${range.since}::date and ci.created_at < ${range.to}::date + 1
      )
      select ${jsonRows(sql`select 'punctual' as kind, team_id, to_char(s, 'YYYY-MM-DD') as a, to_char(e, 'YYYY-MM-DD') as b,
            cad as cadence, null::text[] as dates, count(*)::int as n
          from kr where punctual group by team_id, s, e, cad
          union all
          select 'dates', team_id, to_char(s, 'YYYY-MM-DD'), to_char(e, 'YYYY-MM-DD'), cad,
            coalesce((select array_agg(to_char(ci.as_of, 'YYYY-MM-DD')) from check_ins ci
              where ci.org_id = ${orgId} and ci.key_result_id = kr.id and not ci.deleted
                and ci.as_of between ${range.since}::date - 31 and ${range.to}::date + 31), '{}'), 1
          from kr where not punctual
          union all
          select 'review', team_id, to_char(e, 'YYYY-MM-DD'), confirmed_on, 0, null, count(*)::int
          from kr group by team_id, e, confirmed_on`)} as "keyResults",
        ${jsonRows(sql`select team_id, owner_id as user_id, bit_or(mask)::text as mask
          from kr where owner_id is not null and mask <> 0 group by team_id, owner_id`)} as involvement,
        ${jsonRows(sql`select team_id, day / 7 as w,
            count(*) filter (where in_time or raised_at + ${limit} <= ${new Date(f.clock.now).toISOString()}::timestamptz)::int as raised,
            count(*) filter (where in_time)::int as in_time
          from b where day >= 0 and day < ${f.weeks.length * 7} group by team_id, w`)} as blockers`,
  );
  return row!;
}

/** Everything counted from the live objectives alone: by (team, live days, quality), who owns or contributes, retrospectives. */
export async function objectiveCounts(db: Executor, f: Frame): Promise<ObjectiveCounts> {
  const { orgId } = f;
  const [row] = await queryRows<ObjectiveCounts>(
    db,
    sql`with lo as materialized (
        select o.id, o.team_id, o.owner_id, o.cycle_id, ${liveFrom} as live_from, c.end_date as live_to, ${weekMask(f)} as mask
        from objectives o ${cycleAndTeam} where ${isLive(f)}
      )
      select ${jsonRows(sql`select lo.team_id, to_char(live_from, 'YYYY-MM-DD') as live_from, to_char(live_to, 'YYYY-MM-DD') as live_to,
            q.score as quality, count(*)::int as n
          from lo left join objective_quality_scores q on q.org_id = ${orgId} and q.objective_id = lo.id
          group by lo.team_id, live_from, live_to, q.score`)} as objectives,
        ${jsonRows(sql`select team_id, user_id, bit_or(mask)::text as mask from (
            select team_id, owner_id as user_id, mask from lo
            union all
            select lo.team_id, x.user_id, lo.mask from objective_contributors x join lo on lo.id = x.objective_id where x.org_id = ${orgId}
          ) i where user_id is not null and mask <> 0 group by team_id, user_id`)} as involvement,
        ${jsonRows(sql`select distinct team_id, to_char(live_to, 'YYYY-MM-DD') as cycle_end,
            (select to_char(min(rt.created_at) at time zone 'UTC', 'YYYY-MM-DD') from retrospectives rt
              where rt.org_id = ${orgId} and rt.cycle_id = r.cycle_id and rt.team_id = r.team_id and rt.objective_id is null) as held_on
          from (select distinct team_id, cycle_id, live_to from lo where team_id is not null) r`)} as retrospectives`,
  );
  return row!;
}
