import type { Edge, Node } from '@xyflow/react';
import { mapNodeSize } from '../../../domain/map-node-size.js';
import type { MapEdge, MapNode } from '../../api/across.js';

/** React Flow's nodes and edges for a map the server has laid out (elkjs, parents above children). */
export function toFlow(nodes: MapNode[], edges: MapEdge[]): { nodes: Node<{ node: MapNode }>[]; edges: Edge[] } {
  return {
    nodes: nodes.map((n) => {
      const size = mapNodeSize(n.type);
      // Sized up front: React Flow need not measure 2,000 nodes before it can place the view.
      return { id: n.id, type: n.type, position: { x: n.x, y: n.y }, data: { node: n }, ...size, style: size };
    }),
    edges: edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: e.weight > 1 ? String(e.weight) : undefined,
      style: { strokeWidth: Math.min(1 + Math.log2(e.weight), 6) },
    })),
  };
}
