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

/** When a process started, in clock ticks since boot (Linux /proc); null where there is no /proc. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; fields are counted after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

/** What the lock file says: the pid first (people read it), then the start time and boot that make the pid unambiguous. */
export function lockContent(pid: number = process.pid): string {
  return [String(pid), `start=${processStartTime(pid) ?? ''}`, `boot=${bootId() ?? ''}`].join('\n') + '\n';
}

/**
 * The pid still holding a lock file, or null when it is stale. A pid alone is not enough: after a
 * crash in a container the new Cairn is pid 1 again, and elsewhere an unrelated process may reuse
 * the pid. So the holder must be alive, started when the file says, and in this boot.
 */
function holderOf(content: string): number | null {
  const [first = '', ...rest] = content.split('\n');
  const pid = Number.parseInt(first.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  const field = (name: string) => rest.find((line) => line.startsWith(`${name}=`))?.slice(name.length + 1) || null;
  const recordedStart = field('start');
  const recordedBoot = field('boot');
  // A pid-only file from an older Cairn: our own pid in it can only be from an earlier life of this container.
  if (recordedStart === null && recordedBoot === null) return pid === process.pid ? null : pid;
  const boot = bootId();
  if (recordedBoot && boot && recordedBoot !== boot) return null;
  const start = processStartTime(pid);
  if (recordedStart && start && recordedStart !== start) return null;
  return pid;
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
 * so we take an exclusive pid file. A pid file whose process is gone (or is another process with
 * the same pid) is stale and taken over.
 */
export function lockDataDirectory(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'cairn.lock');
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // Link a finished pid file into place: the lock never exists without its pid in it.
      const draft = `${path}.${process.pid}.tmp`;
      writeFileSync(draft, lockContent());
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
      const holder = holderOf(seen);
      if (holder !== null) throw new DataDirectoryLockedError(directory, holder);
      removeStaleLock(path, seen);
    }
  }
  throw new Error(`Could not lock ${directory}`);
}
