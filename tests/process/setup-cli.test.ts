import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../support/cli.js';

describe('cairn setup and cairn user on the command line (PGlite)', () => {
  const root = mkdtempSync(join(tmpdir(), 'cairn-cli-'));
  const dataDir = join(root, 'data');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a short password before touching the database', async () => {
    const result = await runCli(
      ['setup', '--organization', 'Acme', '--name', 'Olivia', '--email', 'olivia@example.test', '--password', 'short'],
      cliEnv(join(root, 'untouched')),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/password: Use at least 10 characters/);
    expect(existsSync(join(root, 'untouched'))).toBe(false);
  });

  it('sets up the first owner once, lists them, and refuses a second setup', { timeout: 120_000 }, async () => {
    const env = cliEnv(dataDir);
    const setup = await runCli(
      [
        'setup',
        '--organization',
        'Acme Rockets',
        '--name',
        'Olivia Owner',
        '--email',
        'Olivia@Example.test',
        '--password',
        'correct horse battery',
      ],
      env,
    );
    expect(setup.code, setup.stderr).toBe(0);
    expect(setup.stdout).toContain('Created Acme Rockets with owner olivia@example.test');

    const list = await runCli(['user', 'list'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual(['olivia@example.test\tOlivia Owner\towner']);

    const again = await runCli(
      ['setup', '--organization', 'Evil Corp', '--name', 'Mallory', '--email', 'mallory@example.test', '--password', 'another long one'],
      env,
    );
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already set up/i);
    expect(again.stderr).not.toMatch(/\n\s+at /);

    const after = await runCli(['user', 'list'], env);
    expect(after.stdout).not.toContain('mallory');
  });
});
