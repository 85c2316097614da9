import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirectoryLockedError, lockDataDirectory } from './lock.js';

const pidIn = (file: string) => readFileSync(file, 'utf8').split('\n')[0];

/** The pid of a process that has already exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', '']);
  expect(result.status).toBe(0);
  return result.pid;
}

describe('lockDataDirectory', () => {
  let dir: string;
  let lockFile: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'cairn-lock-')), 'data');
    lockFile = join(dir, 'cairn.lock');
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('creates the directory and writes our pid; release removes the file and can be called twice', () => {
    const release = lockDataDirectory(dir);
    expect(pidIn(lockFile)).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
    expect(() => release()).not.toThrow();
    // Free again.
    lockDataDirectory(dir)();
  });

  it('a second lock in the same process is refused while the first is held', () => {
    const release = lockDataDirectory(dir);
    try {
      expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryLockedError);
      expect(pidIn(lockFile)).toBe(String(process.pid));
    } finally {
      release();
    }
  });

  it('takes over a lock file left by a process that no longer runs', () => {
    const stale = deadPid();
    lockDataDirectory(dir)(); // creates the directory
    writeFileSync(lockFile, String(stale));
    const release = lockDataDirectory(dir);
    expect(pidIn(lockFile)).toBe(String(process.pid));
    release();
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not a pid'],
    ['zero', '0'],
    ['negative', '-5'],
  ])('takes over a lock file with %s content', (_label, content) => {
    lockDataDirectory(dir)();
    writeFileSync(lockFile, content);
    const release = lockDataDirectory(dir);
    expect(pidIn(lockFile)).toBe(String(process.pid));
    release();
  });

  it('refuses a lock held by a live process, naming the directory and the pid, and leaves its file alone', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      lockDataDirectory(dir)();
      writeFileSync(lockFile, `${holder.pid}\n`);
      let caught: unknown;
      try {
        lockDataDirectory(dir);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DataDirectoryLockedError);
      const error = caught as DataDirectoryLockedError;
      expect(error.directory).toBe(dir);
      expect(error.pid).toBe(holder.pid);
      expect(error.message).toContain(dir);
      expect(error.message).toContain(`pid ${holder.pid}`);
      expect(readFileSync(lockFile, 'utf8')).toBe(`${holder.pid}\n`);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
