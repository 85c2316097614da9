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
import type { Executor } from '../../../db/database.js';
import { keyResultCounts, objectiveCounts, type Frame } from './live-counts.js';
import { commentCounts, memberRows, minuteRows, pilotRows, teamRows, type Range } from './load-rows.js';
import { membersAndLeads, type OrganisationFacts } from './team-facts.js';

/**
 * Each team's week-by-week counts ('' holds company objectives), counted in the database where the rows are many:
 * the same `TeamWeeks` that `teamWeeks(facts)` gives, without shipping every check-in date, objective and blocker.
 * - Key results: a key result whose check-in digest (check_in_digests, kept by triggers on check_ins) has a check-in
 *   in the period of every due date in the weeks is on time at every due date; such key results are counted by
 *   (team, start, end, cadence). The others (a missed period, or a digest for another start or cadence) are read with
 *   their check-in dates and counted as before.
 * - Objectives by (team, live days, quality); who is involved as one week mask per team and person.
 * - Blockers and comments counted per team and week.
 * The live key results are read once for their three counts (live-counts.ts), the live objectives once for theirs.
 */
export interface TeamCounts extends Omit<OrganisationFacts, 'byTeam'> {
  byTeam: Map<string, TeamWeeks>;
}

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
  const [teams, members, fromKeyResults, fromObjectives, comments, minutes, pilot] = await Promise.all([
    teamRows(db, orgId),
    memberRows(db, orgId),
    n ? keyResultCounts(db, f) : { keyResults: [], involvement: [], blockers: [] },
    n ? objectiveCounts(db, f) : { objectives: [], involvement: [], retrospectives: [] },
    n ? commentCounts(db, orgId, range) : [],
    n ? minuteRows(db, orgId, range) : [],
    pilotRows(db, orgId),
  ]);
  const { keyResults, blockers } = fromKeyResults;
  const { objectives, retrospectives } = fromObjectives;
  const byTeam = new Map<string, Team>();
  const of = (teamId: string | null) => {
    const key = teamId ?? '';
    let team = byTeam.get(key);
    if (!team) byTeam.set(key, (team = { counts: emptyCounts(n), members: [], involvedIn: new Map(), keyResults: [] }));
    return team;
  };
  const leads = membersAndLeads(members, (teamId) => of(teamId).members);
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
  // Involvement comes from both reads: a person's weeks in a team are the OR of their masks.
  for (const rows of [fromObjectives.involvement, fromKeyResults.involvement])
    for (const i of rows) {
      const { involvedIn } = of(i.team_id);
      let weeksIn = involvedIn.get(i.user_id);
      if (!weeksIn) involvedIn.set(i.user_id, (weeksIn = new Uint8Array(n)));
      orBits(weeksIn, i.mask);
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
  for (const r of retrospectives) {
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

/** Sets weeksIn[w] where bit w of the decimal mask is set: in doubles while exact (53 weeks), else as a bigint. */
function orBits(weeksIn: Uint8Array, decimal: string) {
  const n = weeksIn.length;
  if (n <= 53) {
    let mask = Number(decimal);
    for (let w = 0; w < n && mask > 0; w++, mask = Math.floor(mask / 2)) if (mask % 2 === 1) weeksIn[w] = 1;
    return;
  }
  const mask = BigInt(decimal);
  for (let w = 0; w < n; w++) if ((mask >> BigInt(w)) & 1n) weeksIn[w] = 1;
}
