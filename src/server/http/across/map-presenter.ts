import type { alignmentMap } from '../../services/across/alignment-map.js';
import { layOutMap } from '../../services/across/map-layout.js';

type AlignmentMap = Awaited<ReturnType<typeof alignmentMap>>;

/** The map with each node's position in the layered layout, so the browser draws it without laying it out. */
export async function withLayout(map: AlignmentMap) {
  const positions = await layOutMap(map.nodes, map.edges);
  return { ...map, nodes: map.nodes.map((n) => ({ ...n, ...(positions.get(n.id) ?? { x: 0, y: 0 }) })) };
}
