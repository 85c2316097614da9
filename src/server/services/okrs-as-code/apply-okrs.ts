import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../auth/actor.js';
import { todayIn } from '../../clock.js';
import { AppError } from '../../errors.js';
import { authorizeImport } from '../../policies/imports.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { loadOrgFacts } from '../imports/org-facts.js';
import { planImport, type ImportWork } from '../imports/plan-import.js';
import { writeImport } from '../imports/write-import.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { loadPrinciples } from '../quality/principles.js';
import { diffOf, type OkrDiff, type Removals } from './okr-diff.js';
import { lintOkrs, type LintFinding } from './okr-lint.js';
import { removalsOf, writeRemovals } from './okr-removals.js';
import { keyOfRow, okrDocumentAsSheet } from './okr-sheet.js';
import type { OkrDocument } from './okr-yaml.js';

/** The import source whose Row IDs are the keys of OKRs-as-code files: one key names one row across applies. */
export const OKRS_AS_CODE_SOURCE = 'okrs-as-code';

export interface OkrApplyResult {
  applied: boolean;
  diff: OkrDiff;
  findings: LintFinding[];
}

interface Planned {
  work: ImportWork;
  removals: Removals;
  today: string;
  result: OkrApplyResult;
}

/** Plans the file against the organisation: the diff and the coach's findings, or every error naming its key and field. */
async function plan(db: Executor, deps: ServiceDeps, actor: Actor, document: OkrDocument): Promise<Planned> {
  const facts = await loadOrgFacts(db, actor.orgId, OKRS_AS_CODE_SOURCE);
  const today = todayIn(facts.timeZone, deps.clock());
  // The rows are text cells, as a CSV's are; the file has no date of its own (check-ins are dated today).
  const sheet = { format: 'csv' as const, updatedAt: null, ...okrDocumentAsSheet(document) };
  const { preview, work } = planImport(sheet, facts, today, {
    source: OKRS_AS_CODE_SOURCE,
    inviteUnknownOwners: false,
  });
  if (preview.errors.length > 0)
    throw new AppError(
      'validation-failed',
      `${preview.errors.length} problem${preview.errors.length === 1 ? '' : 's'} in the file: nothing was applied.`,
      preview.errors.map((e) => ({ field: `${keyOfRow(document, e.row) ?? `row ${e.row}`}.${e.column}`, message: e.message })),
    );
  const removals = await removalsOf(db, actor.orgId, document, facts);
  const emails = new Map(facts.people.map((p) => [p.id, p.email]));
  const teamNames = new Map(facts.teams.map((t) => [t.id, t.name]));
  const names = {
    email: (id: string | null) => (id === null ? null : (emails.get(id) ?? null)),
    team: (id: string | null) => (id === null ? null : (teamNames.get(id) ?? null)),
  };
  const { findings } = lintOkrs(document, (await loadPrinciples(db, actor.orgId)).input);
  return { work, removals, today, result: { applied: false, diff: diffOf(work, removals, names), findings } };
}

/** `okrs apply --dry-run`: what applying the file would add, change and remove. Writes nothing. */
export async function previewOkrs(deps: ServiceDeps, actor: Actor, document: OkrDocument): Promise<OkrApplyResult> {
  authorizeImport(actor);
  return (await plan(deps.db, deps, actor, document)).result;
}

/**
 * `okrs apply`: the file becomes the cycle's OKRs in one transaction, planned again under the organisation's
 * lock. What the file no longer names is removed (see okr-removals). A blocking finding refuses the file.
 */
export async function applyOkrs(deps: ServiceDeps, actor: Actor, document: OkrDocument): Promise<OkrApplyResult> {
  authorizeImport(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const { work, removals, today, result } = await plan(tx, deps, actor, document);
    const blocking = result.findings.filter((f) => f.severity === 'block');
    if (blocking.length > 0)
      throw new AppError(
        'validation-failed',
        'The quality coach blocks this file: nothing was applied.',
        blocking.map((f) => ({ field: `${f.objective}.${f.field}`, message: f.message })),
      );
    await writeImport(tx, actor, deps.secret, work);
    await writeRemovals(tx, actor, removals, today);
    const { added, changed, removed } = result.diff;
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'okrs.applied',
      entityType: 'organization',
      entityId: actor.orgId,
      after: { cycle: document.cycle.name, added: added.length, changed: changed.length, removed: removed.length },
    });
    announce.changed('objective');
    return { ...result, applied: true };
  });
}
