import {
  addPunctualKeyResults,
  checkInsOnTime,
  dayNumber,
  TeamTable,
  weekIndexer,
  type AdoptionClock,
  type Count,
  type KeyResultFact,
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
  /** Every team's counts and people; a team without any has none in it and counts as `empty`. */
  table: TeamTable;
  numberOf: Map<string, number>;
  empty: number;
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
  const table = new TeamTable(weeks);
  const empty = table.addTeam();
  const numberOf = new Map<string, number>();
  const of = (teamId: string | null) => {
    const key = teamId ?? '';
    let t = numberOf.get(key);
    if (t === undefined) numberOf.set(key, (t = table.addTeam()));
    return t;
  };
  const leads = membersAndLeads(members, (teamId, userId, joinedOn) => table.addMember(of(teamId), userId, joinedOn));
  const weekOf = weekIndexer(weeks);
  for (const o of objectives) {
    const t = of(o.team_id);
    for (let w = 0; w < n; w++) {
      const week = weeks[w]!;
      if (!(o.live_from <= week.end && o.live_to >= week.start)) continue;
      table.add(t, 'liveObjectives', w, o.n);
      if (o.quality !== null) {
        table.add(t, 'qualitySum', w, o.quality * o.n);
        table.add(t, 'qualityCount', w, o.n);
      }
    }
  }
  // Involvement comes from both reads: a person's weeks in a team are the OR of their masks.
  for (const rows of [fromObjectives.involvement, fromKeyResults.involvement])
    for (const i of rows) markBits(table.involvedIn(of(i.team_id), i.user_id), n, i.mask);
  const withDates = new Map<number, KeyResultFact[]>();
  for (const k of keyResults) {
    const t = of(k.team_id);
    if (k.kind === 'punctual')
      addPunctualKeyResults((c, w, delta) => table.add(t, c, w, delta), weeks, clock.today, {
        start: k.a,
        end: k.b!,
        cadenceDays: k.cadence,
        n: k.n,
      });
    else if (k.kind === 'dates') {
      const list = withDates.get(t) ?? [];
      list.push({ start: k.a, end: k.b!, cadenceDays: k.cadence, checkInDates: k.dates ?? [] });
      withDates.set(t, list);
    } else closeOut(table, t, 'reviewsDue', 'reviewsDone', k.a, k.b, k.n);
  }
  for (const [t, list] of withDates)
    for (let w = 0; w < n; w++) {
      const s = checkInsOnTime(weeks[w]!, list, clock.today, clock.graceDays);
      table.add(t, 'checkInsDue', w, s.of);
      table.add(t, 'checkInsOnTime', w, s.count);
    }
  for (const b of blockers) {
    const t = of(b.team_id);
    table.add(t, 'blockersRaised', b.w, b.raised);
    table.add(t, 'blockersInTime', b.w, b.in_time);
  }
  for (const c of comments) {
    const w = weekOf(dayNumber(c.day));
    if (w >= 0) table.add(of(c.team_id), 'comments', w, c.n);
  }
  for (const r of retrospectives) closeOut(table, of(r.team_id), 'retrospectivesDue', 'retrospectivesDone', r.cycle_end, r.held_on, 1);
  for (const m of minutes) {
    const w = weeks.findIndex((week) => week.start === m.week_start);
    if (w >= 0) table.add(of(m.team_id), 'minutes', w, m.minutes);
  }
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, parentId: t.parent_id })),
    table,
    numberOf,
    empty,
    leads,
    pilotTeamIds: new Set(pilot.map((p) => p.team_id)),
  };
}

/** Sets week w where bit w of the decimal mask is set: in doubles while exact (53 weeks), else as a bigint. */
function markBits(mark: (week: number) => void, n: number, decimal: string) {
  if (n <= 53) {
    let mask = Number(decimal);
    for (let w = 0; w < n && mask > 0; w++, mask = Math.floor(mask / 2)) if (mask % 2 === 1) mark(w);
    return;
  }
  const mask = BigInt(decimal);
  for (let w = 0; w < n; w++) if ((mask >> BigInt(w)) & 1n) mark(w);
}

/** Something expected once a cycle ends, `n` times: due from the week its cycle has ended by, done from the week it was. */
function closeOut(table: TeamTable, t: number, due: Count, done: Count, cycleEnd: string, doneOn: string | null, n: number) {
  const { weeks } = table;
  for (let w = 0; w < weeks.length; w++) {
    const end = weeks[w]!.end;
    if (cycleEnd > end) continue;
    table.add(t, due, w, n);
    if (doneOn !== null && doneOn <= end) table.add(t, done, w, n);
  }
}
