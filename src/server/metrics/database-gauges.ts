import { sql } from 'drizzle-orm';
import { Gauge, type Registry } from 'prom-client';
import { queryRows, type DatabaseHandle } from '../../db/database.js';

interface OutboxRow {
  pending: number;
  oldest_seconds: number | null;
}

/**
 * Gauges read when scraped: the outbox backlog (a stuck mail server or webhook shows as a growing,
 * ageing queue) and the server pool's connections. One small indexed query per scrape.
 */
export function registerDatabaseGauges(registry: Registry, handle: DatabaseHandle): void {
  // Both gauges are collected together in one scrape: they share one query.
  let reading: Promise<OutboxRow> | null = null;
  const readOutbox = () =>
    (reading ??= queryRows<OutboxRow>(
      handle.db,
      sql`select count(*)::int as pending,
                 coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as oldest_seconds
          from outbox where status = 'pending'`,
    )
      .then(([row]) => row ?? { pending: 0, oldest_seconds: 0 })
      .finally(() => setImmediate(() => (reading = null))));
  new Gauge({
    name: 'cairn_outbox_pending',
    help: 'E-mails and webhook deliveries waiting in the outbox.',
    registers: [registry],
    async collect() {
      this.set((await readOutbox()).pending);
    },
  });
  new Gauge({
    name: 'cairn_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest waiting outbox row (0 when none is waiting).',
    registers: [registry],
    async collect() {
      this.set(Math.max(0, (await readOutbox()).oldest_seconds ?? 0));
    },
  });
  const stats = handle.poolStats;
  if (!stats) return;
  new Gauge({
    name: 'cairn_database_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle) and requests waiting for one.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const now = stats();
      this.set({ state: 'total' }, now.total);
      this.set({ state: 'idle' }, now.idle);
      this.set({ state: 'waiting' }, now.waiting);
    },
  });
}
