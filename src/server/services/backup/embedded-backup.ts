import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A backup file's name sorts by time: cairn-backup-20270210T090000Z.tar.gz. */
const BACKUP_NAME = /^cairn-backup-\d{8}T\d{6}(\d{3})?Z\.tar\.gz$/;

export const backupFileName = (now: Date) =>
  `cairn-backup-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d{3})Z$/, '$1Z')}.tar.gz`;

/**
 * Writes an embedded-database backup (PGlite's data directory as a gzipped tar, taken between two
 * queries so it is a consistent snapshot) to `path`: first to a `.partial` file, then renamed, so a
 * backup file that exists is complete.
 */
export async function writeBackupFile(dump: () => Promise<Blob>, path: string): Promise<{ path: string; bytes: number }> {
  const target = resolve(path);
  mkdirSync(resolve(target, '..'), { recursive: true });
  const blob = await dump();
  const bytes = Buffer.from(await blob.arrayBuffer());
  writeFileSync(`${target}.partial`, bytes);
  renameSync(`${target}.partial`, target);
  return { path: target, bytes: bytes.length };
}

/** Keeps the newest `keep` scheduled backups in `directory`, deleting older ones; answers the deleted names. */
export function pruneBackups(directory: string, keep: number): string[] {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => BACKUP_NAME.test(name));
  } catch {
    return [];
  }
  const old = names.sort().reverse().slice(Math.max(keep, 1));
  for (const name of old) rmSync(join(directory, name), { force: true });
  return old;
}

/** The newest backup in a directory, or null. */
export function newestBackup(directory: string): string | null {
  try {
    const names = readdirSync(directory)
      .filter((name) => BACKUP_NAME.test(name))
      .sort();
    const last = names[names.length - 1];
    return last && statSync(join(directory, last)).size > 0 ? join(directory, last) : null;
  } catch {
    return null;
  }
}
