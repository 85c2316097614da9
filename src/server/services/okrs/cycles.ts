import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { cycles } from '../../../db/schema/index.js';
import { type CycleStatus } from '../../../domain/vocabulary.js';
import { conflict, cycleClosed, invalid, notFound } from '../../errors.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeCycleEdit } from '../../policies/cycles.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from './deps.js';
import { recordActivity } from '../activity.js';
import { scoreCycle } from './score-cycle.js';
import { assertNoClash } from './cycle-lifecycle.js';
import { lockOrganizationOkrs } from './org-lock.js';
import { assertReviewDone, recordObjectivesClosed } from '../closing/close-gate.js';
import { defaultCycle } from '../../../domain/default-cycle.js';

export interface CycleFields {
  name?: string;
  startDate?: string;
  endDate?: string;
  status?: CycleStatus;
  reviewOpensOn?: string | null;
}

/** A change of phase may carry an admin's reason to close before the review is done. */
export interface CycleChange extends CycleFields {
  closeOverrideReason?: string;
}

export async function findCycle(tx: Executor, orgId: string, id: string) {
  const [cycle] = await tx
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), eq(cycles.id, id)));
  return cycle;
}

export async function requireCycle(tx: Executor, orgId: string, id: string, field?: string) {
  const cycle = await findCycle(tx, orgId, id);
  if (!cycle) throw notFound('The cycle', field);
  return cycle;
}

/** The organisation's cycles, oldest first; archived ones only when asked for. */
export const listCycles = (db: Database, orgId: string, options: { includeArchived?: boolean } = {}) =>
  db
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), options.includeArchived ? undefined : isNull(cycles.archivedAt)))
    .orderBy(asc(cycles.startDate));

/**
 * The cycle the organisation's tree opens on when no cycle is asked for (domain/default-cycle.ts), today in UTC as the
 * browser decides it: index.html preloads that cycle's tree (http/web/route-hints.ts).
 */
export async function defaultCycleId(db: Database, orgId: string, now: Date): Promise<string | null> {
  return defaultCycle(await listCycles(db, orgId), now.toISOString().slice(0, 10))?.id ?? null;
}

function checkDates(startDate: string, endDate: string, reviewOpensOn?: string | null) {
  if (endDate < startDate) throw invalid('endDate', 'The cycle must end on or after its start date.');
  if (reviewOpensOn && (reviewOpensOn < startDate || reviewOpensOn > endDate))
    throw invalid('reviewOpensOn', `The review opens within the cycle (${startDate} to ${endDate}).`);
}

type NewCycle = Required<Pick<CycleFields, 'name' | 'startDate' | 'endDate'>> & CycleFields;

export async function createCycle(deps: ServiceDeps, actor: Actor, fields: NewCycle) {
  authorizeCycleEdit(actor);
  checkDates(fields.startDate, fields.endDate, fields.reviewOpensOn);
  if (fields.status === 'closed' || fields.status === 'review') throw invalid('status', 'Create the cycle first, then move its phase.');
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    await assertNoClash(tx, scope.orgId, fields);
    announce.changed('objective');
    const [cycle] = await tx
      .insert(cycles)
      .values({ ...fields, orgId: scope.orgId })
      .returning();
    await recordActivity(tx, { ...scope, action: 'cycle.created', entityType: 'cycle', entityId: cycle!.id, after: cycle });
    return cycle!;
  });
}

/**
 * Changes a cycle or moves its phase (planning → active → review → closed; an admin may move it by hand).
 * Closing needs the review done (or an override reason); it scores every key result and objective at endDate,
 * freezes them and writes the close into each objective's history.
 */
export async function updateCycle(deps: ServiceDeps, actor: Actor, id: string, change: CycleChange) {
  const { closeOverrideReason, ...fields } = change;
  authorizeCycleEdit(actor);
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    // Pages showing the cycle's objectives refetch (closing scores them).
    announce.changed('objective', id);
    const before = await requireCycle(tx, scope.orgId, id);
    if (
      before.status === 'closed' &&
      (fields.startDate || fields.endDate || fields.reviewOpensOn !== undefined || (fields.status && fields.status !== 'closed'))
    ) {
      throw conflict('status', 'This cycle is closed and its scores are final.');
    }
    checkDates(fields.startDate ?? before.startDate, fields.endDate ?? before.endDate, fields.reviewOpensOn ?? before.reviewOpensOn);
    if (fields.name !== undefined || fields.startDate !== undefined || fields.endDate !== undefined)
      await assertNoClash(tx, scope.orgId, { ...before, ...fields }, id);
    const closing = fields.status === 'closed' && before.status !== 'closed';
    const gapsOverridden = closing ? await assertReviewDone(tx, before, closeOverrideReason) : [];
    const [cycle] = await tx
      .update(cycles)
      .set({ ...fields, closedAt: closing ? new Date(deps.clock()) : before.closedAt })
      .where(and(eq(cycles.orgId, scope.orgId), eq(cycles.id, id)))
      .returning();
    if (closing) {
      await scoreCycle(tx, cycle!);
      await recordObjectivesClosed(tx, scope, cycle!);
    }
    if (fields.status && fields.status !== before.status) {
      const override =
        gapsOverridden.length > 0 ? { overrideReason: closeOverrideReason!.trim(), gapsOverridden: gapsOverridden.length } : {};
      const after = { from: before.status, to: fields.status, ...override };
      await recordActivity(tx, { ...scope, action: 'cycle.phase_changed', entityType: 'cycle', entityId: id, before, after });
    }
    await recordActivity(tx, {
      ...scope,
      action: closing ? 'cycle.closed' : 'cycle.updated',
      entityType: 'cycle',
      entityId: id,
      before,
      after: cycle,
    });
    return cycle!;
  });
}

const QUARTERS = [
  ['01-01', '03-31'],
  ['04-01', '06-30'],
  ['07-01', '09-30'],
  ['10-01', '12-31'],
] as const;

/** The four quarters of a year as planning cycles; quarters that already exist by name are skipped. */
export async function generateQuarterlyCycles(deps: ServiceDeps, actor: Actor, year: number) {
  authorizeCycleEdit(actor);
  const existing = new Set((await listCycles(deps.db, actor.orgId, { includeArchived: true })).map((c) => c.name));
  const created = [];
  for (const [index, [start, end]] of QUARTERS.entries()) {
    const name = `Q${index + 1} ${year}`;
    if (!existing.has(name))
      created.push(await createCycle(deps, actor, { name, startDate: `${year}-${start}`, endDate: `${year}-${end}` }));
  }
  return created;
}

/**
 * A closed cycle is a record: its scores are final, so its objectives, key results and alignments
 * no longer change. Only score overrides (with a reason) stay possible.
 */
export async function assertCycleOpen(tx: Executor, orgId: string, cycleId: string, field = 'cycleId') {
  return assertOpen(await requireCycle(tx, orgId, cycleId), field);
}

/** The same for a cycle already loaded. */
export function assertOpen(cycle: typeof cycles.$inferSelect, field = 'cycleId') {
  if (cycle.status === 'closed') throw cycleClosed(field, `${cycle.name} is closed: its objectives and scores are final.`);
  return cycle;
}
