/**
 * The first pairs, in the cycle's order, between two groups of objectives with the same title words (or within one
 * group): what the department map lists of a million overlaps without making them all.
 */

/** Objectives whose titles have the same measured words; `members` are positions in the cycle, ascending. */
export interface Group {
  words: Set<string>;
  members: number[];
  /** The team of each member, at the same index. */
  teams: string[];
  perTeam: Map<string, number>;
}

/** Positions [i, j] of two objectives in the cycle, i < j. */
export type Pair = readonly [number, number];

/** Index of the first member after `position` (members ascending). */
function firstAfter(members: readonly number[], position: number): number {
  let low = 0;
  let high = members.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (members[mid]! <= position) low = mid + 1;
    else high = mid;
  }
  return low;
}

const before = (x: Pair, y: Pair) => x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);

/**
 * Up to `most` cross-team pairs of `first` × `second` (unordered, each once), in the order (i, j); only pairs before
 * `bound` when given. i walks the members of both groups in order, and j the other group's members after i.
 */
export function firstPairs(first: Group, second: Group, most: number, bound?: Pair): Pair[] {
  const found: Pair[] = [];
  const sides = first === second ? [first] : [first, second];
  const cursor = sides.map(() => 0);
  for (;;) {
    // The next i: the smaller head of the two member lists.
    let side = -1;
    for (let s = 0; s < sides.length; s++)
      if (cursor[s]! < sides[s]!.members.length && (side < 0 || sides[s]!.members[cursor[s]!]! < sides[side]!.members[cursor[side]!]!))
        side = s;
    if (side < 0) return found;
    const i = sides[side]!.members[cursor[side]!]!;
    const team = sides[side]!.teams[cursor[side]!]!;
    cursor[side] = cursor[side]! + 1;
    if (bound && i > bound[0]) return found;
    const other = sides.length === 1 ? first : sides[1 - side]!;
    for (let k = firstAfter(other.members, i); k < other.members.length; k++) {
      if (other.teams[k] === team) continue;
      const pair: Pair = [i, other.members[k]!];
      if (bound && !before(pair, bound)) break;
      found.push(pair);
      if (found.length === most) return found;
    }
  }
}
