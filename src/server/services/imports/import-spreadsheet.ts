import type { Actor } from '../../auth/actor.js';
import { todayIn } from '../../clock.js';
import { AppError } from '../../errors.js';
import { authorizeImport } from '../../policies/imports.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { loadOrgFacts } from './org-facts.js';
import { planImport, type ImportOptions, type ImportPreview } from './plan-import.js';
import { readSheet } from './read-file.js';
import { writeImport } from './write-import.js';

/** Files above this are refused before they are read (HTTP 413). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Every row error as a field problem ("row 7, Target"), so the refusal names each cell at fault. */
export const rowProblems = (preview: ImportPreview) =>
  new AppError(
    'validation-failed',
    `${preview.errors.length} problem${preview.errors.length === 1 ? '' : 's'} in the file: nothing was imported.`,
    preview.errors.map((e) => ({ field: `row ${e.row}, ${e.column}`, message: e.message })),
  );

/** The dry run: what the file would create and update, and every row error. Writes nothing. */
export async function previewSpreadsheetImport(
  deps: ServiceDeps,
  actor: Actor,
  bytes: Buffer,
  options: ImportOptions,
): Promise<ImportPreview> {
  authorizeImport(actor);
  const sheet = await readSheet(bytes);
  const facts = await loadOrgFacts(deps.db, actor.orgId, options.source ?? 'spreadsheet');
  return planImport(sheet, facts, todayIn(facts.timeZone, deps.clock()), options).preview;
}

/**
 * Applies the file in one transaction, planned again inside it under the organisation's lock (the
 * organisation may have changed since the preview). Any row error refuses the whole file.
 */
export async function applySpreadsheetImport(
  deps: ServiceDeps,
  actor: Actor,
  bytes: Buffer,
  options: ImportOptions,
): Promise<ImportPreview> {
  authorizeImport(actor);
  const sheet = await readSheet(bytes);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const facts = await loadOrgFacts(tx, actor.orgId, options.source ?? 'spreadsheet');
    const { preview, work } = planImport(sheet, facts, todayIn(facts.timeZone, deps.clock()), options);
    if (preview.errors.length > 0) throw rowProblems(preview);
    await writeImport(tx, actor, deps.secret, work);
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'import.applied',
      entityType: 'organization',
      entityId: actor.orgId,
      after: preview.counts,
    });
    announce.changed('objective');
    return preview;
  });
}
