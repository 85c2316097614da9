import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ElkNode } from 'elkjs/lib/elk-api.js';

/**
 * The maps' layered layout (parents above children, supporters above the supported), by elkjs on
 * the server: elkjs is compiled Java whose first layout of a 2,000-node map takes seconds before
 * the JIT warms up, which every browser paid on every visit (and 1.4 MB of script); the server pays
 * it once and keeps the last layouts by the graph's shape, so an unchanged map is laid out once.
 * elkjs runs in a worker thread (started on the first map, not holding the process open) so the
 * event loop stays free.
 */
const KEPT_LAYOUTS = 32;
const kept = new Map<string, Map<string, Position>>();

export interface Position {
  x: number;
  y: number;
}

export interface LayoutGraph {
  nodes: readonly { id: string; width: number; height: number }[];
  edges: readonly { id: string; source: string; target: string }[];
  /** Vertical room between two layers, in pixels. */
  layerSpacing: number;
}

/** Same nodes (and sizes), edges in the same order and spacing: the same layout. */
function shapeOf(graph: LayoutGraph): string {
  const hash = createHash('sha256');
  for (const n of graph.nodes) hash.update(`${n.id}:${n.width}x${n.height};`);
  hash.update('|');
  for (const e of graph.edges) hash.update(`${e.id}:${e.source}>${e.target};`);
  hash.update(`|${graph.layerSpacing}`);
  return hash.digest('base64');
}

type Answer = { id: number; children?: { id: string; x: number; y: number }[]; error?: string };
let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();

function layoutWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./map-layout-worker.mjs', import.meta.url));
  started.unref();
  started.on('message', (answer: Answer) => {
    waiting.get(answer.id)?.resolve(answer);
    waiting.delete(answer.id);
  });
  const stop = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
    worker = null;
  };
  started.on('error', stop);
  started.on('exit', (code) => stop(new Error(`the map layout worker stopped (${code})`)));
  worker = started;
  return started;
}

function layOutInWorker(graph: ElkNode): Promise<Answer> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, graph });
  });
}

export async function layOutGraph(graph: LayoutGraph): Promise<Map<string, Position>> {
  const key = shapeOf(graph);
  const known = kept.get(key);
  if (known) {
    // Most recently used last: the oldest is the first to go.
    kept.delete(key);
    kept.set(key, known);
    return known;
  }
  const answer = await layOutInWorker({
    id: 'map',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(graph.layerSpacing),
      'elk.spacing.nodeNode': '24',
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  if (answer.error !== undefined) throw new Error(`map layout failed: ${answer.error}`);
  const positions = new Map((answer.children ?? []).map((c) => [c.id, { x: c.x, y: c.y }]));
  kept.set(key, positions);
  if (kept.size > KEPT_LAYOUTS) kept.delete(kept.keys().next().value!);
  return positions;
}
