import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { webRoot } from '../../src/server/app.js';
import { cliEnv, startCli, waitForHttpOk, type RunningCli } from '../support/cli.js';
import { freePort } from '../support/server.js';
import { childProcessesOf } from '../support/child-processes.js';

describe('npm start on a built app (PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-start-'));
  // tsx keeps its transpiled files under the temporary directory: an empty one makes this start transpile every
  // module, as a fresh install's (or a rebooted host's) first start does, so tsx starts its esbuild service.
  const coldCache = mkdtempSync(join(tmpdir(), 'cairn-tsx-'));
  let cli: RunningCli | undefined;
  afterAll(async () => {
    if (cli && cli.child.exitCode === null) {
      cli.child.kill('SIGTERM');
      await cli.exited(10_000);
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(coldCache, { recursive: true, force: true });
  });

  it('serves the app compressed and cached, with no build or transpiler process left beside it', { timeout: 120_000 }, async () => {
    expect(existsSync(join(webRoot, 'index.html')), 'npx vite build first').toBe(true);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    cli = startCli(['serve', '--build-if-missing'], cliEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1', TMPDIR: coldCache }));
    await waitForHttpOk(`${url}/api/health`, cli, 90_000);

    const page = await fetch(`${url}/okrs`, { headers: { 'accept-encoding': 'br' } });
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(url + script!, { headers: { 'accept-encoding': 'br' } });
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // The server asks for the esbuild service to stop once it has started (bin/transpiler-hooks.mjs).
    await expect.poll(() => childProcessesOf(cli!.child.pid!).filter((c) => /esbuild|vite/.test(c)), { timeout: 5_000 }).toEqual([]);
  });
});
