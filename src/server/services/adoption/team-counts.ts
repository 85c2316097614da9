import { dayNumber, TeamTable, weekIndexer, type AdoptionClock, type Count, type Week } from '../../../domain/adoption/index.js';
import type { Executor } from '../../../db/database.js';
import { keptFacts, teamIdOfKey, type KeptFactsRow } from './kept-facts.js';
import { memberRows, minuteRows, pilotRows, teamRows, type Range } from './load-rows.js';
import { membersAndLeads, type OrganisationFacts } from './team-facts.js';

/**
 * Each team's week-by-week counts ('' holds company objectives): the same `TeamWeeks` that `teamWeeks(facts)` gives,
 * summed from the facts kept per team and cycle (kept-facts.ts) over the report's weeks and day. Only the teams
 * written since their facts were kept are counted again in the database.
 */
export interface TeamCounts {
  /** Every team's counts and people; a team without any has none in it and counts as `empty`. */
  table: TeamTable;
  numberOf: Map<string, number>;
  empty: number;
}

/** What the counts are made from, read once per report (and what the figures remembered per group are keyed by). */
export interface TeamInputs extends Omit<OrganisationFacts, 'byTeam'> {
  members: Awaited<ReturnType<typeof memberRows>>;
  kept: KeptFactsRow[];
  minutes: Awaited<ReturnType<typeof minuteRows>>;
}

export async function readTeamInputs(
  db: Executor,
  orgId: string,
  range: Range,
  weeks: readonly Week[],
  clock: AdoptionClock,
): Promise<TeamInputs> {
  const n = weeks.length;
  // Independent reads: on a pool they run side by side; a single connection (PGlite, a transaction) queues them.
  const [teams, members, kept, minutes, pilot] = await Promise.all([
    teamRows(db, orgId),
    memberRows(db, orgId),
    n ? keptFacts(db, orgId, range, clock) : [],
    n ? minuteRows(db, orgId, range) : [],
    pilotRows(db, orgId),
  ]);
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, parentId: t.parent_id })),
    members,
    kept,
    minutes,
    leads: membersAndLeads(members, () => {}),
    pilotTeamIds: new Set(pilot.map((p) => p.team_id)),
  };
}

/** Every team's counts over the weeks as of the clock: built only when a group's figures are not remembered. */
export function countTeams(inputs: TeamInputs, weeks: readonly Week[], clock: AdoptionClock): TeamCounts {
  const table = new TeamTable(weeks);
  const empty = table.addTeam();
  const numberOf = new Map<string, number>();
  const of = (teamId: string) => {
    let t = numberOf.get(teamId);
    if (t === undefined) numberOf.set(teamId, (t = table.addTeam()));
    return t;
  };
  for (const m of inputs.members) table.addMember(of(m.team_id), m.user_id, m.joined_on);
  // A team's retrospectives count once per (cycle end, day held), as the definition reads them.
  const retrospectives = new Set<string>();
  for (const row of inputs.kept) addTeamCycle(table, of(teamIdOfKey(row.team_key)), row, clock, retrospectives);
  for (const key of retrospectives) {
    const [teamId, cycleEnd, heldOn] = key.split(' ') as [string, string, string];
    closeOut(table, of(teamId), 'retrospectivesDue', 'retrospectivesDone', cycleEnd, heldOn || null, 1);
  }
  for (const m of inputs.minutes) {
    const w = weeks.findIndex((week) => week.start === m.week_start);
    if (w >= 0) table.add(of(m.team_id), 'minutes', w, m.minutes);
  }
  return { table, numberOf, empty };
}

/** One team's facts of one cycle added to its counts over the weeks, as of the clock's day and time. */
function addTeamCycle(table: TeamTable, t: number, row: KeptFactsRow, clock: AdoptionClock, retrospectives: Set<string>) {
  const { weeks, n } = table;
  const { facts, cycle_end: cycleEnd } = row;
  const weekOf = weekIndexer(weeks);
  // The weeks [liveFrom, cycle end] overlaps.
  const liveWeeks = (liveFrom: string, each: (w: number) => void) => {
    for (let w = 0; w < n; w++) if (liveFrom <= weeks[w]!.end && cycleEnd >= weeks[w]!.start) each(w);
  };
  for (const [liveFrom, quality, count] of facts.o ?? [])
    liveWeeks(liveFrom, (w) => {
      table.add(t, 'liveObjectives', w, count);
      if (quality !== null) {
        table.add(t, 'qualitySum', w, quality * count);
        table.add(t, 'qualityCount', w, count);
      }
    });
  for (const [liveFrom, people] of facts.p ?? []) for (const userId of people) liveWeeks(liveFrom, table.involvedIn(t, userId));
  const today = dayNumber(clock.today);
  for (const [due, total, made] of facts.d ?? []) {
    const d = dayNumber(due);
    const w = weekOf(d);
    if (w < 0 || d > today) continue;
    // A due date without a check-in counts once its grace days are over (until then it is pending).
    table.add(t, 'checkInsDue', w, made + (d + clock.graceDays < today ? total - made : 0));
    table.add(t, 'checkInsOnTime', w, made);
  }
  for (const [doneOn, count] of facts.r ?? []) closeOut(table, t, 'reviewsDue', 'reviewsDone', cycleEnd, doneOn, count);
  if (facts.t) retrospectives.add(`${teamIdOfKey(row.team_key)} ${cycleEnd} ${facts.t[0] ?? ''}`);
  for (const [day, count] of facts.c ?? []) {
    const w = weekOf(dayNumber(day));
    if (w >= 0) table.add(t, 'comments', w, count);
  }
  const limit = clock.answerWithinHours * 3_600_000;
  for (const [day, inTime, late, pending] of facts.b ?? []) {
    const w = weekOf(dayNumber(day));
    if (w < 0) continue;
    // An unanswered (or late) blocker counts once its time to answer has run out.
    let decided = inTime + late;
    for (const raisedAt of pending) if (raisedAt + limit <= clock.now) decided += 1;
    table.add(t, 'blockersRaised', w, decided);
    table.add(t, 'blockersInTime', w, inTime);
  }
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
