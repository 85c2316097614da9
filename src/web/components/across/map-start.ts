import type { MapNode } from '../../api/across.js';

/** Up to this many nodes the whole map fits the frame; above it the map opens at its top, readable. */
export const FIT_ALL_LIMIT = 150;
const START_NODES = 3;

/**
 * The nodes the map's first view fits: every node of a small map; of a large one, the leftmost few
 * of its top layer (pillars or company objectives: where the map starts from), at a readable zoom.
 * Opening a 2,000-objective map on all of it drew every node before anyone could use it (issue 14:
 * interactive within 1 s); drawn only where one looks, the rest comes as the reader pans or zooms out.
 */
export function startNodes(nodes: readonly MapNode[]): { id: string }[] | undefined {
  if (nodes.length <= FIT_ALL_LIMIT) return undefined;
  let top = Number.POSITIVE_INFINITY;
  for (const n of nodes) top = Math.min(top, n.y);
  return nodes
    .filter((n) => n.y === top)
    .sort((a, b) => a.x - b.x)
    .slice(0, START_NODES)
    .map((n) => ({ id: n.id }));
}
