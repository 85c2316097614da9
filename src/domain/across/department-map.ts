/**
 * The department map: departments as nodes and, between two of them, an edge weighted by the alignments,
 * contributions and dependencies that cross them ("who supports whom": from the supporting department to the
 * supported one). A team outside every department stands as its own group; company objectives belong to none.
 */
import { jaccard, measureTokens } from '../quality/similarity.js';

/** Titles of two objectives in different teams sharing at least this share of their words: an overlap. */
export const OVERLAP_SIMILARITY = 0.6;

export interface DepartmentMapInput {
  objectives: readonly { id: string; title: string; teamId: string | null }[];
  /** Team id → its group (department, or the team itself when under none). */
  groupOf: (teamId: string) => string;
  /** child objective → the objective it supports. */
  alignments: readonly { child: string; parent: string }[];
  /** A team contributing to an objective. */
  contributions: readonly { objectiveId: string; teamId: string }[];
  /** The providing team supports the requesting one. */
  dependencies: readonly { requestingTeamId: string | null; providingTeamId: string }[];
}

export interface DepartmentEdge {
  from: string;
  to: string;
  alignments: number;
  contributions: number;
  dependencies: number;
  weight: number;
}

export function departmentMap(input: DepartmentMapInput) {
  const groupOfObjective = new Map<string, string | null>(input.objectives.map((o) => [o.id, o.teamId ? input.groupOf(o.teamId) : null]));
  const objectiveCount = new Map<string, number>();
  for (const g of groupOfObjective.values()) if (g) objectiveCount.set(g, (objectiveCount.get(g) ?? 0) + 1);
  const edges = new Map<string, DepartmentEdge>();
  const add = (from: string | null | undefined, to: string | null | undefined, kind: 'alignments' | 'contributions' | 'dependencies') => {
    if (!from || !to || from === to) return;
    const key = `${from}>${to}`;
    const edge = edges.get(key) ?? { from, to, alignments: 0, contributions: 0, dependencies: 0, weight: 0 };
    edge[kind]++;
    edge.weight++;
    edges.set(key, edge);
  };
  for (const a of input.alignments) add(groupOfObjective.get(a.child), groupOfObjective.get(a.parent), 'alignments');
  for (const c of input.contributions) add(input.groupOf(c.teamId), groupOfObjective.get(c.objectiveId), 'contributions');
  for (const d of input.dependencies)
    add(input.groupOf(d.providingTeamId), d.requestingTeamId ? input.groupOf(d.requestingTeamId) : null, 'dependencies');
  const connected = new Set([...edges.values()].flatMap((e) => [e.from, e.to]));
  const gaps = [...objectiveCount.keys()].filter((g) => !connected.has(g)).sort();
  return {
    objectiveCount,
    edges: [...edges.values()].sort((a, b) => b.weight - a.weight || a.from.localeCompare(b.from)),
    gaps,
    overlaps: overlaps(input.objectives),
  };
}

/**
 * Pairs of objectives in different teams whose titles say nearly the same thing (the coach's word overlap). Prefix
 * filtering keeps it near-linear instead of comparing every pair: with words ordered rarest first, two titles sharing
 * at least a share t of their words share one of each title's first |words| − ⌈t·|words|⌉ + 1 words, so only titles
 * meeting on such a word are compared. The result is the same as comparing all pairs, in the same order.
 */
export function overlaps(objectives: DepartmentMapInput['objectives']) {
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
