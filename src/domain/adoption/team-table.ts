/**
 * Every team's week-by-week counts and people in flat arrays, teams and people numbered from 0, and the figures of
 * any group of teams summed from them. The report counts about 2,000 overlapping groups over 1,000 teams and 10,000
 * people: built this way it allocates a few arrays per team instead of a typed array per count and person (the
 * garbage collector's work was a third of the report's Node time).
 */
import type { Share } from './figures.js';
import { figuresFromCounts, type WeekFigures } from './week-figures.js';
import type { Week } from './weeks.js';

export const COUNTS = [
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
const COUNT_INDEX = Object.fromEntries(COUNTS.map((c, j) => [c, j])) as Record<Count, number>;

export class TeamTable {
  readonly n: number;
  /** Team t's count c in week w at (t × COUNTS.length + c) × n + w. */
  counts = new Float64Array(0);
  /** Per team: its members (person numbers) and the first week each is present in (n: not within the weeks). */
  readonly members: number[][] = [];
  readonly firstWeek: number[][] = [];
  /** Per team: the people involved in its objectives, and their weeks (n a person, 1 when involved that week). */
  readonly involved: number[][] = [];
  readonly masks: number[][] = [];
  private readonly people = new Map<string, number>();
  private readonly involvedSlot = new Map<number, number>();

  constructor(readonly weeks: readonly Week[]) {
    this.n = weeks.length;
  }

  get teams(): number {
    return this.members.length;
  }

  get peopleCount(): number {
    return this.people.size;
  }

  /** A new team without counts or people; answers its number. */
  addTeam(): number {
    const t = this.teams;
    const width = COUNTS.length * this.n;
    if (this.counts.length < (t + 1) * width) {
      const grown = new Float64Array(Math.max((t + 1) * width, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.members.push([]);
    this.firstWeek.push([]);
    this.involved.push([]);
    this.masks.push([]);
    return t;
  }

  add(team: number, count: Count, week: number, delta: number): void {
    this.counts[(team * COUNTS.length + COUNT_INDEX[count]) * this.n + week]! += delta;
  }

  person(userId: string): number {
    let id = this.people.get(userId);
    if (id === undefined) this.people.set(userId, (id = this.people.size));
    return id;
  }

  /** A member joined on `joinedOn`: present from the first week ending on or after it. */
  addMember(team: number, userId: string, joinedOn: string): void {
    let w = 0;
    while (w < this.n && joinedOn > this.weeks[w]!.end) w++;
    this.members[team]!.push(this.person(userId));
    this.firstWeek[team]!.push(w);
  }

  /** Marks a person involved in the team's objectives in week w (`involvedIn(…)[w] = 1`). */
  involvedIn(team: number, userId: string): (week: number) => void {
    const id = this.person(userId);
    const key = team * 2 ** 26 + id;
    let slot = this.involvedSlot.get(key);
    const masks = this.masks[team]!;
    if (slot === undefined) {
      this.involvedSlot.set(key, (slot = this.involved[team]!.length));
      this.involved[team]!.push(id);
      for (let w = 0; w < this.n; w++) masks.push(0);
    }
    const at = slot * this.n;
    return (week) => {
      masks[at + week] = 1;
    };
  }
}

/**
 * The figures of groups of teams (by number): counts summed, people counted once (the earliest week present), a
 * person involved in a week when involved in one of the group's teams that week.
 */
export function tableGroupCounter(table: TeamTable): (teams: readonly number[]) => WeekFigures[] {
  const { n, weeks } = table;
  const width = COUNTS.length * n;
  // Per person: the group that last marked them (as member, as involved), their first week, their joined mask.
  let memberMark = new Int32Array(0);
  let involvedMark = new Int32Array(0);
  let first = new Int32Array(0);
  let anyMask = new Uint8Array(0);
  let group = 0;
  const grow = () => {
    const size = table.peopleCount;
    if (memberMark.length >= size) return;
    memberMark = new Int32Array(size);
    involvedMark = new Int32Array(size);
    first = new Int32Array(size);
    anyMask = new Uint8Array(size * n);
    group = 0;
  };
  // Scratch sums, reused by every group (the figures copy what they need).
  const flat = new Float64Array(width);
  const at = (c: Count, w: number) => flat[COUNT_INDEX[c] * n + w]!;
  const present = new Float64Array(n);
  const involved = new Float64Array(n);
  return (teams) => {
    grow();
    group += 1;
    const people: number[] = [];
    flat.fill(0);
    const counts = table.counts;
    for (const t of teams) for (let j = 0, base = t * width; j < width; j++) flat[j]! += counts[base + j]!;
    for (const t of teams) {
      const members = table.members[t]!;
      const firstWeek = table.firstWeek[t]!;
      for (let i = 0; i < members.length; i++) {
        const id = members[i]!;
        if (memberMark[id] !== group) {
          memberMark[id] = group;
          first[id] = firstWeek[i]!;
          people.push(id);
        } else if (firstWeek[i]! < first[id]!) first[id] = firstWeek[i]!;
      }
    }
    // Who is involved in the group's objectives, week by week: the teams' masks joined (only for the group's people).
    for (const t of teams) {
      const ids = table.involved[t]!;
      const masks = table.masks[t]!;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (memberMark[id] !== group) continue;
        const to = id * n;
        const from = i * n;
        if (involvedMark[id] !== group) {
          involvedMark[id] = group;
          for (let w = 0; w < n; w++) anyMask[to + w] = masks[from + w]!;
        } else for (let w = 0; w < n; w++) anyMask[to + w]! |= masks[from + w]!;
      }
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
      const share = (count: Count, of: Count): Share => ({ count: at(count, w), of: at(of, w) });
      const shares = {
        involvement: { count: involved[w]!, of: present[w]! },
        checkIns: share('checkInsOnTime', 'checkInsDue'),
        blockers: share('blockersInTime', 'blockersRaised'),
        comments: share('comments', 'liveObjectives'),
        reviews: share('reviewsDone', 'reviewsDue'),
        retrospectives: share('retrospectivesDone', 'retrospectivesDue'),
      };
      const qualityCount = at('qualityCount', w);
      return figuresFromCounts(week.start, shares, qualityCount ? Math.round(at('qualitySum', w) / qualityCount) : null, at('minutes', w));
    });
  };
}
