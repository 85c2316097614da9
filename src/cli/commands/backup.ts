import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '../../db/pglite-extensions.js';
import type { ParsedArgs } from '../args.js';
import { stringFlag, UsageError } from '../args.js';
import { DataDirectoryLockedError, lockDataDirectory } from '../../db/lock.js';
import { openPglite } from '../../db/pglite-engine.js';
import { loadConfig } from '../../server/config.js';
import { backupSettings } from '../../server/services/backup/backup-settings.js';
import { REQUEST_PREFIX } from '../../server/services/backup/backup-schedule.js';
import { backupFileName, writeBackupFile } from '../../server/services/backup/embedded-backup.js';

const POSTGRES_BACKUP = `Cairn runs on a PostgreSQL server (DATABASE_URL): back it up with PostgreSQL's own tools, which are
consistent while Cairn runs:
  pg_dump --format=custom --file cairn-$(date +%F).dump "$DATABASE_URL"
and restore into an empty database with
  pg_restore --no-owner --dbname "$NEW_DATABASE_URL" cairn-YYYY-MM-DD.dump
For a copy you can read or move to another Cairn, use \`cairn export --output org.json\` (a JSON export
without passwords; \`cairn import org.json --apply\` reads it into an empty organisation).`;

/** Asks the running server holding the data directory to write the backup (SIGUSR2 plus a request file), and waits for it. */
async function askRunningServer(pid: number, directory: string, output: string): Promise<void> {
  // The server makes the directory with its first scheduled backup, which a freshly started one may not have written yet.
  mkdirSync(directory, { recursive: true });
  const request = join(directory, `${REQUEST_PREFIX}${randomUUID()}.json`);
  writeFileSync(request, JSON.stringify({ output }));
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10 * 60_000;
  while (!existsSync(output)) {
    if (Date.now() > deadline) throw new Error(`The running Cairn (pid ${pid}) did not write ${output}: see its log.`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** cairn backup [--output FILE]: a consistent backup of the embedded database, whether or not Cairn is running. */
export async function backupCommand(args: ParsedArgs) {
  const config = loadConfig();
  if (config.databaseUrl) {
    console.log(POSTGRES_BACKUP);
    process.exitCode = 2;
    return;
  }
  if (!existsSync(join(config.dataDir, 'pg'))) throw new UsageError(`There is no Cairn database in ${config.dataDir} to back up.`);
  const settings = backupSettings(config.dataDir);
  const output = resolve(stringFlag(args, 'output') ?? join(settings.directory, backupFileName(new Date())));
  if (existsSync(output)) throw new UsageError(`${output} exists already: choose another --output.`);
  try {
    const handle = await openPglite(config.dataDir);
    try {
      await writeBackupFile(() => handle.dumpData!(), output);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (!(error instanceof DataDirectoryLockedError)) throw error;
    await askRunningServer(error.pid, settings.directory, output);
  }
  console.log(`Backup written: ${output}`);
}

/** cairn restore FILE: the embedded database from a backup, into an empty data directory (CAIRN_DATA_DIR). */
export async function restoreCommand(args: ParsedArgs) {
  const file = args.positional.shift();
  if (!file) throw new UsageError('Usage: cairn restore BACKUP.tar.gz (into an empty CAIRN_DATA_DIR)');
  const config = loadConfig();
  if (config.databaseUrl) {
    console.log(POSTGRES_BACKUP);
    process.exitCode = 2;
    return;
  }
  const pgDir = join(config.dataDir, 'pg');
  if (existsSync(pgDir) && readdirSync(pgDir).length > 0)
    throw new UsageError(`${config.dataDir} already holds a database: restore into an empty CAIRN_DATA_DIR.`);
  const release = lockDataDirectory(config.dataDir);
  try {
    const client = await PGlite.create(pgDir, { extensions: PGLITE_EXTENSIONS, loadDataDir: new Blob([readFileSync(file)]) });
    const [row] = (await client.query<{ n: number }>('select count(*)::int as n from organizations')).rows;
    await client.close();
    console.log(`Restored ${file} into ${config.dataDir} (${row?.n ?? 0} organisation(s)). Start Cairn with \`cairn serve\`.`);
  } finally {
    release();
  }
}
