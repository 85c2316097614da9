import { and, desc, eq } from 'drizzle-orm';
import { validateConfidence } from '../../../domain/index.js';
import type { Database, Executor } from '../../../db/database.js';
import { checkIns, cycles, keyResults, objectives, users } from '../../../db/schema/index.js';
import { invalid, notFound, AppError } from '../../errors.js';
import { recordActivity } from '../activity.js';
import { celebrateTargetReached } from '../social/celebrate.js';
import type { NotifyContext } from '../notifications/notify.js';
import type { Scope } from '../scope.js';
import { lockOrganizationOkrs } from './org-lock.js';
import { refreshKeyResult } from './rollup.js';

export interface CheckInFields {
  asOf?: string;
  value?: number | null;
  milestonesDone?: boolean[] | null;
  confidence?: number | null;
  note?: string | null;
  blockers?: string | null;
}

type KeyResultRow = typeof keyResults.$inferSelect;
type CycleRow = typeof cycles.$inferSelect;

/** The key result with its cycle, in one read: this runs on every check-in. */
async function requireKeyResultAndCycle(tx: Executor, orgId: string, keyResultId: string): Promise<{ kr: KeyResultRow; cycle: CycleRow }> {
  const [row] = await tx
    .select({ kr: keyResults, cycle: cycles })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(keyResults.orgId, orgId), eq(keyResults.id, keyResultId)));
  if (!row) throw notFound('The key result');
  return row;
}

/** What the check-in must carry for its key result's kind, and a date inside an open cycle, not in the future. */
function checkFits(kr: KeyResultRow, cycle: CycleRow, fields: CheckInFields, today: string) {
  if (cycle.status === 'closed')
    throw new AppError('cycle-closed', `${cycle.name} is closed: its scores are final and it takes no more check-ins.`, [
      { field: 'asOf', message: 'The cycle is closed.' },
    ]);
  const asOf = fields.asOf ?? (today > cycle.endDate ? cycle.endDate : today);
  if (asOf < cycle.startDate || asOf > cycle.endDate)
    throw invalid('asOf', `Date the check-in within ${cycle.name} (${cycle.startDate} to ${cycle.endDate}).`);
  if (asOf > today) throw invalid('asOf', 'A check-in cannot be dated in the future.');
  if ((kr.kind === 'metric' || kr.kind === 'threshold') && (fields.value === undefined || fields.value === null))
    throw invalid('value', 'Enter the current value.');
  if (kr.kind === 'milestone') {
    const count = kr.milestones?.length ?? 0;
    if (!fields.milestonesDone || fields.milestonesDone.length !== count)
      throw invalid('milestonesDone', `Give a done flag for each of the ${count} milestones.`);
  }
  if (kr.kind === 'rollup' && fields.value !== undefined && fields.value !== null)
    throw invalid('value', 'A roll-up key result takes its progress from aligned objectives; check in confidence and notes only.');
  if (fields.confidence !== undefined && fields.confidence !== null) {
    const problems = validateConfidence(fields.confidence);
    if (problems.length > 0) throw invalid('confidence', problems[0]!.message);
  }
  return asOf;
}

/** `notifyCtx` lets a check-in that reaches its target tell the objective's owner (HTTP passes it). */
export async function createCheckIn(
  db: Database,
  scope: Scope,
  keyResultId: string,
  fields: CheckInFields,
  today: string,
  notifyCtx?: NotifyContext,
) {
  return db.transaction(async (tx) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const { kr, cycle } = await requireKeyResultAndCycle(tx, scope.orgId, keyResultId);
    const asOf = checkFits(kr, cycle, fields, today);
    const [row] = await tx
      .insert(checkIns)
      .values({
        orgId: scope.orgId,
        keyResultId,
        authorId: scope.actorId,
        asOf,
        value: fields.value ?? null,
        milestonesDone: fields.milestonesDone ?? null,
        confidence: fields.confidence ?? null,
        note: fields.note ?? null,
        blockers: fields.blockers ?? null,
      })
      .returning();
    // Dated after every earlier check-in, the new one is the latest: no need to look it up. On the
    // same date an earlier-started transaction may hold an older createdAt, so that case reads.
    const isLatest = kr.lastCheckInDate === null || asOf > kr.lastCheckInDate;
    const progress = await refreshKeyResult(tx, keyResultId, isLatest ? row! : undefined);
    await recordActivity(tx, {
      ...scope,
      action: 'check_in.created',
      entityType: 'key_result',
      entityId: keyResultId,
      before: { progress: kr.progress, value: kr.currentValue },
      after: row,
    });
    await celebrateTargetReached(tx, scope, kr, progress ?? 0, row!, notifyCtx);
    return row!;
  });
}

export async function requireCheckIn(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.id, id), eq(checkIns.deleted, false)));
  if (!row) throw notFound('The check-in');
  return row;
}

/** Corrects a check-in; the previous version stays in the activity history. */
export async function updateCheckIn(
  db: Database,
  scope: Scope,
  id: string,
  fields: CheckInFields,
  today: string,
  notifyCtx?: NotifyContext,
) {
  return db.transaction(async (tx) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const before = await requireCheckIn(tx, scope.orgId, id);
    const { kr, cycle } = await requireKeyResultAndCycle(tx, scope.orgId, before.keyResultId);
    const asOf = checkFits(kr, cycle, { ...before, ...fields }, today);
    const [row] = await tx
      .update(checkIns)
      .set({ ...fields, asOf })
      .where(eq(checkIns.id, id))
      .returning();
    const progress = await refreshKeyResult(tx, kr.id);
    await recordActivity(tx, { ...scope, action: 'check_in.corrected', entityType: 'check_in', entityId: id, before, after: row });
    await celebrateTargetReached(tx, scope, kr, progress ?? 0, row!, notifyCtx);
    return row!;
  });
}

export async function deleteCheckIn(db: Database, scope: Scope, id: string) {
  return db.transaction(async (tx) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const before = await requireCheckIn(tx, scope.orgId, id);
    const { kr, cycle } = await requireKeyResultAndCycle(tx, scope.orgId, before.keyResultId);
    checkFits(kr, cycle, { ...before, asOf: before.asOf }, '9999-12-31');
    await tx.update(checkIns).set({ deleted: true }).where(eq(checkIns.id, id));
    await refreshKeyResult(tx, kr.id);
    await recordActivity(tx, { ...scope, action: 'check_in.deleted', entityType: 'check_in', entityId: id, before });
  });
}

export function listCheckIns(db: Executor, orgId: string, keyResultId: string) {
  return db
    .select({ checkIn: checkIns, authorName: users.name })
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.authorId))
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.keyResultId, keyResultId), eq(checkIns.deleted, false)))
    .orderBy(desc(checkIns.asOf), desc(checkIns.createdAt));
}
