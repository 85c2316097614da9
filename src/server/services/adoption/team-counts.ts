import { sql } from 'drizzle-orm';
import {
  addPunctualKeyResults,
  checkInsOnTime,
  dayNumber,
  emptyCounts,
  weekIndexer,
  type AdoptionClock,
  type Count,
  type KeyResultFact,
  type MemberFact,
  type TeamWeeks,
  type Week,
} from '../../../domain/adoption/index.js';
import { CADENCE_DAYS } from '../../../domain/index.js';
import { queryRows, type Executor } from '../../../db/database.js';
import { memberRows, minuteRows, pilotRows, retrospectiveRows, teamRows, type Range } from './load-rows.js';
import type { OrganisationFacts } from './team-facts.js';

/**
 * Each team's week-by-week counts ('' holds company objectives), counted in the database where the rows are many:
 * the same `TeamWeeks` that `teamWeeks(facts)` gives, without shipping every check-in date, objective and blocker.
 * - Key results: a key result whose check-in digest (check_in_digests, kept by triggers on check_ins) has a check-in
 *   in the period of every due date in the weeks is on time at every due date; such key results are counted by
 *   (team, start, end, cadence). The others (a missed period, or a digest for another start or cadence) are read with
 *   their check-in dates and counted as before.
 * - Objectives by (team, live days, quality); who is involved as one week mask per team and person.
 * - Blockers and comments counted per team and week.
 */
export interface TeamCounts extends Omit<OrganisationFacts, 'byTeam'> {
  byTeam: Map<string, TeamWeeks>;
}

const PUBLISHED = sql.raw(`o.status in ('active', 'closed')`);
const cadenceDays = sql.raw(
  `case t.check_in_cadence when 'biweekly' then ${CADENCE_DAYS.biweekly} when 'monthly' then ${CADENCE_DAYS.monthly} else ${CADENCE_DAYS.weekly} end`,
);
const liveIn = (orgId: string, r: Range) =>
  sql`o.org_id = ${orgId} and ${PUBLISHED} and c.start_date <= ${r.to}::date and c.end_date >= ${r.since}::date`;

interface Frame {
  orgId: string;
  range: Range;
  weeks: readonly Week[];
  clock: AdoptionClock;
}

const lastDue = (f: Frame) => (f.clock.today < f.weeks.at(-1)!.end ? f.clock.today : f.weeks.at(-1)!.end);

/** Key results: punctual ones counted by (team, start, end, cadence); the rest with their dates; reviews by team. */
export const keyResultCounts = (db: Executor, f: Frame) =>
  queryRows<{
    kind: 'punctual' | 'dates' | 'review';
    team_id: string | null;
    a: string;
    b: string | null;
    cadence: number;
    dates: string[] | null;
    n: number;
  }>(
    db,
    sql`with kr as materialized (
        select o.team_id, k.id,
          greatest(c.start_date, coalesce(o.effective_start_date, c.start_date), coalesce(k.effective_start_date, c.start_date)) as s,
          c.end_date as e, ${cadenceDays} as cad, d.period_start, d.period_days, d.period_mask,
          to_char(sc.confirmed_at at time zone 'UTC', 'YYYY-MM-DD') as confirmed_on
        from key_results k join objectives o on o.org_id = k.org_id and o.id = k.objective_id
        join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
        left join teams t on t.org_id = o.org_id and t.id = o.team_id
        left join check_in_digests d on d.org_id = k.org_id and d.key_result_id = k.id
        left join score_confirmations sc on sc.org_id = k.org_id and sc.key_result_id = k.id
        where k.org_id = ${f.orgId} and ${liveIn(f.orgId, f.range)}
      ), due as (
        -- The first and last due date's k in the weeks, in integers (a kl of 0 or less means none: k starts at 1).
        select kr.*, greatest(1, (${f.weeks[0]!.start}::date - kr.s + kr.cad - 1) / kr.cad) as kf,
          (least(kr.e, ${lastDue(f)}::date) - kr.s) / kr.cad as kl
        from kr
      ), judged as (
        select due.*, case
          when kl < kf then true
          when period_start is distinct from s or period_days is distinct from cad or kl > 61 then false
          else period_mask & (((1::bigint << (kl + 1)) - 1) & ~((1::bigint << kf) - 1)) = (((1::bigint << (kl + 1)) - 1) & ~((1::bigint << kf) - 1))
        end as punctual
        from due
      )
      select 'punctual' as kind, team_id, to_char(s, 'YYYY-MM-DD') as a, to_char(e, 'YYYY-MM-DD') as b, cad as cadence,
        null::text[] as dates, count(*)::int as n
      from judged where punctual group by team_id, s, e, cad
      union all
      select 'dates', team_id, to_char(s, 'YYYY-MM-DD'), to_char(e, 'YYYY-MM-DD'), cad,
        coalesce((select array_agg(to_char(ci.as_of, 'YYYY-MM-DD')) from check_ins ci
          where ci.org_id = ${f.orgId} and ci.key_result_id = judged.id and not ci.deleted
            and ci.as_of between ${f.range.since}::date - 31 and ${f.range.to}::date + 31), '{}'), 1
      from judged where not punctual
      union all
      select 'review', team_id, to_char(e, 'YYYY-MM-DD'), confirmed_on, 0, null, count(*)::int
      from kr group by team_id, e, confirmed_on`,
  );

/** Week masks as bigints: bit w set when the objective is live in week w (it overlaps the week). */
const weekMask = (f: Frame) => {
  const first = sql`${f.weeks[0]!.start}::date`;
  const wa = sql`greatest(0, ceil((greatest(c.start_date, coalesce(o.effective_start_date, c.start_date)) - ${first} - 6) / 7.0)::int)`;
  const wb = sql`least(${f.weeks.length - 1}::int, floor((c.end_date - ${first}) / 7.0)::int)`;
  return sql`case when ${wa} > ${wb} then 0::bigint else ((1::bigint << (${wb} + 1)) - 1) & ~((1::bigint << ${wa}) - 1) end`;
};

export const objectiveCounts = (db: Executor, f: Frame) =>
  queryRows<{ team_id: string | null; live_from: string; live_to: string; quality: number | null; n: number }>(
    db,
    sql`select o.team_id,
        to_char(greatest(c.start_date, coalesce(o.effective_start_date, c.start_date)), 'YYYY-MM-DD') as live_from,
        to_char(c.end_date, 'YYYY-MM-DD') as live_to, q.score as quality, count(*)::int as n
      from objectives o join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
      left join objective_quality_scores q on q.org_id = o.org_id and q.objective_id = o.id
      where ${liveIn(f.orgId, f.range)}
      group by 1, 2, 3, 4`,
  );

/** Per team and person: the weeks in which an objective of the team they own, contribute to or own a key result of is live. */
export const involvementMasks = (db: Executor, f: Frame) =>
  queryRows<{ team_id: string | null; user_id: string; mask: string }>(
    db,
    sql`with lo as materialized (
        select o.id, o.team_id, o.owner_id, ${weekMask(f)} as mask
        from objectives o join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
        where ${liveIn(f.orgId, f.range)}
      )
      select team_id, user_id, bit_or(mask)::text as mask from (
        select team_id, owner_id as user_id, mask from lo
        union all
        select lo.team_id, x.user_id, lo.mask from objective_contributors x join lo on lo.id = x.objective_id
          where x.org_id = ${f.orgId}
        union all
        select lo.team_id, k.owner_id, lo.mask from key_results k join lo on lo.id = k.objective_id
          where k.org_id = ${f.orgId}
      ) i
      where user_id is not null and mask <> 0
      group by team_id, user_id`,
  );

/** Blockers raised in each week, counted once answered in time or once their timeframe has run out (ms, as in Node). */
export const blockerCounts = (db: Executor, f: Frame) => {
  const first = sql`${f.weeks[0]!.start}::date`;
  const raised = sql`date_trunc('milliseconds', ci.created_at)`;
  const limit = sql`make_interval(hours => ${f.clock.answerWithinHours}::int)`;
  return queryRows<{ team_id: string | null; w: number; raised: number; in_time: number }>(
    db,
    // The first answer is looked up once per blocker (materialized), by the comments' target index.
    sql`with b as materialized (
        select o.team_id, ((ci.created_at at time zone 'UTC')::date - ${first}) as day, ${raised} as raised_at,
          coalesce((select date_trunc('milliseconds', min(cm.created_at)) from comments cm
            where cm.target_type = 'check_in' and cm.target_id = ci.id and cm.org_id = ci.org_id
              and cm.deleted_at is null and cm.author_id is distinct from ci.author_id) - ${raised} <= ${limit}, false) as in_time
        from check_ins ci join key_results k on k.org_id = ci.org_id and k.id = ci.key_result_id
        join objectives o on o.org_id = k.org_id and o.id = k.objective_id
        join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
        where ci.org_id = ${f.orgId} and not ci.deleted and coalesce(trim(ci.blockers), '') <> ''
          and ci.created_at >= ${f.range.since}::date and ci.created_at < ${f.range.to}::date + 1 and ${liveIn(f.orgId, f.range)}
      )
      select team_id, day / 7 as w,
        count(*) filter (where in_time or raised_at + ${limit} <= ${new Date(f.clock.now).toISOString()}::timestamptz)::int as raised,
        count(*) filter (where in_time)::int as in_time
      from b where day >= 0 and day < ${f.weeks.length * 7}
      group by team_id, w`,
  );
};

export const commentCounts = (db: Executor, f: Frame) =>
  queryRows<{ team_id: string | null; day: string; n: number }>(
    db,
    sql`select o.team_id, to_char(cm.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n
      from comments cm
      left join key_results kk on kk.org_id = cm.org_id and kk.id = cm.key_result_id
      left join check_ins ci on ci.org_id = cm.org_id and ci.id = cm.check_in_id
      left join key_results kc on kc.org_id = ci.org_id and kc.id = ci.key_result_id
      join objectives o on o.org_id = cm.org_id and o.id = coalesce(cm.objective_id, kk.objective_id, kc.objective_id)
      join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
      where cm.org_id = ${f.orgId} and cm.deleted_at is null
        and cm.created_at >= ${f.range.since}::date and cm.created_at < ${f.range.to}::date + 1 and ${liveIn(f.orgId, f.range)}
      group by 1, 2`,
  );

interface Team {
  counts: Record<Count, Float64Array>;
  members: MemberFact[];
  involvedIn: Map<string, Uint8Array>;
  keyResults: KeyResultFact[];
}

export async function loadTeamCounts(
  db: Executor,
  orgId: string,
  range: Range,
  weeks: readonly Week[],
  clock: AdoptionClock,
): Promise<TeamCounts> {
  const f: Frame = { orgId, range, weeks, clock };
  const n = weeks.length;
  // Independent reads: on a pool they run side by side; a single connection (PGlite, a transaction) queues them.
  const [teams, members, keyResults, objectives, involved, blockers, comments, retros, minutes, pilot] = await Promise.all([
    teamRows(db, orgId),
    memberRows(db, orgId),
    n ? keyResultCounts(db, f) : [],
    n ? objectiveCounts(db, f) : [],
    n ? involvementMasks(db, f) : [],
    n ? blockerCounts(db, f) : [],
    n ? commentCounts(db, f) : [],
    n ? retrospectiveRows(db, orgId, range) : [],
    n ? minuteRows(db, orgId, range) : [],
    pilotRows(db, orgId),
  ]);
  const byTeam = new Map<string, Team>();
  const of = (teamId: string | null) => {
    const key = teamId ?? '';
    let team = byTeam.get(key);
    if (!team) byTeam.set(key, (team = { counts: emptyCounts(n), members: [], involvedIn: new Map(), keyResults: [] }));
    return team;
  };
  const leads = new Map<string, { name: string; teamIds: string[] }>();
  for (const m of members) {
    of(m.team_id).members.push({ userId: m.user_id, joinedOn: m.joined_on });
    if (m.role !== 'lead') continue;
    const lead = leads.get(m.user_id) ?? { name: m.name, teamIds: [] };
    lead.teamIds.push(m.team_id);
    leads.set(m.user_id, lead);
  }
  const weekOf = weekIndexer(weeks);
  for (const o of objectives) {
    const { counts } = of(o.team_id);
    for (let w = 0; w < n; w++) {
      const week = weeks[w]!;
      if (!(o.live_from <= week.end && o.live_to >= week.start)) continue;
      counts.liveObjectives[w]! += o.n;
      if (o.quality !== null) {
        counts.qualitySum[w]! += o.quality * o.n;
        counts.qualityCount[w]! += o.n;
      }
    }
  }
  for (const i of involved) {
    const mask = BigInt(i.mask);
    const weeksIn = new Uint8Array(n);
    for (let w = 0; w < n; w++) weeksIn[w] = Number((mask >> BigInt(w)) & 1n);
    of(i.team_id).involvedIn.set(i.user_id, weeksIn);
  }
  for (const k of keyResults) {
    const team = of(k.team_id);
    if (k.kind === 'punctual')
      addPunctualKeyResults(team.counts, weeks, clock.today, { start: k.a, end: k.b!, cadenceDays: k.cadence, n: k.n });
    else if (k.kind === 'dates') team.keyResults.push({ start: k.a, end: k.b!, cadenceDays: k.cadence, checkInDates: k.dates ?? [] });
    else closeOut(team.counts.reviewsDue, team.counts.reviewsDone, weeks, k.a, k.b, k.n);
  }
  for (const team of byTeam.values()) {
    if (!team.keyResults.length) continue;
    for (let w = 0; w < n; w++) {
      const s = checkInsOnTime(weeks[w]!, team.keyResults, clock.today, clock.graceDays);
      team.counts.checkInsDue[w]! += s.of;
      team.counts.checkInsOnTime[w]! += s.count;
    }
  }
  for (const b of blockers) {
    const { counts } = of(b.team_id);
    counts.blockersRaised[b.w]! += b.raised;
    counts.blockersInTime[b.w]! += b.in_time;
  }
  for (const c of comments) {
    const w = weekOf(dayNumber(c.day));
    if (w >= 0) of(c.team_id).counts.comments[w]! += c.n;
  }
  for (const r of retros) {
    const { counts } = of(r.team_id);
    closeOut(counts.retrospectivesDue, counts.retrospectivesDone, weeks, r.cycle_end, r.held_on, 1);
  }
  for (const m of minutes) {
    const w = weeks.findIndex((week) => week.start === m.week_start);
    if (w >= 0) of(m.team_id).counts.minutes[w]! += m.minutes;
  }
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, parentId: t.parent_id })),
    byTeam: new Map([...byTeam].map(([id, t]) => [id, { counts: t.counts, members: t.members, involvedIn: t.involvedIn }])),
    leads,
    pilotTeamIds: new Set(pilot.map((p) => p.team_id)),
  };
}

/** Something expected once a cycle ends, `n` times: due from the week its cycle has ended by, done from the week it was. */
function closeOut(due: Float64Array, done: Float64Array, weeks: readonly Week[], cycleEnd: string, doneOn: string | null, n: number) {
  for (let w = 0; w < weeks.length; w++) {
    const end = weeks[w]!.end;
    if (cycleEnd > end) continue;
    due[w]! += n;
    if (doneOn !== null && doneOn <= end) done[w]! += n;
  }
}
