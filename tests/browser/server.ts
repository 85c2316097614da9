import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { openPgliteInMemory } from '../../src/db/pglite-engine.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { buildApp, webRoot } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { TEST_SETUP_CODE } from '../support/server.js';

export { TEST_SETUP_CODE };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The real app with the built web UI, on a fresh embedded database, for browser tests. */
export async function startWebServer(
  overrides: Partial<Config> = {},
): Promise<{ url: string; app: FastifyInstance; handle: DatabaseHandle; close(): Promise<void> }> {
  if (!existsSync(join(webRoot, 'index.html')))
    throw new Error('dist/web is missing: `npm test` builds it first (or run `npm run build`).');
  const handle = await openPgliteInMemory();
  await handle.migrate();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await buildApp({
    handle,
    config: { ...loadConfig({}), setupToken: TEST_SETUP_CODE, ...overrides, publicUrl: url },
    logger: false,
  });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    app,
    handle,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
