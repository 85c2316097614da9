import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../db/open.js';
import type { DatabaseHandle } from '../db/database.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { jobContextFor } from './jobs/context.js';
import { startTicker } from './jobs/ticker.js';
import { backupSettings } from './services/backup/backup-settings.js';
import { startEmbeddedBackups } from './services/backup/backup-schedule.js';
import { assertSmtpUrl } from './mail/mailer.js';
import type { EventBus } from './events/bus.js';
import { openEventBus } from './events/open.js';
import { createMetrics, tickerObserver } from './metrics/metrics.js';

export interface RunningServer {
  app: FastifyInstance;
  handle: DatabaseHandle;
  url: string;
  stop(): Promise<void>;
}

/**
 * Opens and migrates the database, then serves and starts the job ticker (reminders, escalations,
 * digests, outbox delivery). `stop` stops the ticker, finishes in-flight requests, then closes the database.
 */
export async function startServer(config: Config, beforeListen?: (handle: DatabaseHandle) => Promise<void>): Promise<RunningServer> {
  // A malformed SMTP_URL stops the start with a message naming it, before anything is opened.
  assertSmtpUrl(config.smtpUrl);
  const handle = await openDatabase(config);
  let events: EventBus | undefined;
  try {
    await handle.migrate();
    if (beforeListen) await beforeListen(handle);
    events = await openEventBus(config.databaseUrl);
    const metrics = createMetrics({ processFigures: Boolean(config.metricsToken) });
    const app = await buildApp({ handle, config, events, metrics });
    const jobs = await jobContextFor(handle, config, (err) => app.log.warn({ err }, 'mail not sent'));
    await app.listen({ port: config.port, host: config.host });
    app.log.info({ engine: handle.kind, location: handle.location, url: config.publicUrl }, 'Cairn is serving');
    const ticker = startTicker(jobs, { log: app.log, maintain: handle.maintain, observe: tickerObserver(metrics) });
    const stopBackups = startEmbeddedBackups(handle, backupSettings(config.dataDir), app.log);
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await ticker.stop();
        stopBackups();
        await app.close();
        await handle.close();
      })());
    return { app, handle, url: config.publicUrl, stop };
  } catch (error) {
    await events?.close();
    await handle.close();
    throw error;
  }
}

/** SIGTERM/SIGINT: stop taking requests, let running ones finish, close the database (and its lock), exit. */
export function stopOnSignals(server: RunningServer): void {
  const onSignal = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
}
