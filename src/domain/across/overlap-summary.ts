/**
 * The overlaps a department map shows: how many pairs there are and the closest few, without building every pair.
 *
 * Same definition as `overlaps` + `closestOverlaps` (two objectives of different teams whose titles share at least
 * OVERLAP_SIMILARITY of their words; most similar first, ties in the cycle's order), but titles with the same words
 * are grouped first. Two groups are compared once (prefix filtering over the groups), the pairs between them are
 * counted arithmetically (every cross-team pair of members), and only the first pairs of the closest groups are made.
 * Generated and real cycles repeat phrases ("Improve customer satisfaction"), so a million pairs come from a few
 * hundred groups.
 */
import { measureTokens } from '../quality/similarity.js';
import { OVERLAP_SIMILARITY, type TitledObjective } from './overlaps.js';
import { firstPairs, type Group, type Pair } from './overlap-pairs.js';

export interface Overlap {
  a: string;
  b: string;
  similarity: number;
}

interface GroupPair {
  first: Group;
  second: Group;
  similarity: number;
}

/** Cross-team pairs between two groups (or within one): all pairs less those inside a team. */
function countPairs({ first, second }: GroupPair): number {
  if (first === second) {
    let sameTeam = 0;
    for (const n of first.perTeam.values()) sameTeam += n * n;
    return (first.members.length ** 2 - sameTeam) / 2;
  }
  let sameTeam = 0;
  for (const [team, n] of first.perTeam) sameTeam += n * (second.perTeam.get(team) ?? 0);
  return first.members.length * second.members.length - sameTeam;
}

/** Groups of objectives whose titles have the same measured words, in the order of their first objective. */
function groupTitles(objectives: readonly { title: string; teamId: string | null }[]): Group[] {
  const byKey = new Map<string, Group>();
  objectives.forEach((o, at) => {
    if (!o.teamId) return;
    const words = measureTokens(o.title);
    if (words.size === 0) return;
    const key = [...words].sort().join('\u0001');
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { words, members: [], teams: [], perTeam: new Map() }));
    group.members.push(at);
    group.teams.push(o.teamId);
    group.perTeam.set(o.teamId, (group.perTeam.get(o.teamId) ?? 0) + 1);
  });
  return [...byKey.values()];
}

/** Shared words of two ascending lists of word numbers. */
function sharedWords(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared;
}

/**
 * Every pair of groups (a group with itself included) whose titles overlap, through an index of each group's rarest
 * words (prefix filtering: two word sets with a Jaccard of at least t share one of each set's first
 * |words| − ⌈t·|words|⌉ + 1 words in any fixed order, rarest first keeps the index lists short). Words are numbered
 * rarest first so that sets are ascending arrays compared by merging: a scale-1 cycle has thousands of groups.
 */
function overlappingGroups(groups: Group[]): GroupPair[] {
  const frequency = new Map<string, number>();
  for (const g of groups) for (const w of g.words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rank = new Map(
    [...frequency.keys()].sort((x, y) => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : x > y ? 1 : 0)).map((w, at) => [w, at]),
  );
  const numbered = groups.map((g) => Int32Array.from([...g.words].map((w) => rank.get(w)!)).sort());
  const byWord: number[][] = Array.from({ length: rank.size }, () => []);
  const seen = new Int32Array(groups.length).fill(-1);
  const found: GroupPair[] = [];
  groups.forEach((second, at) => {
    found.push({ first: second, second, similarity: 1 });
    const words = numbered[at]!;
    // The epsilon keeps 0.6 × 5 = 3 from becoming 4 through rounding.
    const prefix = words.length - Math.ceil(OVERLAP_SIMILARITY * words.length - 1e-9) + 1;
    for (let p = 0; p < prefix; p++)
      for (const other of byWord[words[p]!]!) {
        if (seen[other] === at) continue;
        seen[other] = at;
        const size = numbered[other]!.length;
        // A Jaccard of t needs the smaller set to hold at least t of the larger.
        if (Math.min(size, words.length) < OVERLAP_SIMILARITY * Math.max(size, words.length) - 1e-9) continue;
        const shared = sharedWords(numbered[other]!, words);
        const similarity = shared / (size + words.length - shared);
        if (similarity >= OVERLAP_SIMILARITY) found.push({ first: groups[other]!, second, similarity });
      }
    for (let p = 0; p < prefix; p++) byWord[words[p]!]!.push(at);
  });
  return found;
}

/** How many overlapping pairs there are, and the `most` closest (as `closestOverlaps(overlaps(objectives))`). */
export function overlapSummary(objectives: readonly TitledObjective[], most: number) {
  const pairs = overlappingGroups(groupTitles(objectives))
    .map((p) => ({ ...p, similarity: Math.round(p.similarity * 100) / 100, count: countPairs(p) }))
    .filter((p) => p.count > 0);
  const total = pairs.reduce((n, p) => n + p.count, 0);
  pairs.sort((x, y) => y.similarity - x.similarity);
  const closest: Overlap[] = [];
  for (let at = 0; at < pairs.length && closest.length < most;) {
    // One similarity at a time: its first pairs in the cycle's order, from whichever groups hold them.
    const similarity = pairs[at]!.similarity;
    const need = most - closest.length;
    let taken: Pair[] = [];
    for (; at < pairs.length && pairs[at]!.similarity === similarity; at++) {
      // Once `need` pairs are held (sorted), a group pair only adds pairs before the last of them.
      const more = firstPairs(pairs[at]!.first, pairs[at]!.second, need, taken.length === need ? taken[need - 1] : undefined);
      if (more.length === 0) continue;
      taken = sortPairs([...taken, ...more]).slice(0, need);
    }
    for (const [i, j] of taken) closest.push({ a: objectives[i]!.id, b: objectives[j]!.id, similarity });
  }
  return { total, closest };
}

const sortPairs = (pairs: Pair[]) => pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
