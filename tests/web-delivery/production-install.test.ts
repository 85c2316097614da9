import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoot } from '../../src/server/app.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { cliEnv, projectRoot } from '../support/cli.js';
import { freePort } from '../support/server.js';

/**
 * The README's production path without the network: the repository's files and a built dist/web in a
 * fresh directory, `npm ci --omit=dev` from the shared npm cache (offline), then `cairn serve`.
 */
describe('production install (npm ci --omit=dev, then start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-prod-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-prod-data-'));
  let install: { status: number | null; output: string };
  let server: ChildProcess | undefined;

  beforeAll(() => {
    expect(existsSync(join(webRoot, 'index.html')), 'npx vite build first').toBe(true);
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: projectRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of tracked) {
      if (!existsSync(join(projectRoot, file))) continue;
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(projectRoot, file), join(dir, file));
    }
    cpSync(webRoot, join(dir, 'dist/web'), { recursive: true });
    const npm = spawnSync('npm', ['ci', '--omit=dev', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
      timeout: 600_000,
    });
    install = { status: npm.status, output: `${npm.stdout}\n${npm.stderr}` };
  }, 660_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      if (!(await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]))) server.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }, 180_000);

  it('installs only the runtime dependencies, with no engine warning', () => {
    expect(install.status, install.output).toBe(0);
    expect(existsSync(join(dir, 'node_modules/fastify')), 'a runtime dependency').toBe(true);
    // (react and react-dom are installed: @xyflow/react, a runtime dependency, names them as peers.)
    expect(existsSync(join(dir, 'node_modules/eslint')), 'a development dependency').toBe(false);
    // Two runtime packages declaring Node ≥ 22 are pinned to releases that declare 20 (decision 0004).
    expect(install.output).not.toContain('EBADENGINE');
  });

  it('starts and serves the app from dist/web, compressed and cached', { timeout: 480_000 }, async () => {
    expect(install.status).toBe(0);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['bin/cairn.js', 'serve'], {
      cwd: dir,
      env: cliEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' }),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let ready = false; !ready; await sleep(500)) {
      expect(server.exitCode, 'the server exited before serving').toBeNull();
      ready = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    }
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(url + script!, { headers: { 'accept-encoding': 'br' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
