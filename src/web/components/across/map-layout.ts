import ELK from 'elkjs/lib/elk.bundled.js';
import type { Edge, Node } from '@xyflow/react';
import type { MapEdge, MapNode } from '../../api/across.js';

const elk = new ELK();

/** The size a node is drawn at: the layout needs it before the node is rendered. */
export const sizeOf = (node: MapNode) =>
  node.type === 'key_result'
    ? { width: 200, height: 64 }
    : node.type === 'department' || node.type === 'pillar'
      ? { width: 240, height: 116 }
      : { width: 250, height: 112 };

/** Layered layout (parents above children) by elkjs: no positions are computed by hand. */
export async function layOut(nodes: MapNode[], edges: MapEdge[]): Promise<{ nodes: Node<{ node: MapNode }>[]; edges: Edge[] }> {
  const graph = await elk.layout({
    id: 'map',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '24',
    },
    children: nodes.map((n) => ({ id: n.id, ...sizeOf(n) })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const position = new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  return {
    nodes: nodes.map((n) => ({
      id: n.id,
      type: n.type,
      position: position.get(n.id) ?? { x: 0, y: 0 },
      data: { node: n },
      style: sizeOf(n),
    })),
    edges: edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: e.weight > 1 ? String(e.weight) : undefined,
      style: { strokeWidth: Math.min(1 + Math.log2(e.weight), 6) },
    })),
  };
}
