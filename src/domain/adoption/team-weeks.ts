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
export type Count = (typeof COUNTS)[number];

/** Zeroed week-by-week counts, for a team's weeks built from counts already summed in the database. */
export const emptyCounts = (n: number) => Object.fromEntries(COUNTS.map((c) => [c, new Float64Array(n)])) as Record<Count, Float64Array>;

/**
 * Key results whose every due date in the weeks had a check-in in its period (so none is late or pending): each due
 * date D = start + k × cadence (k ≥ 1, D ≥ the first week's start, D ≤ end, the last week's end and today) counts as
 * due and on time, `n` times. Equal to `checkInsOnTime` over such key results (tested against it).
 */
export function addPunctualKeyResults(
  counts: Record<Count, Float64Array>,
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
    counts.checkInsDue[w]! += kr.n;
    counts.checkInsOnTime[w]! += kr.n;
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

/** A team's people as small integers, with the first week they are present in and their involvement masks. */
interface Interned {
  /** The counts, one after another in COUNTS order (weeks.length each). */
  readonly counts: Float64Array;
  readonly members: Int32Array;
  readonly firstWeek: Int32Array;
  readonly involved: Int32Array;
  /** The masks of `involved`, one after another (weeks.length each). */
  readonly masks: Uint8Array;
}

/**
 * `groupWeekFigures` for many groups over the same weeks (a report's organisation, departments, teams, leaders,
 * pilot): each team's people are numbered once and a group's people are gathered in typed arrays marked per group,
 * not in maps and merged copies — the report's Node time went there.
 */
export function groupCounter(weeks: readonly Week[]): (parts: readonly TeamWeeks[]) => WeekFigures[] {
  const n = weeks.length;
  const ids = new Map<string, number>();
  const idOf = (userId: string) => {
    let id = ids.get(userId);
    if (id === undefined) ids.set(userId, (id = ids.size));
    return id;
  };
  const interned = new WeakMap<TeamWeeks, Interned>();
  const intern = (p: TeamWeeks): Interned => {
    let i = interned.get(p);
    if (i) return i;
    const members = Int32Array.from(p.members, (m) => idOf(m.userId));
    // Present from the first week ending on or after the joining day (n: never within the weeks).
    const firstWeek = Int32Array.from(p.members, (m) => {
      let w = 0;
      while (w < n && m.joinedOn > weeks[w]!.end) w++;
      return w;
    });
    const involved = new Int32Array(p.involvedIn.size);
    const masks = new Uint8Array(p.involvedIn.size * n);
    let k = 0;
    for (const [userId, mask] of p.involvedIn) {
      involved[k] = idOf(userId);
      masks.set(mask.subarray(0, n), k * n);
      k++;
    }
    const counts = new Float64Array(COUNTS.length * n);
    COUNTS.forEach((c, j) => counts.set(p.counts[c].subarray(0, n), j * n));
    interned.set(p, (i = { counts, members, firstWeek, involved, masks }));
    return i;
  };
  // Per person: the group that last marked them (as member, as involved), their first week, their joined mask.
  let memberMark = new Int32Array(0);
  let involvedMark = new Int32Array(0);
  let first = new Int32Array(0);
  let anyMask = new Uint8Array(0);
  let group = 0;
  const grow = () => {
    if (memberMark.length >= ids.size) return;
    const size = Math.max(ids.size, memberMark.length * 2, 64);
    const more = <T extends Int32Array | Uint8Array>(old: T, make: (len: number) => T, len: number) => {
      const next = make(len);
      next.set(old);
      return next;
    };
    memberMark = more(memberMark, (l) => new Int32Array(l), size);
    involvedMark = more(involvedMark, (l) => new Int32Array(l), size);
    first = more(first, (l) => new Int32Array(l), size);
    anyMask = more(anyMask, (l) => new Uint8Array(l), size * n);
  };
  // Scratch sums, reused by every group (the figures copy what they need).
  const flat = new Float64Array(COUNTS.length * n);
  const at = Object.fromEntries(COUNTS.map((c, j) => [c, flat.subarray(j * n, (j + 1) * n)])) as Record<Count, Float64Array>;
  const present = new Float64Array(n);
  const involved = new Float64Array(n);
  return (parts) => {
    const teams = parts.map(intern);
    grow();
    group += 1;
    const people: number[] = [];
    flat.fill(0);
    for (const t of teams) for (let j = 0; j < flat.length; j++) flat[j]! += t.counts[j]!;
    const sum = at;
    for (const t of teams)
      for (let i = 0; i < t.members.length; i++) {
        const id = t.members[i]!;
        if (memberMark[id] !== group) {
          memberMark[id] = group;
          first[id] = t.firstWeek[i]!;
          people.push(id);
        } else if (t.firstWeek[i]! < first[id]!) first[id] = t.firstWeek[i]!;
      }
    // Who is involved in the group's objectives, week by week: the teams' masks joined (only for the group's people).
    for (const t of teams)
      for (let i = 0; i < t.involved.length; i++) {
        const id = t.involved[i]!;
        if (memberMark[id] !== group) continue;
        const at = id * n;
        const from = i * n;
        if (involvedMark[id] !== group) {
          involvedMark[id] = group;
          for (let w = 0; w < n; w++) anyMask[at + w] = t.masks[from + w]!;
        } else for (let w = 0; w < n; w++) anyMask[at + w]! |= t.masks[from + w]!;
      }
    present.fill(0);
    involved.fill(0);
    for (const id of people) {
      const known = involvedMark[id] === group;
      for (let w = first[id]!; w < n; w++) {
        present[w]! += 1;
        if (known && anyMask[id * n + w] === 1) involved[w]! += 1;
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
  };
}
