import { DEPARTMENT_MAP_NODE_SIZE, mapNodeSize } from '../../../domain/map-node-size.js';
import type { alignmentMap } from '../../services/across/alignment-map.js';
import type { cycleDepartmentMap } from '../../services/across/department-map.js';
import { layOutGraph } from '../../services/across/map-layout.js';

type AlignmentMap = Awaited<ReturnType<typeof alignmentMap>>;
type DepartmentMap = Awaited<ReturnType<typeof cycleDepartmentMap>>;
const ORIGIN = { x: 0, y: 0 };

/** The map with each node's position in the layered layout, so the browser draws it without laying it out. */
export async function withLayout(map: AlignmentMap) {
  const positions = await layOutGraph({
    nodes: map.nodes.map((n) => ({ id: n.id, ...mapNodeSize(n.type) })),
    edges: map.edges,
    layerSpacing: 60,
  });
  return { ...map, nodes: map.nodes.map((n) => ({ ...n, ...(positions.get(n.id) ?? ORIGIN) })) };
}

/** Departments placed with supporters above the departments they support. */
export async function withDepartmentLayout(map: DepartmentMap) {
  const positions = await layOutGraph({
    nodes: map.departments.map((d) => ({ id: d.id, ...DEPARTMENT_MAP_NODE_SIZE })),
    edges: map.edges.map((e) => ({ id: `${e.from}->${e.to}`, source: e.from, target: e.to })),
    layerSpacing: 70,
  });
  return { ...map, departments: map.departments.map((d) => ({ ...d, ...(positions.get(d.id) ?? ORIGIN) })) };
}
