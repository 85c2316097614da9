/**
 * The department map: departments as nodes and, between two of them, an edge weighted by the alignments,
 * contributions and dependencies that cross them ("who supports whom": from the supporting department to the
 * supported one). A team outside every department stands as its own group; company objectives belong to none.
 */

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

/** Heaviest first; ties by the departments' ids, so the order never depends on the order the rows came in. */
export const byWeight = (a: DepartmentEdge, b: DepartmentEdge) =>
  b.weight - a.weight || a.from.localeCompare(b.from) || a.to.localeCompare(b.to);

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
    edges: [...edges.values()].sort(byWeight),
    gaps,
  };
}
