import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseHandle } from '../../../db/database.js';
import type { BackupSettings } from './backup-settings.js';
import { backupFileName, pruneBackups, writeBackupFile } from './embedded-backup.js';

interface Log {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** A request left by `cairn backup` in the backup directory before it signals the server: where to write. */
export const REQUEST_PREFIX = '.request-';

/** Writes the backups `cairn backup` asked for (request files naming their output), then deletes the requests. */
async function serveRequests(handle: DatabaseHandle & { dumpData: () => Promise<Blob> }, settings: BackupSettings, log: Log) {
  let names: string[] = [];
  try {
    names = readdirSync(settings.directory).filter((name) => name.startsWith(REQUEST_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const request = join(settings.directory, name);
    try {
      const { output } = JSON.parse(readFileSync(request, 'utf8')) as { output: string };
      rmSync(request, { force: true });
      const written = await writeBackupFile(handle.dumpData, output);
      log.info(written, 'backup written on request');
    } catch (err) {
      log.error({ err, request }, 'backup request failed');
    }
  }
}

/**
 * The embedded engine backs itself up while serving: every `everyHours` into the backup directory,
 * keeping the newest `keep`, and at once when `cairn backup` signals it (SIGUSR2). Answers a stop function.
 */
export function startEmbeddedBackups(handle: DatabaseHandle, settings: BackupSettings, log: Log): () => void {
  const { dumpData } = handle;
  if (!dumpData) return () => {};
  const engine = { ...handle, dumpData };
  // One backup at a time: a dump holds the database between queries, and one slower than the interval (a big
  // database on a busy machine) must not start the next — overlapping dumps queued up and starved every request.
  let running: Promise<void> = Promise.resolve();
  let pending = 0;
  const oneAtATime = (work: () => Promise<void>) => {
    pending += 1;
    // A failure is logged and never poisons the chain: the next backup still runs.
    running = running
      .then(work)
      .catch((err: unknown) => log.error({ err }, 'backup failed'))
      .finally(() => (pending -= 1));
    return running;
  };
  const scheduled = async () => {
    try {
      const written = await writeBackupFile(dumpData, join(settings.directory, backupFileName(new Date())));
      const pruned = pruneBackups(settings.directory, settings.keep);
      log.info({ ...written, pruned }, 'scheduled backup written');
    } catch (err) {
      log.error({ err }, 'scheduled backup failed');
    }
  };
  // A scheduled run is skipped while a backup is still being written; a request from `cairn backup` waits its turn.
  const tick = () => (pending > 0 ? undefined : void oneAtATime(scheduled));
  const timer = settings.everyHours > 0 ? setInterval(tick, settings.everyHours * 3_600_000) : undefined;
  timer?.unref();
  const onSignal = () => void oneAtATime(() => serveRequests(engine, settings, log));
  process.on('SIGUSR2', onSignal);
  return () => {
    if (timer) clearInterval(timer);
    process.off('SIGUSR2', onSignal);
  };
}
