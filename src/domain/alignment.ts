/**
 * The alignment graph between objectives.
 *
 * A child objective aligns up to one or more parents (multi-parent is
 * allowed), so alignment forms a directed graph, not a tree. It must stay
 * acyclic: a cycle would make every objective on it depend on its own
 * progress. A link to a parent key result counts as a link to that key
 * result's objective; callers resolve those before asking.
 */

/** A child → parent link, both ends objective ids. */
export interface AlignmentEdge {
  readonly childId: string;
  readonly parentId: string;
}

/** Parents of each objective, for walking upwards. */
function parentsByChild(edges: readonly AlignmentEdge[]): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  for (const edge of edges) {
    const list = parents.get(edge.childId);
    if (list === undefined) parents.set(edge.childId, [edge.parentId]);
    else list.push(edge.parentId);
  }
  return parents;
}

/**
 * Every objective reachable upwards from `objectiveId` (itself excluded,
 * unless an existing cycle leads back to it).
 */
export function ancestorsOf(edges: readonly AlignmentEdge[], objectiveId: string): Set<string> {
  const parents = parentsByChild(edges);
  const seen = new Set<string>();
  // Iterative walk: deep alignment chains must not overflow the stack.
  const pending = [...(parents.get(objectiveId) ?? [])];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    pending.push(...(parents.get(next) ?? []));
  }
  return seen;
}

/**
 * True when adding the link child → parent would close a cycle: the child
 * is the parent itself, or the child is already an ancestor of the parent
 * (walking up from the parent reaches the child).
 */
export function wouldCreateCycle(edges: readonly AlignmentEdge[], childObjectiveId: string, parentObjectiveId: string): boolean {
  if (childObjectiveId === parentObjectiveId) return true;
  return ancestorsOf(edges, parentObjectiveId).has(childObjectiveId);
}

/**
 * Objectives aligned to `objectiveId`, directly or through other children:
 * everything whose progress can flow into it.
 */
export function descendantsOf(edges: readonly AlignmentEdge[], objectiveId: string): Set<string> {
  const reversed = edges.map((edge) => ({ childId: edge.parentId, parentId: edge.childId }));
  return ancestorsOf(reversed, objectiveId);
}
