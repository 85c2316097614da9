import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ParsedArgs } from '../args.js';
import { loadConfig } from '../../server/config.js';
import { createEmbeddedClusterInChild } from './first-start.js';
import { stopTranspiler } from '../transpiler.js';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** `npm start` builds the web app once if it has never been built, so a fresh clone just works. */
function buildWebIfMissing() {
  if (existsSync(join(projectRoot, 'dist/web/index.html'))) return;
  const vite = join(projectRoot, 'node_modules/vite/bin/vite.js');
  // An install without devDependencies has no Vite: say what to do rather than fail inside a spawn.
  if (!existsSync(vite))
    throw new Error(
      'The web app is not built and Vite is not installed: run `npm ci && npm run build` once (see README, "Production install").',
    );
  console.log('Building the web app (first start only)…');
  // In a child process that exits with the build: the server itself never holds Vite or its workers.
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The web app build failed; see the output above.');
}

export async function serveCommand(args: ParsedArgs) {
  if (args.flags.has('build-if-missing')) buildWebIfMissing();
  const config = loadConfig();
  createEmbeddedClusterInChild(config, args.flags.has('demo'));
  // The server's modules load only now: while a first start's child runs, this process stays small.
  const { startServer, stopOnSignals } = await import('../../server/serve.js');
  const { seedDemoIfEmpty } = await import('../../server/services/demo/seed-demo.js');
  const server = await startServer(config, async (handle) => {
    if (args.flags.has('demo')) console.log((await seedDemoIfEmpty(handle.db)).message);
  });
  // Every module the server runs is loaded: the transpiler's esbuild process need not live beside it.
  stopTranspiler();
  stopOnSignals(server);
}

/** API on PORT+1 behind Vite's dev server on PORT, with hot reload for the web app. */
export async function devCommand() {
  const config = loadConfig();
  const apiPort = config.port + 1;
  const { startServer } = await import('../../server/serve.js');
  const server = await startServer({ ...config, port: apiPort });
  const vite = spawn(process.execPath, [join(projectRoot, 'node_modules/vite/bin/vite.js'), '--port', String(config.port)], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, CAIRN_API_URL: `http://127.0.0.1:${apiPort}` },
  });
  const stop = () => {
    vite.kill('SIGTERM');
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
