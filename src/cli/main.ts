import { parseArgs, UsageError } from './args.js';
import { serveCommand, devCommand } from './commands/serve.js';
import { migrateCommand } from './commands/migrate.js';
import { setupCommand } from './commands/setup.js';
import { userCommand } from './commands/user.js';
import { demoCommand } from './commands/demo.js';
import { DataDirectoryLockedError } from '../db/lock.js';
import { SmtpUrlError } from '../server/mail/mailer.js';

const HELP = `cairn — self-hosted OKRs

Usage: cairn <command> [options]

  serve [--demo] [--build-if-missing]   serve Cairn (PORT, HOST, CAIRN_DATA_DIR, DATABASE_URL…)
  dev                                   serve the API with the Vite dev server for the web app
  migrate                               apply pending database migrations and exit
  setup --organization O --name N --email E [--password P]
                                        first-run setup without the browser (password also from CAIRN_SETUP_PASSWORD)
  demo                                  fill an empty database with a demo organisation and exit
  user list
  user create --email E --name N [--role member|admin|owner] [--password P]
  user set-role --email E --role R
  user set-password --email E [--password P]
  user deactivate --email E | user activate --email E
  jobs run NAME [--force]               run a job now: reminders, escalation, digest or dispatch
  import FILE [--apply] [--as E] [--source S] [--no-invite]
                                        import OKRs from CSV/XLSX (a dry run unless --apply; stop the server on the embedded database)
                                        or a JSON organisation export into an empty organisation
  export [--output FILE] [--as E]       the whole organisation as lossless JSON (--json-schema: its JSON Schema)
  backup [--output FILE]                back up the embedded database, also while Cairn runs (PostgreSQL: pg_dump advice)
  restore FILE                          restore an embedded backup into an empty CAIRN_DATA_DIR
  cluster-template                      write the empty embedded cluster a first start loads (npm run build does)
  okrs export --cycle NAME              a cycle's OKRs as YAML (stable keys) for git
  okrs apply -f FILE.yaml [--dry-run]   apply a YAML file: prints the diff (added, changed, removed) and the coach
  okrs lint FILE.yaml                   run the quality coach offline on an OKRs-as-code file (exit 1 if blocking)
  audit verify [--org NAME|ID]          check the audit log's hash chain (exit 1 naming the first altered or removed entry)

Environment variables are listed in the README.`;

const commands: Record<string, (args: ReturnType<typeof parseArgs>) => Promise<void>> = {
  serve: serveCommand,
  start: serveCommand,
  dev: devCommand,
  migrate: migrateCommand,
  setup: setupCommand,
  user: userCommand,
  demo: demoCommand,
  jobs: async (args) => (await import('./commands/jobs.js')).jobsCommand(args),
  import: async (args) => (await import('./commands/import.js')).importCommand(args),
  export: async (args) => (await import('./commands/export.js')).exportCommand(args),
  backup: async (args) => (await import('./commands/backup.js')).backupCommand(args),
  restore: async (args) => (await import('./commands/backup.js')).restoreCommand(args),
  'cluster-template': async () => (await import('./commands/cluster-template.js')).clusterTemplateCommand(),
  okrs: async (args) => (await import('./commands/okrs.js')).okrsCommand(args),
  audit: async (args) => (await import('./commands/audit.js')).auditCommand(args),
};

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const name = args.positional.shift() ?? 'help';
  const command = commands[name];
  if (!command || args.flags.has('help')) {
    console.log(HELP);
    process.exit(command || name === 'help' ? 0 : 2);
  }
  await command(args);
}

main().catch((error: unknown) => {
  // Problems a person can fix get one clear line, not a stack trace.
  if (error instanceof DataDirectoryLockedError || error instanceof UsageError || error instanceof SmtpUrlError) {
    console.error(`cairn: ${error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  console.error(error);
  process.exit(1);
});
