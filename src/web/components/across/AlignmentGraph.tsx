import { Background, Controls, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { MapEdge, MapNode } from '../../api/across.js';
import { toFlow } from './map-layout.js';
import { startNodes } from './map-start.js';
import { NODE_TYPES } from './MapNodes.js';

/** The zoomable node-link graph of a map, as the server laid it out. */
export function AlignmentGraph({ nodes, edges, onExpand }: { nodes: MapNode[]; edges: MapEdge[]; onExpand: (teamId: string) => void }) {
  const flow = useMemo(() => toFlow(nodes, edges), [nodes, edges]);
  const withExpand = useMemo(() => flow.nodes.map((n) => ({ ...n, data: { ...n.data, onExpand } })), [flow, onExpand]);
  const fitViewOptions = useMemo(() => {
    const start = startNodes(nodes);
    return start ? { nodes: start, maxZoom: 1 } : { maxZoom: 1 };
  }, [nodes]);
  return (
    <div style={{ height: '70vh', minHeight: 420 }} data-testid="alignment-graph" data-ready="true">
      <ReactFlow
        nodes={withExpand}
        edges={flow.edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={fitViewOptions}
        // The first render, before fitView, draws only the top-left corner, where a large map starts.
        defaultViewport={{ x: 0, y: 0, zoom: 1 }}
        minZoom={0.05}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
