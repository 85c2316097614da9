import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What an operator scrapes at /metrics. One registry per app (not prom-client's global one), so
 * two apps in one process — tests, or a future worker — never count into each other.
 */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  databaseTime: Histogram<'engine'>;
  sseConnections: Gauge;
  jobRuns: Counter<'job' | 'outcome'>;
  maintenanceRuns: Counter<'outcome'>;
}

// Seconds: API answers live between 1 ms and a few seconds.
const DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * `processFigures`: prom-client's memory, CPU, GC and event-loop figures. They start samplers that run
 * for the process's life, so only an app that serves /metrics (CAIRN_METRICS_TOKEN set) turns them on.
 */
export function createMetrics({ processFigures = false }: { processFigures?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (processFigures) collectDefaultMetrics({ register: registry, prefix: 'cairn_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'cairn_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'cairn_http_request_duration_seconds',
      help: 'Time from receiving a request to sending its answer, by method and route pattern.',
      labelNames: ['method', 'route'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    databaseTime: new Histogram({
      name: 'cairn_database_hold_duration_seconds',
      help: 'How long each statement or transaction held the database (a pool connection on PostgreSQL).',
      labelNames: ['engine'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    sseConnections: new Gauge({
      name: 'cairn_sse_connections',
      help: 'Open server-sent event streams (pages listening for live updates).',
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'cairn_job_runs_total',
      help: 'Scheduled job periods run by this process, by job and outcome (ran or error).',
      labelNames: ['job', 'outcome'],
      registers: [registry],
    }),
    maintenanceRuns: new Counter({
      name: 'cairn_database_maintenance_runs_total',
      help: "Runs of the embedded engine's upkeep (ANALYZE of grown tables), by outcome.",
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}

/** Feeds the job ticker's runs into the counters (the ticker knows nothing of Prometheus). */
export const tickerObserver = (metrics: Metrics) => ({
  jobPeriods(job: string, ran: number, errors: number) {
    if (ran > 0) metrics.jobRuns.inc({ job, outcome: 'ran' }, ran);
    if (errors > 0) metrics.jobRuns.inc({ job, outcome: 'error' }, errors);
  },
  maintenance(outcome: 'ran' | 'error') {
    metrics.maintenanceRuns.inc({ outcome });
  },
});
