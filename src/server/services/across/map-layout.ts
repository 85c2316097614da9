import { createHash } from 'node:crypto';
import ELK from 'elkjs/lib/elk.bundled.js';
import { mapNodeSize, type MapNodeType } from '../../../domain/map-node-size.js';

/**
 * The alignment map's layered layout (parents above children), by elkjs on the server: elkjs is
 * compiled Java whose first layout of a 2,000-node map takes seconds before the JIT warms up, which
 * every browser paid on every visit (and 1.6 MB of script); the server pays it once and keeps the
 * last layouts by the graph's shape, so an unchanged map is laid out once.
 */
const elk = new ELK();
const KEPT_LAYOUTS = 32;
const kept = new Map<string, Map<string, Position>>();

export interface Position {
  x: number;
  y: number;
}

interface LayoutNode {
  id: string;
  type: MapNodeType;
}

interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

/** Same nodes (and sizes) and edges in the same order: the same layout. */
function shapeOf(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): string {
  const hash = createHash('sha256');
  for (const n of nodes) hash.update(`${n.id}:${n.type};`);
  hash.update('|');
  for (const e of edges) hash.update(`${e.id}:${e.source}>${e.target};`);
  return hash.digest('base64');
}

export async function layOutMap(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<Map<string, Position>> {
  const key = shapeOf(nodes, edges);
  const known = kept.get(key);
  if (known) {
    // Most recently used last: the oldest is the first to go.
    kept.delete(key);
    kept.set(key, known);
    return known;
  }
  const graph = await elk.layout({
    id: 'map',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '24',
    },
    children: nodes.map((n) => ({ id: n.id, ...mapNodeSize(n.type) })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  kept.set(key, positions);
  if (kept.size > KEPT_LAYOUTS) kept.delete(kept.keys().next().value!);
  return positions;
}
