import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirectoryLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${directory} is in use by another Cairn process (pid ${pid}). Stop it first, or set CAIRN_DATA_DIR to another directory.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Moves a dead process's lock file aside atomically. If what we moved is not the file we judged
 * stale (another starting process took the lock in between), it is put back untouched.
 */
function removeStaleLock(path: string, staleContent: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readIfPresent(aside) !== staleContent) {
    try {
      linkSync(aside, path);
    } catch {
      // a third process holds the path now; its lock stands
    }
  }
  unlinkSync(aside);
}

/**
 * PGlite has no lock of its own and a second process on one directory silently loses writes,
 * so we take an exclusive pid file. A pid file whose process is gone is stale and taken over.
 */
export function lockDataDirectory(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'cairn.lock');
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // Link a finished pid file into place: the lock never exists without its pid in it.
      const draft = `${path}.${process.pid}.tmp`;
      writeFileSync(draft, String(process.pid));
      try {
        linkSync(draft, path);
      } finally {
        unlinkSync(draft);
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const seen = readIfPresent(path);
      if (seen === null) continue; // released meanwhile: try again
      const holder = Number.parseInt(seen.trim(), 10);
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new DataDirectoryLockedError(directory, holder);
      removeStaleLock(path, seen);
    }
  }
  throw new Error(`Could not lock ${directory}`);
}
