import { Background, ControlButton, Controls, ReactFlow, useReactFlow, useStore, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MapEdge, MapNode } from '../../api/across.js';
import { toFlow } from './map-layout.js';
import { firstViewport, MIN_ZOOM, stillHolds, viewRect, wholeMapViewport, windowOf, type MapWindow, type Size } from './map-window.js';
import { NODE_TYPES } from './MapNodes.js';

/** React Flow's own "fit view" button (same place, label and icon), fitting the whole map rather than the window. */
function FitWholeMap({ nodes, frame }: { nodes: MapNode[]; frame: Size }) {
  const { setViewport } = useReactFlow();
  const min = useStore((s) => s.minZoom);
  const max = useStore((s) => s.maxZoom);
  return (
    <ControlButton
      className="react-flow__controls-fitview"
      title="Fit View"
      aria-label="Fit View"
      onClick={() => void setViewport(wholeMapViewport(nodes, frame, { min, max }))}
    >
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30">
        <path d={FIT_VIEW_ICON} />
      </svg>
    </ControlButton>
  );
}
// @xyflow/react's FitViewIcon, which it does not export.
const FIT_VIEW_ICON =
  'M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z';

/** The window React Flow is given, and the map and frame it was made for. */
type Shown = MapWindow & { of: MapNode[]; frame: Size };

/**
 * The zoomable node-link graph of a map, as the server laid it out. React Flow is given only the nodes and edges
 * near the view (map-window.ts), and a new window when the view leaves the old one: on a 2,000-objective map it
 * adopted and tested every node and edge before drawing the three in view (issue 14: interactive within 1 s).
 */
export function AlignmentGraph({ nodes, edges, onExpand }: { nodes: MapNode[]; edges: MapEdge[]; onExpand: (teamId: string) => void }) {
  const frameRef = useRef<HTMLDivElement>(null);
  const [frame, setFrame] = useState<Size | null>(null);
  // The frame's size decides the first view: measured before React Flow is drawn, and again when it changes.
  useLayoutEffect(() => {
    const element = frameRef.current!;
    // The observer reports the size once on observing: the same size keeps the same frame (and window).
    const measure = () =>
      setFrame((previous) => {
        const [width, height] = [element.clientWidth, element.clientHeight];
        return previous?.width === width && previous.height === height ? previous : { width, height };
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const first = useMemo(() => (frame ? firstViewport(nodes, frame) : null), [nodes, frame]);
  const viewport = useRef<Viewport | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  if (first && frame && (shown?.of !== nodes || shown.frame !== frame)) {
    // The first render, a new map or a resized frame: its window around the view React Flow shows (before it has
    // moved, the first view), set while rendering so that no frame is drawn without one.
    const view = viewRect(viewport.current ?? first, frame);
    setShown({ ...windowOf(nodes, edges, view), of: nodes, frame });
  }
  const onMove = useCallback(
    (_: unknown, moved: Viewport) => {
      viewport.current = moved;
      if (!frame) return;
      const view = viewRect(moved, frame);
      setShown((current) => (current && stillHolds(current, view) ? current : { ...windowOf(nodes, edges, view), of: nodes, frame }));
    },
    [nodes, edges, frame],
  );
  const flow = useMemo(() => (shown ? toFlow(shown.nodes, shown.edges) : null), [shown]);
  const withExpand = useMemo(() => flow?.nodes.map((n) => ({ ...n, data: { ...n.data, onExpand } })) ?? [], [flow, onExpand]);
  return (
    <div ref={frameRef} style={{ height: '70vh', minHeight: 420 }} data-testid="alignment-graph" data-ready="true">
      {first && frame && flow && (
        <ReactFlow
          nodes={withExpand}
          edges={flow.edges}
          nodeTypes={NODE_TYPES}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          onlyRenderVisibleElements
          // The view fitView chose (the start nodes, or the whole of a small map), computed up front.
          defaultViewport={first}
          onMove={onMove}
          minZoom={MIN_ZOOM}
        >
          <Background />
          <Controls showInteractive={false} showFitView={false}>
            <FitWholeMap nodes={nodes} frame={frame} />
          </Controls>
        </ReactFlow>
      )}
    </div>
  );
}
