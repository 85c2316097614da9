import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, startCli, waitForHttpOk, type RunningCli } from '../support/cli.js';
import { freePort } from '../support/server.js';

describe('cairn serve as a process (PGlite)', () => {
  const root = mkdtempSync(join(tmpdir(), 'cairn-serve-'));
  // The parent of the data directory does not exist yet: serve must create it.
  const dataDir = join(root, 'not-yet', 'data');
  const started: RunningCli[] = [];

  afterAll(async () => {
    for (const cli of started) {
      if (cli.child.exitCode === null && cli.child.signalCode === null) {
        cli.child.kill('SIGKILL');
        await cli.exited(5_000);
      }
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('serves, refuses a second process on the same data directory, and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const first = startCli(['serve'], cliEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1' }));
    started.push(first);
    await waitForHttpOk(`http://127.0.0.1:${port}/api/health`, first, 60_000);
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: { engine: 'pglite', ok: true } });
    const lockFile = join(dataDir, 'cairn.lock');
    expect(readFileSync(lockFile, 'utf8').split('\n')[0]).toBe(String(first.child.pid));

    // A second server on the same directory gives up at once, saying who holds it.
    const otherPort = await freePort();
    const startedAt = Date.now();
    const second = startCli(['serve'], cliEnv(dataDir, { PORT: String(otherPort), HOST: '127.0.0.1' }));
    started.push(second);
    const refused = await second.exited(30_000);
    expect(refused.code, refused.stderr).not.toBe(0);
    expect(refused.code).not.toBeNull();
    expect(Date.now() - startedAt).toBeLessThan(25_000);
    expect(refused.stderr).toContain(dataDir);
    expect(refused.stderr).toContain(`pid ${first.child.pid}`);
    expect(refused.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    // One-shot commands are refused the same way.
    const list = await runCli(['user', 'list'], cliEnv(dataDir));
    expect(list.code).not.toBe(0);
    expect(list.stderr).toContain(`pid ${first.child.pid}`);
    // The refusals did not take the lock away from the running server.
    expect(readFileSync(lockFile, 'utf8').split('\n')[0]).toBe(String(first.child.pid));
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    first.child.kill('SIGTERM');
    const stopped = await first.exited(30_000);
    expect({ code: stopped.code, signal: stopped.signal }, stopped.stderr).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile)).toBe(false);
  });
});
