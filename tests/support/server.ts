import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/database.js';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';

export interface TestServer {
  /** The real listening address, also the app's publicUrl (no trailing slash). */
  url: string;
  app: FastifyInstance;
  config: Config;
  close(): Promise<void>;
}

/** What a test may set: config overrides, and the app's mailer, clock or event bus. */
export interface TestServerOptions extends Pick<AppOptions, 'mailer' | 'clock' | 'events' | 'logger'> {
  config?: Partial<Config>;
}

/** The first-run setup code every test server takes (as CAIRN_SETUP_TOKEN); a test may override it. */
export const TEST_SETUP_CODE = 'TEST-SETUP-CODE';

/** A port the OS had free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolvePort(port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The whole app, as `cairn serve` builds it, on an already migrated database, listening on
 * 127.0.0.1. buildApp needs its publicUrl before listening, so a free port is chosen first
 * (and another one tried should something take it in between).
 */
export async function startTestServer(
  handle: DatabaseHandle,
  { config: overrides = {}, ...app }: TestServerOptions = {},
): Promise<TestServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const config: Config = { ...loadConfig({}), setupToken: TEST_SETUP_CODE, ...overrides, host: '127.0.0.1', port, publicUrl: url };
    const server = await buildApp({ handle, config, logger: process.env.TEST_LOG === '1' ? { level: 'error' } : false, ...app });
    try {
      await server.listen({ port, host: '127.0.0.1' });
      return { url, app: server, config, close: () => server.close() };
    } catch (error) {
      await server.close();
      lastError = error;
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw lastError;
}
