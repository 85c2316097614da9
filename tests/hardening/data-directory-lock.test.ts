import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirectoryLockedError, lockContent, lockDataDirectory, processStartTime } from '../../src/db/lock.js';

const bootLine = () => lockContent().split('\n')[2]!;

/** Another Cairn process holding the directory's lock, as `cairn serve` would, until killed. */
async function startSecondCairn(dir: string): Promise<ChildProcess> {
  const script = `import(${JSON.stringify(resolve('src/db/lock.ts'))}).then((m) => { m.lockDataDirectory(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); })`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolveLocked, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => String(chunk).includes('locked') && resolveLocked());
    child.once('exit', (code) => reject(new Error(`the second Cairn exited (${code}) before locking`)));
  });
  return child;
}

describe('the data directory lock after a crash', () => {
  let dir: string;
  let lockFile: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'cairn-lock-')), 'data');
    lockFile = join(dir, 'cairn.lock');
    lockDataDirectory(dir)(); // creates the directory
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('records the start time and boot beside the pid', () => {
    const release = lockDataDirectory(dir);
    const [pid, start] = readFileSync(lockFile, 'utf8').split('\n');
    expect(pid).toBe(String(process.pid));
    expect(start).toBe(`start=${processStartTime(process.pid)}`);
    release();
  });

  it.each([
    ['our own pid (a container restarted: Cairn is pid 1 again)', () => process.pid],
    ['pid 1, alive but another process', () => 1],
  ])('takes over a lock left with %s and another start time', (_label, pid) => {
    writeFileSync(lockFile, `${pid()}\nstart=1\n${bootLine()}\n`);
    const release = lockDataDirectory(dir);
    expect(readFileSync(lockFile, 'utf8').split('\n')[0]).toBe(String(process.pid));
    release();
  });

  it('takes over a lock from another boot, and an old pid-only lock holding our own pid', () => {
    writeFileSync(lockFile, `1\nstart=${processStartTime(1)}\nboot=00000000-0000-0000-0000-000000000000\n`);
    lockDataDirectory(dir)();
    writeFileSync(lockFile, `${process.pid}\n`);
    lockDataDirectory(dir)();
  });

  it('still refuses a real second Cairn on the directory', async () => {
    rmSync(lockFile, { force: true });
    const second = await startSecondCairn(dir);
    try {
      let caught: unknown;
      try {
        lockDataDirectory(dir)();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DataDirectoryLockedError);
      expect((caught as DataDirectoryLockedError).pid).toBe(second.pid);
    } finally {
      second.kill('SIGKILL');
    }
    await new Promise((r) => second.once('exit', r));
    // Killed with -9: its lock is left behind, and the next start takes it over.
    lockDataDirectory(dir)();
  });
});
