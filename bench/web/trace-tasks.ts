/**
 * The main thread's tasks as the browser ran them (trace `RunTask` events), which is what total blocking time counts:
 * a React render split into 5 ms slices is many short tasks here, where a CPU profile's runs of samples without idle
 * (profile-summary.ts) join them into one. Counted from the first contentful paint on, as Lighthouse does.
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
}

export interface TraceTasks {
  /** Tasks over 50 ms after the first contentful paint. */
  longTasks: number;
  /** Their time beyond 50 ms, summed (total blocking time, without Lighthouse's simulation). */
  blockingMs: number;
  longestMs: number;
  firstContentfulPaintMs: number;
}

export function traceTasks(trace: Buffer): TraceTasks | undefined {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const start = events.find((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser');
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  if (!fcp || !start) return undefined;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === fcp.pid && e.ts >= fcp.ts && (e.dur ?? 0) > 50_000);
  const durations = tasks.map((t) => t.dur! / 1000);
  return {
    longTasks: tasks.length,
    blockingMs: durations.reduce((sum, ms) => sum + ms - 50, 0),
    longestMs: Math.max(0, ...durations),
    firstContentfulPaintMs: (fcp.ts - start.ts) / 1000,
  };
}
