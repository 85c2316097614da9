import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/cli.js';

const read = (file: string) => JSON.parse(readFileSync(join(projectRoot, file), 'utf8')) as Record<string, unknown>;

/**
 * `npm install` warns EBADENGINE for a package whose `engines.node` excludes the running Node (issue 12: none on
 * the version the README names). The lockfile records every installed package's engines, so this reads them all,
 * development dependencies included (the README's quick start installs those too), without a network.
 */
describe('the Node the README names installs every locked package without an engine warning', () => {
  const pkg = read('package.json') as { engines: { node: string } };
  const minimum = semver.minVersion(pkg.engines.node)!.version;
  const lock = read('package-lock.json') as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };

  it('names the same minimum in package.json and the README', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    expect(readme).toContain(`Node.js ${semver.major(minimum)}.${semver.minor(minimum)} or newer`);
  });

  it('finds no locked package that declares a Node range without it', () => {
    const excluding = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return path === '' || !range || semver.satisfies(minimum, range, { includePrerelease: true })
        ? []
        : [`${path.replace(/^.*node_modules\//, '')}@${entry.version} (${range})`];
    });
    expect(excluding).toEqual([]);
  });
});
