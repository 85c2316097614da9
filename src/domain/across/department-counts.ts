/**
 * The department map from counts per pair of teams instead of one entry per objective, alignment, contribution and
 * dependency: the database groups them (a few thousand rows instead of 25,000 at scale 1) and the answer is the same
 * as departmentMap's over the entries behind the counts (department-counts.test.ts).
 */
import { byWeight, type DepartmentEdge } from './department-map.js';

export type CrossingKind = 'alignments' | 'contributions' | 'dependencies';

export interface TeamCounts {
  /** Published objectives per team (objectives without a team are no department's and are left out). */
  objectives: readonly { teamId: string; count: number }[];
  /** Team id → its group (department, or the team itself when under none). */
  groupOf: (teamId: string) => string;
  /** How many links of a kind go from a supporting team to a supported one (null: none, such as a company objective). */
  crossings: readonly { kind: CrossingKind; from: string | null; to: string | null; count: number }[];
}

export function departmentMapOfCounts(input: TeamCounts) {
  const objectiveCount = new Map<string, number>();
  for (const { teamId, count } of input.objectives) {
    const g = input.groupOf(teamId);
    objectiveCount.set(g, (objectiveCount.get(g) ?? 0) + count);
  }
  const edges = new Map<string, DepartmentEdge>();
  for (const { kind, from: fromTeam, to: toTeam, count } of input.crossings) {
    const from = fromTeam && input.groupOf(fromTeam);
    const to = toTeam && input.groupOf(toTeam);
    if (!from || !to || from === to) continue;
    const key = `${from}>${to}`;
    const edge = edges.get(key) ?? { from, to, alignments: 0, contributions: 0, dependencies: 0, weight: 0 };
    edge[kind] += count;
    edge.weight += count;
    edges.set(key, edge);
  }
  const connected = new Set([...edges.values()].flatMap((e) => [e.from, e.to]));
  return {
    objectiveCount,
    edges: [...edges.values()].sort(byWeight),
    gaps: [...objectiveCount.keys()].filter((g) => !connected.has(g)).sort(),
  };
}
