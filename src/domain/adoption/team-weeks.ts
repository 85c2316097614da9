/**
 * The adoption figures of many overlapping groups (the organisation, each department, team and leader, the pilot),
 * computed once per team instead of once per group: every figure but involvement is a count over a base, and counts
 * add up across teams, so a group's week is the sum of its teams' weeks. Involvement counts people, who may sit in
 * several teams, so each team keeps who is involved in which week and a group joins those. The result equals
 * `weekFigures(mergeFacts(teams), week, clock)` for every week (tested against it on generated sets).
 */
import type { IsoDate } from '../dates.js';
import type { GroupFacts, MemberFact } from './facts.js';
import { checkInsOnTime, type Share } from './figures.js';
import { figuresFromCounts, type AdoptionClock, type WeekFigures } from './week-figures.js';
import type { Week } from './weeks.js';

const COUNTS = [
  'checkInsDue',
  'checkInsOnTime',
  'blockersRaised',
  'blockersInTime',
  'comments',
  'liveObjectives',
  'reviewsDue',
  'reviewsDone',
  'retrospectivesDue',
  'retrospectivesDone',
  'qualitySum',
  'qualityCount',
  'minutes',
] as const;
type Count = (typeof COUNTS)[number];

/** One team's (or any group's) week-by-week counts over the report's weeks. */
export interface TeamWeeks {
  readonly counts: Readonly<Record<Count, Float64Array>>;
  readonly members: readonly MemberFact[];
  /** Per person involved in one of the team's objectives: 1 in each week (by index) one of them is live. */
  readonly involvedIn: ReadonlyMap<string, Uint8Array>;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: IsoDate) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/** The index of the week holding a day, or -1 outside the weeks (which are consecutive). */
const weekIndexer = (weeks: readonly Week[]) => {
  const first = weeks.length ? dayNumber(weeks[0]!.start) : 0;
  return (day: number) => {
    const i = Math.floor((day - first) / 7);
    return i >= 0 && i < weeks.length ? i : -1;
  };
};

export function teamWeeks(facts: GroupFacts, weeks: readonly Week[], clock: AdoptionClock): TeamWeeks {
  const n = weeks.length;
  const counts = Object.fromEntries(COUNTS.map((c) => [c, new Float64Array(n)])) as Record<Count, Float64Array>;
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
  const n = weeks.length;
  const sum = Object.fromEntries(COUNTS.map((c) => [c, new Float64Array(n)])) as Record<Count, Float64Array>;
  const joined = new Map<string, IsoDate>();
  for (const p of parts) {
    for (const c of COUNTS) {
      const from = p.counts[c];
      const to = sum[c];
      for (let w = 0; w < n; w++) to[w]! += from[w]!;
    }
    for (const m of p.members) {
      const known = joined.get(m.userId);
      if (known === undefined || m.joinedOn < known) joined.set(m.userId, m.joinedOn);
    }
  }
  // Who is involved in the group's objectives, week by week: the teams' masks joined (only for the group's people).
  const anyTeam = new Map<string, Uint8Array>();
  for (const p of parts)
    for (const [userId, mask] of p.involvedIn) {
      if (!joined.has(userId)) continue;
      const known = anyTeam.get(userId);
      if (!known) anyTeam.set(userId, mask);
      else
        anyTeam.set(
          userId,
          known.map((v, w) => v | mask[w]!),
        );
    }
  const present = new Float64Array(n);
  const involved = new Float64Array(n);
  for (const [userId, joinedOn] of joined) {
    const mask = anyTeam.get(userId);
    for (let w = 0; w < n; w++) {
      if (joinedOn > weeks[w]!.end) continue;
      present[w]! += 1;
      if (mask?.[w] === 1) involved[w]! += 1;
    }
  }
  return weeks.map((week, w) => {
    const share = (count: Float64Array, of: Float64Array): Share => ({ count: count[w]!, of: of[w]! });
    const counts = {
      involvement: share(involved, present),
      checkIns: share(sum.checkInsOnTime, sum.checkInsDue),
      blockers: share(sum.blockersInTime, sum.blockersRaised),
      comments: share(sum.comments, sum.liveObjectives),
      reviews: share(sum.reviewsDone, sum.reviewsDue),
      retrospectives: share(sum.retrospectivesDone, sum.retrospectivesDue),
    };
    const qualityCount = sum.qualityCount[w]!;
    return figuresFromCounts(week.start, counts, qualityCount ? Math.round(sum.qualitySum[w]! / qualityCount) : null, sum.minutes[w]!);
  });
}
