/**
 * Overlaps: objectives of different teams whose titles say nearly the same thing (the coach's word overlap). This is
 * the definition, listing every pair; the department map counts and lists them without building every pair
 * (`overlap-summary.ts`), tested equal to this.
 */
import { jaccard, measureTokens } from '../quality/similarity.js';

/** Titles of two objectives in different teams sharing at least this share of their words: an overlap. */
export const OVERLAP_SIMILARITY = 0.6;

export interface TitledObjective {
  id: string;
  title: string;
  teamId: string | null;
}

/**
 * Pairs of objectives in different teams whose titles say nearly the same thing (the coach's word overlap). Prefix
 * filtering keeps it near-linear instead of comparing every pair: with words ordered rarest first, two titles sharing
 * at least a share t of their words share one of each title's first |words| − ⌈t·|words|⌉ + 1 words, so only titles
 * meeting on such a word are compared. The result is the same as comparing all pairs, in the same order.
 */
export function overlaps(objectives: readonly TitledObjective[]) {
  const titled = objectives.filter((o) => o.teamId).map((o) => ({ ...o, words: measureTokens(o.title) }));
  const frequency = new Map<string, number>();
  for (const o of titled) for (const w of o.words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const byWord = new Map<string, number[]>();
  const found: { i: number; j: number; a: string; b: string; similarity: number }[] = [];
  for (let j = 0; j < titled.length; j++) {
    const b = titled[j]!;
    if (b.words.size === 0) continue;
    const ordered = [...b.words].sort((x, y) => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
    // The epsilon keeps 0.6 × 5 = 3 from becoming 4 through rounding.
    const prefix = ordered.slice(0, ordered.length - Math.ceil(OVERLAP_SIMILARITY * ordered.length - 1e-9) + 1);
    const candidates = new Set<number>();
    for (const w of prefix) for (const i of byWord.get(w) ?? []) candidates.add(i);
    for (const i of candidates) {
      const a = titled[i]!;
      if (a.teamId === b.teamId) continue;
      const similarity = jaccard(a.words, b.words);
      if (similarity >= OVERLAP_SIMILARITY) found.push({ i, j, a: a.id, b: b.id, similarity: Math.round(similarity * 100) / 100 });
    }
    for (const w of prefix) {
      const list = byWord.get(w);
      if (list) list.push(j);
      else byWord.set(w, [j]);
    }
  }
  return found.sort((x, y) => x.i - y.i || x.j - y.j).map(({ a, b, similarity }) => ({ a, b, similarity }));
}

/** How many overlaps a department map lists: the closest first (a large organisation has over a million pairs). */
export const MOST_OVERLAPS_LISTED = 100;

/** The `most` closest overlaps, most similar first; ties keep their order (by the objectives' order in the cycle). */
export function closestOverlaps<T extends { similarity: number }>(found: readonly T[], most = MOST_OVERLAPS_LISTED): T[] {
  return found
    .map((o, at) => ({ o, at }))
    .sort((x, y) => y.o.similarity - x.o.similarity || x.at - y.at)
    .slice(0, most)
    .map(({ o }) => o);
}
