import pg from 'pg';

/** What the watchdog knows of one pooled connection: statements sent and not yet answered, and since when it waits. */
interface Waiting {
  client: pg.Client;
  pending: number;
  since: number;
}

/**
 * Stops waiting on a connection whose statement has had no answer for `limitMs`: a frozen server (as under SIGSTOP)
 * cannot cancel its own statements, and its kernel keeps the socket open. The connection is destroyed, so its
 * statements fail with `Query read timeout` (a database-unavailable error) and the pool drops it on release.
 *
 * pg's own `query_timeout` does the same with a timer and a callback wrapper made per statement. Measured (issue 12,
 * docs/performance.md): with it, 2–6 MB of recent statements' objects survived each young-generation collection,
 * which then paused the process 3–5 ms instead of 0.2–0.4 ms, on 3–4 % of team page calls. Here each connection gets
 * its wrapper once, and one timer for the pool looks at every connection a few times a second.
 */
export function watchQueries(pool: pg.Pool, limitMs: number): () => void {
  const connections = new Set<Waiting>();
  pool.on('connect', (client) => {
    if (!(client instanceof pg.Client)) return;
    const waiting: Waiting = { client, pending: 0, since: 0 };
    connections.add(waiting);
    client.once('end', () => connections.delete(waiting));
    // The destroyed socket's error reaches the statements; a connection checked out of the pool has no other listener.
    client.on('error', () => {});
    // Every statement, answered or failed, ends with the server's ReadyForQuery, whatever the style of its call
    // (the pool calls with a callback, a checked-out connection with a promise).
    client.connection.on('readyForQuery', () => {
      if (waiting.pending > 0) waiting.pending--;
      waiting.since = performance.now();
    });
    // The prototype's query, looked up at each call (a test may watch the statements there).
    const prototype = Object.getPrototypeOf(client) as pg.Client;
    client.query = ((...args: unknown[]): unknown => {
      if (waiting.pending++ === 0) waiting.since = performance.now();
      try {
        return Reflect.apply(prototype.query, client, args);
      } catch (error) {
        waiting.pending--; // refused before anything was sent
        throw error;
      }
    }) as typeof client.query;
  });
  const timer = setInterval(
    () => {
      const now = performance.now();
      for (const waiting of connections) {
        if (waiting.pending === 0 || now - waiting.since <= limitMs) continue;
        connections.delete(waiting);
        waiting.client.connection.stream.destroy(new Error('Query read timeout'));
      }
    },
    Math.max(50, Math.min(250, limitMs / 4)),
  );
  timer.unref();
  return () => clearInterval(timer);
}
