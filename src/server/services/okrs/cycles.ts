import { and, asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { cycles } from '../../../db/schema/index.js';
import { type CycleStatus } from '../../../domain/vocabulary.js';
import { conflict, invalid, notFound, AppError } from '../../errors.js';
import { recordActivity } from '../activity.js';
import type { Scope } from '../scope.js';
import { scoreCycle } from './score-cycle.js';
import { lockOrganizationOkrs } from './org-lock.js';

export interface CycleFields {
  name?: string;
  startDate?: string;
  endDate?: string;
  status?: CycleStatus;
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

export const listCycles = (db: Database, orgId: string) =>
  db.select().from(cycles).where(eq(cycles.orgId, orgId)).orderBy(asc(cycles.startDate));

function checkDates(startDate: string, endDate: string) {
  if (endDate < startDate) throw invalid('endDate', 'The cycle must end on or after its start date.');
}

export async function createCycle(
  db: Database,
  scope: Scope,
  fields: Required<Pick<CycleFields, 'name' | 'startDate' | 'endDate'>> & CycleFields,
) {
  checkDates(fields.startDate, fields.endDate);
  if (fields.status === 'closed') throw invalid('status', 'Create the cycle first, then close it.');
  return db.transaction(async (tx) => {
    const [cycle] = await tx
      .insert(cycles)
      .values({ ...fields, orgId: scope.orgId })
      .returning();
    await recordActivity(tx, { ...scope, action: 'cycle.created', entityType: 'cycle', entityId: cycle!.id, after: cycle });
    return cycle!;
  });
}

/** Changes a cycle. Setting status `closed` scores every key result and objective at endDate and freezes them. */
export async function updateCycle(db: Database, scope: Scope, id: string, fields: CycleFields) {
  return db.transaction(async (tx) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const before = await requireCycle(tx, scope.orgId, id);
    if (before.status === 'closed' && (fields.startDate || fields.endDate || (fields.status && fields.status !== 'closed'))) {
      throw conflict('status', 'This cycle is closed and its scores are final.');
    }
    checkDates(fields.startDate ?? before.startDate, fields.endDate ?? before.endDate);
    const closing = fields.status === 'closed' && before.status !== 'closed';
    const [cycle] = await tx
      .update(cycles)
      .set({ ...fields, closedAt: closing ? new Date() : before.closedAt })
      .where(and(eq(cycles.orgId, scope.orgId), eq(cycles.id, id)))
      .returning();
    if (closing) await scoreCycle(tx, cycle!);
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
export async function generateQuarterlyCycles(db: Database, scope: Scope, year: number) {
  const existing = new Set((await listCycles(db, scope.orgId)).map((c) => c.name));
  const created = [];
  for (const [index, [start, end]] of QUARTERS.entries()) {
    const name = `Q${index + 1} ${year}`;
    if (!existing.has(name)) created.push(await createCycle(db, scope, { name, startDate: `${year}-${start}`, endDate: `${year}-${end}` }));
  }
  return created;
}

/**
 * A closed cycle is a record: its scores are final, so its objectives, key results and alignments
 * no longer change. Only score overrides (with a reason) stay possible.
 */
export async function assertCycleOpen(tx: Executor, orgId: string, cycleId: string, field = 'cycleId') {
  const cycle = await requireCycle(tx, orgId, cycleId);
  if (cycle.status === 'closed') {
    throw new AppError('cycle-closed', `${cycle.name} is closed: its objectives and scores are final.`, [
      { field, message: 'The cycle is closed.' },
    ]);
  }
  return cycle;
}
