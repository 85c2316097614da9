import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import type { MapEdge, MapNode } from '../../api/across.js';
import { layOut } from './map-layout.js';
import { NODE_TYPES } from './MapNodes.js';

/** The zoomable node-link graph of a map, laid out by elkjs. */
export function AlignmentGraph({ nodes, edges, onExpand }: { nodes: MapNode[]; edges: MapEdge[]; onExpand: (teamId: string) => void }) {
  const [laid, setLaid] = useState<{ nodes: Node[]; edges: Edge[] } | null>(null);
  useEffect(() => {
    let current = true;
    void layOut(nodes, edges).then((result) => current && setLaid(result));
    return () => {
      current = false;
    };
  }, [nodes, edges]);
  const withExpand = useMemo(() => laid?.nodes.map((n) => ({ ...n, data: { ...n.data, onExpand } })), [laid, onExpand]);
  if (!laid || !withExpand) return null;
  return (
    <div style={{ height: '70vh', minHeight: 420 }} data-testid="alignment-graph" data-ready="true">
      <ReactFlow
        nodes={withExpand}
        edges={laid.edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        onlyRenderVisibleElements
        fitView
        minZoom={0.05}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
