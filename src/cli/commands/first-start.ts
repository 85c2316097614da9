import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../server/config.js';

const cairn = fileURLToPath(new URL('../../../bin/cairn.js', import.meta.url));

/** PGlite writes PG_VERSION when it creates a cluster: without it, the next open runs initdb. */
export const embeddedClusterExists = (dataDir: string) => existsSync(join(dataDir, 'pg', 'PG_VERSION'));

/**
 * The first start on the embedded engine creates the cluster (PGlite's initdb runs a second and a third WASM
 * instance beside the first and copies the new cluster through a tarball: ~950 MB of RSS at its peak, against
 * ~400 MB to open an existing one), then migrates and, with --demo, seeds. All of that runs in a child process
 * (`cairn migrate` or `cairn demo`) that exits before the server opens the directory, so the server's own
 * memory never holds that peak (WASM memory does not shrink once grown). Later starts skip this.
 */
export function createEmbeddedClusterInChild(config: Config, demo: boolean) {
  if (config.databaseUrl || embeddedClusterExists(config.dataDir)) return;
  console.log(`Creating the embedded database in ${config.dataDir} (first start only)…`);
  const result = spawnSync(process.execPath, [cairn, demo ? 'demo' : 'migrate'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error('Creating the embedded database failed; see the output above.');
}
