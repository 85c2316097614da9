import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../db/open.js';
import type { DatabaseHandle } from '../db/database.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';

export interface RunningServer {
  app: FastifyInstance;
  handle: DatabaseHandle;
  url: string;
  stop(): Promise<void>;
}

/** Opens and migrates the database, then serves. `stop` finishes in-flight requests, then closes the database. */
export async function startServer(config: Config, beforeListen?: (handle: DatabaseHandle) => Promise<void>): Promise<RunningServer> {
  const handle = await openDatabase(config);
  try {
    await handle.migrate();
    if (beforeListen) await beforeListen(handle);
    const app = await buildApp({ handle, config });
    await app.listen({ port: config.port, host: config.host });
    app.log.info({ engine: handle.kind, location: handle.location, url: config.publicUrl }, 'Cairn is serving');
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await app.close();
        await handle.close();
      })());
    return { app, handle, url: config.publicUrl, stop };
  } catch (error) {
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
