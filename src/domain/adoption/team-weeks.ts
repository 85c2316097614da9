/**
 * The adoption figures of many overlapping groups (the organisation, each department, team and leader, the pilot),
 * computed once per team instead of once per group: every figure but involvement is a count over a base, and counts
 * add up across teams, so a group's week is the sum of its teams' weeks. Involvement counts people, who may sit in
 * several teams, so each team keeps who is involved in which week and a group joins those. The result equals
 * `weekFigures(mergeFacts(teams), week, clock)` for every week (tested against it on generated sets).
 */
import type { IsoDate } from '../dates.js';
import type { GroupFacts, MemberFact } from './facts.js';
import { checkInsOnTime } from './figures.js';
import { COUNTS, tableGroupCounter, TeamTable, type Count } from './team-table.js';
import type { AdoptionClock, WeekFigures } from './week-figures.js';
import type { Week } from './weeks.js';

/** Zeroed week-by-week counts, for a team's weeks built from counts already summed in the database. */
export const emptyCounts = (n: number) => Object.fromEntries(COUNTS.map((c) => [c, new Float64Array(n)])) as Record<Count, Float64Array>;

/**
 * Key results whose every due date in the weeks had a check-in in its period (so none is late or pending): each due
 * date D = start + k × cadence (k ≥ 1, D ≥ the first week's start, D ≤ end, the last week's end and today) counts as
 * due and on time, `n` times. Equal to `checkInsOnTime` over such key results (tested against it).
 */
export function addPunctualKeyResults(
  add: (count: Count, week: number, n: number) => void,
  weeks: readonly Week[],
  today: IsoDate,
  kr: { start: IsoDate; end: IsoDate; cadenceDays: number; n: number },
): void {
  if (!weeks.length) return;
  const first = dayNumber(weeks[0]!.start);
  const start = dayNumber(kr.start);
  const last = Math.min(dayNumber(kr.end), dayNumber(weeks.at(-1)!.end), dayNumber(today));
  const cadence = kr.cadenceDays;
  for (let d = start + Math.max(1, Math.ceil((first - start) / cadence)) * cadence; d <= last; d += cadence) {
    const w = Math.floor((d - first) / 7);
    add('checkInsDue', w, kr.n);
    add('checkInsOnTime', w, kr.n);
  }
}

/** One team's (or any group's) week-by-week counts over the report's weeks. */
export interface TeamWeeks {
  readonly counts: Readonly<Record<Count, Float64Array>>;
  readonly members: readonly MemberFact[];
  /** Per person involved in one of the team's objectives: 1 in each week (by index) one of them is live. */
  readonly involvedIn: ReadonlyMap<string, Uint8Array>;
}

const DAY_MS = 86_400_000;
export const dayNumber = (iso: IsoDate) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/** The index of the week holding a day, or -1 outside the weeks (which are consecutive). */
export const weekIndexer = (weeks: readonly Week[]) => {
  const first = weeks.length ? dayNumber(weeks[0]!.start) : 0;
  return (day: number) => {
    const i = Math.floor((day - first) / 7);
    return i >= 0 && i < weeks.length ? i : -1;
  };
};

export function teamWeeks(facts: GroupFacts, weeks: readonly Week[], clock: AdoptionClock): TeamWeeks {
  const n = weeks.length;
  const counts = emptyCounts(n);
  const weekOf = weekIndexer(weeks);
  const involvedIn = new Map<string, Uint8Array>();
  for (const o of facts.objectives)
    for (let w = 0; w < n; w++) {
      const week = weeks[w]!;
      if (!(o.liveFrom <= week.end && o.liveTo >= week.start)) continue;
      counts.liveObjectives[w]! += 1;
      if (o.qualityScore !== null) {
        counts.qualitySum[w]! += o.qualityScore;
        counts.qualityCount[w]! += 1;
      }
      for (const id of o.involvedIds) {
        let mask = involvedIn.get(id);
        if (!mask) involvedIn.set(id, (mask = new Uint8Array(n)));
        mask[w] = 1;
      }
    }
  for (let w = 0; w < n; w++) {
    const s = checkInsOnTime(weeks[w]!, facts.keyResults, clock.today, clock.graceDays);
    counts.checkInsDue[w] = s.of;
    counts.checkInsOnTime[w] = s.count;
    counts.minutes[w] = facts.minutesByWeek.get(weeks[w]!.start) ?? 0;
  }
  const limit = clock.answerWithinHours * 3_600_000;
  for (const b of facts.blockers) {
    const w = weekOf(Math.floor(b.raisedAt / DAY_MS));
    if (w < 0) continue;
    const answeredInTime = b.answeredAt !== null && b.answeredAt - b.raisedAt <= limit;
    if (!answeredInTime && b.raisedAt + limit > clock.now) continue;
    counts.blockersRaised[w]! += 1;
    if (answeredInTime) counts.blockersInTime[w]! += 1;
  }
  for (const day of facts.commentDates) {
    const w = weekOf(dayNumber(day));
    if (w >= 0) counts.comments[w]! += 1;
  }
  const closeOuts = [
    [facts.reviews, counts.reviewsDue, counts.reviewsDone],
    [facts.retrospectives, counts.retrospectivesDue, counts.retrospectivesDone],
  ] as const;
  for (const [expected, due, done] of closeOuts)
    for (const e of expected)
      for (let w = 0; w < n; w++) {
        const end = weeks[w]!.end;
        if (e.cycleEnd > end) continue;
        due[w]! += 1;
        if (e.doneOn !== null && e.doneOn <= end) done[w]! += 1;
      }
  return { counts, members: facts.members, involvedIn };
}

/** A group's figures from its teams' weeks: counts summed, people counted once (the earliest joining day). */
export function groupWeekFigures(parts: readonly TeamWeeks[], weeks: readonly Week[]): WeekFigures[] {
  return groupCounter(weeks)(parts);
}

/**
 * `groupWeekFigures` for many groups over the same weeks (a report's organisation, departments, teams, leaders,
 * pilot): each team is put in a `TeamTable` the first time a group holds it, and groups are counted from the table.
 */
export function groupCounter(weeks: readonly Week[]): (parts: readonly TeamWeeks[]) => WeekFigures[] {
  const table = new TeamTable(weeks);
  const numbered = new WeakMap<TeamWeeks, number>();
  const number = (p: TeamWeeks): number => {
    let t = numbered.get(p);
    if (t !== undefined) return t;
    t = table.addTeam();
    for (const c of COUNTS) for (let w = 0; w < weeks.length; w++) table.add(t, c, w, p.counts[c][w]!);
    for (const m of p.members) table.addMember(t, m.userId, m.joinedOn);
    for (const [userId, mask] of p.involvedIn) {
      const mark = table.involvedIn(t, userId);
      for (let w = 0; w < weeks.length; w++) if (mask[w]) mark(w);
    }
    numbered.set(p, t);
    return t;
  };
  const counter = tableGroupCounter(table);
  return (parts) => counter(parts.map(number));
}
