import { getViewportForBounds, type Viewport } from '@xyflow/react';
import { mapNodeSize } from '../../../domain/map-node-size.js';
import type { MapEdge, MapNode } from '../../api/across.js';
import { startNodes } from './map-start.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Size {
  width: number;
  height: number;
}

/** The padding and zoom React Flow's fitView used for the map's first view (its defaults, maxZoom 1). */
const FIT_PADDING = 0.1;
export const MIN_ZOOM = 0.05;
const MAX_FIRST_ZOOM = 1;

const boxOf = (n: MapNode): Rect => ({ x: n.x, y: n.y, ...mapNodeSize(n.type) });

function boundsOf(boxes: readonly Rect[]): Rect {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

const overlaps = (a: Rect, b: Rect) => a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;
/** The rectangle grown by `share` of its own size on every side. */
const grown = (r: Rect, share: number): Rect => ({
  x: r.x - r.width * share,
  y: r.y - r.height * share,
  width: r.width * (1 + 2 * share),
  height: r.height * (1 + 2 * share),
});

/**
 * The first view, as React Flow's fitView computed it on the start nodes (map-start.ts), but before React Flow is
 * given any node: the page can then hand it only the nodes near that view.
 */
export function firstViewport(nodes: readonly MapNode[], frame: Size): Viewport {
  const start = startNodes(nodes);
  const ids = start && new Set(start.map((s) => s.id));
  const fitted = ids ? nodes.filter((n) => ids.has(n.id)) : nodes;
  if (fitted.length === 0) return { x: 0, y: 0, zoom: 1 };
  return getViewportForBounds(boundsOf(fitted.map(boxOf)), frame.width, frame.height, MIN_ZOOM, MAX_FIRST_ZOOM, FIT_PADDING);
}

/**
 * What React Flow's "fit view" control showed when it held every node: the whole map. It now fits only the nodes it
 * is given (the window), so the page's own control asks for this instead.
 */
export function wholeMapViewport(nodes: readonly MapNode[], frame: Size, zoom: { min: number; max: number }): Viewport {
  if (nodes.length === 0) return { x: 0, y: 0, zoom: 1 };
  return getViewportForBounds(boundsOf(nodes.map(boxOf)), frame.width, frame.height, zoom.min, zoom.max, FIT_PADDING);
}

/** The part of the map (in its own coordinates) that a frame of this size shows at this viewport. */
export const viewRect = (viewport: Viewport, frame: Size): Rect => ({
  x: -viewport.x / viewport.zoom,
  y: -viewport.y / viewport.zoom,
  width: frame.width / viewport.zoom,
  height: frame.height / viewport.zoom,
});

export interface MapWindow {
  nodes: MapNode[];
  edges: MapEdge[];
  /** While the view stays inside this, the window holds everything it could draw. */
  holds: Rect;
}

/**
 * The nodes and edges near a view: React Flow adopts, indexes and tests for visibility every node and edge it is
 * given, on every render (most of the 2,000-objective map's first long task, issue 14), though it draws only those
 * in view. Near = within one view's size around it. An edge is kept when the box of its two ends meets that area
 * (so a long edge crossing the view is drawn), with both its ends, which React Flow needs to draw it.
 */
export function windowOf(nodes: readonly MapNode[], edges: readonly MapEdge[], view: Rect): MapWindow {
  const near = grown(view, 1);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const nearIds = new Set(nodes.filter((n) => overlaps(boxOf(n), near)).map((n) => n.id));
  const kept = new Set(nearIds);
  const keptEdges: MapEdge[] = [];
  for (const e of edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) continue;
    if (nearIds.has(e.source) || nearIds.has(e.target) || overlaps(boundsOf([boxOf(source), boxOf(target)]), near)) {
      keptEdges.push(e);
      kept.add(e.source);
      kept.add(e.target);
    }
  }
  // Map order, so React Flow draws overlapping nodes in the same order as when it was given all of them.
  return { nodes: nodes.filter((n) => kept.has(n.id)), edges: keptEdges, holds: grown(view, 0.5) };
}

/** Whether the window made for an earlier view still holds everything this view could draw. */
export const stillHolds = (window: MapWindow, view: Rect) => contains(window.holds, view);
