// Runs elkjs off the server's event loop: a first layout of a 2,000-node map computes for seconds,
// and every other request would wait for it. Plain JavaScript so that it needs no TypeScript loader.
import { parentPort } from 'node:worker_threads';
import ELK from 'elkjs/lib/elk.bundled.js';

const elk = new ELK();
parentPort.on('message', ({ id, graph }) => {
  elk.layout(graph).then(
    (laid) => parentPort.postMessage({ id, children: (laid.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0 })) }),
    (error) => parentPort.postMessage({ id, error: String(error) }),
  );
});
