import { readFile } from 'node:fs/promises';
import { and, asc, eq } from 'drizzle-orm';
import type { ParsedArgs } from '../args.js';
import { stringFlag, UsageError } from '../args.js';
import type { Database } from '../../db/database.js';
import { users } from '../../db/schema/index.js';
import type { Actor } from '../../server/auth/actor.js';
import { resolveAuthSecret } from '../../server/auth/secret.js';
import { loadConfig } from '../../server/config.js';
import { AppError } from '../../server/errors.js';
import { createLocalBus } from '../../server/events/bus.js';
import { systemClock } from '../../server/clock.js';
import { applySpreadsheetImport, previewSpreadsheetImport } from '../../server/services/imports/import-spreadsheet.js';
import type { ImportPreview } from '../../server/services/imports/plan-import.js';
import { withDatabase } from './with-database.js';
import { looksLikeJson } from '../../server/services/exports/read-document.js';
import { importOrganization } from '../../server/services/exports/import-organization.js';

/** A JSON organisation export goes into the (empty) organisation of --as or its first owner. */
async function importOrganizationCommand(bytes: Buffer, args: ParsedArgs) {
  await withDatabase(async (handle) => {
    const actor = await importingActor(handle.db, stringFlag(args, 'as'));
    try {
      const result = await importOrganization({ db: handle.db, events: createLocalBus() }, actor, bytes, {
        dryRun: !args.flags.has('apply'),
      });
      console.log(result.dryRun ? 'Dry run (nothing written; add --apply to import):' : 'Imported:');
      for (const [table, rows] of Object.entries(result.tables)) console.log(`  ${table} ${rows}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(`cairn: ${error.message}`);
      for (const e of error.errors) console.error(`  ${e.field}: ${e.message}`);
      process.exitCode = 1;
    }
  });
}

/** The person the import is recorded as: --as E-MAIL, else the organisation's first owner. */
export async function importingActor(db: Database, email: string | undefined): Promise<Actor> {
  const [person] = await db
    .select()
    .from(users)
    .where(email ? eq(users.email, email.trim().toLowerCase()) : and(eq(users.role, 'owner')))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!person) throw new UsageError(email ? `No person with email ${email}.` : 'Cairn is not set up yet: run `cairn setup` first.');
  return { userId: person.id, orgId: person.orgId, role: person.role, name: person.name, email: person.email, via: 'token' };
}

function report(preview: ImportPreview, applied: boolean): string {
  const { counts } = preview;
  const lines = [
    `${applied ? 'Imported' : 'Dry run (nothing written; add --apply to import)'}: ${preview.format.toUpperCase()}`,
    `  objectives   create ${counts.objectives.create}, update ${counts.objectives.update}, unchanged ${counts.objectives.unchanged}`,
    `  key results  create ${counts.keyResults.create}, update ${counts.keyResults.update}, unchanged ${counts.keyResults.unchanged}`,
    `  alignments ${counts.alignments.create}, cycles ${counts.cycles.create}, teams ${counts.teams.create}, check-ins ${counts.checkIns}, invitations ${counts.invitations}`,
    ...preview.peopleToInvite.map((email) => `  invite ${email}`),
    ...preview.unmappedHeaders.map((header) => `  ignored column "${header}"`),
    ...preview.errors.map((e) => `  row ${e.row}, ${e.column}: ${e.message}`),
  ];
  return lines.join('\n');
}

/** cairn import FILE [--apply] [--as E-MAIL] [--source NAME] [--no-invite]: the same dry run and apply as the API. */
export async function importCommand(args: ParsedArgs) {
  const path = args.positional.shift();
  if (!path) throw new UsageError('Usage: cairn import FILE.csv|FILE.xlsx|FILE.json [--apply] [--as E-MAIL] [--source NAME] [--no-invite]');
  const bytes = await readFile(path);
  const options = { source: stringFlag(args, 'source'), inviteUnknownOwners: !args.flags.has('no-invite') };
  if (looksLikeJson(bytes)) return importOrganizationCommand(bytes, args);
  await withDatabase(async (handle) => {
    const actor = await importingActor(handle.db, stringFlag(args, 'as'));
    const deps = {
      db: handle.db,
      events: createLocalBus(),
      clock: systemClock,
      secret: await resolveAuthSecret(handle.db, loadConfig().secret),
    };
    try {
      const apply = args.flags.has('apply');
      const preview = apply
        ? await applySpreadsheetImport(deps, actor, bytes, options)
        : await previewSpreadsheetImport(deps, actor, bytes, options);
      console.log(report(preview, apply));
      if (preview.errors.length > 0) process.exitCode = 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(`cairn: ${error.message}`);
      for (const e of error.errors) console.error(`  ${e.field}: ${e.message}`);
      process.exitCode = 1;
    }
  });
}
