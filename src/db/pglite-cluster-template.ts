import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The installed PGlite's version: a cluster made by one build of its WASM is only loaded by the same build. */
function pgliteVersion(): string {
  let folder = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder);
  return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Where `npm run build` leaves the empty cluster for this PGlite (CAIRN_CLUSTER_TEMPLATE overrides it). */
export const clusterTemplatePath = () =>
  process.env.CAIRN_CLUSTER_TEMPLATE ?? join(projectRoot, 'dist', `pglite-cluster-${pgliteVersion()}.tar.gz`);

/**
 * Creating a cluster is PGlite's most memory-hungry moment (initdb runs in further WASM instances: ~950 MB of RSS
 * against ~420 MB to load the same empty cluster from a tarball). The build makes that tarball once, so a first start
 * on a small host loads it instead of running initdb. Answers the file's size in bytes.
 */
export async function makeClusterTemplate(path = clusterTemplatePath()): Promise<number> {
  const pg = await PGlite.create();
  try {
    const tarball = Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer());
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, tarball);
    return tarball.length;
  } finally {
    await pg.close();
  }
}

/** The empty cluster to load into a new data directory, when the build made one for this PGlite. */
export function clusterTemplate(): Blob | undefined {
  const path = clusterTemplatePath();
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}
