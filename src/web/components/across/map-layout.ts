import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { mapNodeSize, type MapNodeType } from '../../../domain/map-node-size.js';
import type { MapEdge, MapNode } from '../../api/across.js';

/** A handle's box: React Flow's stylesheet draws it 6 px square, centred on the node's top or bottom edge. */
const HANDLE = 6;

/**
 * Where React Flow would find a node's handles by measuring it (MapNodes: a target on top, a source
 * below; a pillar only a source). Declared up front, a node counts as measured before it is drawn, so
 * React Flow draws only the nodes in view instead of mounting and measuring all 2,000 first (issue 14).
 */
export function handlesOf(type: MapNodeType, size: { width: number; height: number }): NodeHandle[] {
  const x = size.width / 2 - HANDLE / 2;
  const source: NodeHandle = {
    id: null,
    type: 'source',
    position: Position.Bottom,
    x,
    y: size.height - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  };
  if (type === 'pillar') return [source];
  return [{ id: null, type: 'target', position: Position.Top, x, y: -HANDLE / 2, width: HANDLE, height: HANDLE }, source];
}

/** React Flow's nodes and edges for a map the server has laid out (elkjs, parents above children). */
export function toFlow(nodes: MapNode[], edges: MapEdge[]): { nodes: Node<{ node: MapNode }>[]; edges: Edge[] } {
  return {
    nodes: nodes.map((n) => {
      const size = mapNodeSize(n.type);
      // Sized and given its handles up front: React Flow need not draw and measure 2,000 nodes first.
      const declared = { ...size, measured: size, handles: handlesOf(n.type, size) };
      return { id: n.id, type: n.type, position: { x: n.x, y: n.y }, data: { node: n }, ...declared, style: size };
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
