import { join, resolve } from 'node:path';

export interface BackupSettings {
  /** Where scheduled backups (and backups asked of a running server) are written. */
  directory: string;
  /** Hours between scheduled backups of the embedded database; 0 turns the schedule off. */
  everyHours: number;
  /** How many scheduled backups to keep. */
  keep: number;
}

function count(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0 (got "${raw}").`);
  return value;
}

/** CAIRN_BACKUP_DIR (default DATA_DIR/backups), CAIRN_BACKUP_EVERY_HOURS (24) and CAIRN_BACKUP_KEEP (7). */
export function backupSettings(dataDir: string, env: NodeJS.ProcessEnv = process.env): BackupSettings {
  return {
    directory: resolve(env.CAIRN_BACKUP_DIR || join(dataDir, 'backups')),
    everyHours: count('CAIRN_BACKUP_EVERY_HOURS', env.CAIRN_BACKUP_EVERY_HOURS, 24),
    keep: Math.max(1, Math.floor(count('CAIRN_BACKUP_KEEP', env.CAIRN_BACKUP_KEEP, 7))),
  };
}
