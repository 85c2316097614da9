import { getViewportForBounds } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { mapNodeSize } from '../../../domain/map-node-size.js';
import type { MapEdge, MapNode } from '../../api/across.js';
import { firstViewport, stillHolds, viewRect, wholeMapViewport, windowOf, type Rect } from './map-window.js';
import { mapNodeAt } from './map-node-fixture.js';

const node = mapNodeAt;

let seed = 7;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

/**
 * A layered map like the server's: four layers 60,000 px wide, each node under the one of the layer above it aligns
 * to (a little off), and one in twenty aligned to a random one far away instead.
 */
function layeredMap(perLayer: number[]) {
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  let above: MapNode[] = [];
  perLayer.forEach((count, layer) => {
    const row = Array.from({ length: count }, (_, i) =>
      node(`n${layer}-${i}`, Math.round((i / count) * 60_000 + random() * 300), 12 + layer * 180),
    );
    row.forEach((child, i) => {
      const far = random() < 0.05;
      const parent = above[far ? Math.floor(random() * above.length) : Math.floor((i * above.length) / count)];
      if (parent) edges.push({ id: `${parent.id}->${child.id}`, source: parent.id, target: child.id, weight: 1 });
    });
    nodes.push(...row);
    above = row;
  });
  return { nodes, edges };
}

const boxOf = (n: MapNode): Rect => ({ x: n.x, y: n.y, ...mapNodeSize(n.type) });
const meets = (a: Rect, b: Rect) => a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
const span = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
};

describe("the alignment map's window", () => {
  const { nodes, edges } = layeredMap([8, 40, 320, 1600]);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const frame = { width: 1200, height: 600 };

  it('opens where React Flow fitted the start nodes, or the whole of a small map', () => {
    const top = nodes
      .filter((n) => n.y === 12)
      .sort((a, b) => a.x - b.x)
      .slice(0, 3);
    const bounds = top.map(boxOf).reduce(span);
    expect(firstViewport(nodes, frame)).toEqual(getViewportForBounds(bounds, frame.width, frame.height, 0.05, 1, 0.1));
    const small = nodes.slice(0, 20);
    expect(firstViewport(small, frame)).toEqual(getViewportForBounds(small.map(boxOf).reduce(span), 1200, 600, 0.05, 1, 0.1));
  });

  it('fits the whole map for the fit view control, as React Flow did when it held every node', () => {
    const bounds = nodes.map(boxOf).reduce(span);
    expect(wholeMapViewport(nodes, frame, { min: 0.05, max: 2 })).toEqual(getViewportForBounds(bounds, 1200, 600, 0.05, 2, 0.1));
  });

  it('holds every node and edge any view inside it could draw, with both ends of each edge', () => {
    for (let i = 0; i < 100; i++) {
      const zoom = 0.05 + random() * 1.2;
      const made = viewRect({ x: -random() * 60_000 * zoom, y: -random() * 800 * zoom, zoom }, frame);
      const window = windowOf(nodes, edges, made);
      const held = new Set(window.nodes.map((n) => n.id));
      for (const e of window.edges) expect(held.has(e.source) && held.has(e.target)).toBe(true);
      // Views moved and zoomed a little from the one the window was made for, while it still holds them.
      const keptEdges = new Set(window.edges.map((e) => e.id));
      const missed: string[] = [];
      for (let j = 0; j < 5; j++) {
        const scale = 0.8 + random() * 0.4;
        const view = {
          x: made.x + (random() - 0.5) * made.width,
          y: made.y + (random() - 0.5) * made.height,
          width: made.width * scale,
          height: made.height * scale,
        };
        if (!stillHolds(window, view)) continue;
        for (const n of nodes) if (meets(boxOf(n), view) && !held.has(n.id)) missed.push(n.id);
        for (const e of edges)
          if (meets(span(boxOf(byId.get(e.source)!), boxOf(byId.get(e.target)!)), view) && !keptEdges.has(e.id)) missed.push(e.id);
      }
      expect(missed).toEqual([]);
    }
  });

  it('gives React Flow a small part of a large map seen at a readable zoom, in map order', () => {
    const window = windowOf(nodes, edges, viewRect({ x: -20_000, y: 0, zoom: 1 }, frame));
    expect(window.nodes.length).toBeLessThan(nodes.length / 5);
    const order = window.nodes.map((n) => nodes.indexOf(n));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
