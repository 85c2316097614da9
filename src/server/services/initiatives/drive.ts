import { and, asc, eq } from 'drizzle-orm';
import type { Transaction } from '../../../db/database.js';
import { checkIns, initiativeDrivenKeyResults, initiatives, keyResults, type cycles } from '../../../db/schema/index.js';
import { initiativesNote, milestonesFromInitiatives } from '../../../domain/initiatives.js';
import { todayIn } from '../../clock.js';
import type { Announcer } from '../announce.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { refreshKeyResult } from '../okrs/rollup.js';

type KeyResultRow = typeof keyResults.$inferSelect;
type CycleRow = typeof cycles.$inferSelect;

export interface DriveFacts {
  keyResult: KeyResultRow;
  objectiveId: string;
  cycle: CycleRow;
  timeZone: string;
}

export async function isDrivenByInitiatives(tx: Transaction, orgId: string, keyResultId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: initiativeDrivenKeyResults.keyResultId })
    .from(initiativeDrivenKeyResults)
    .where(and(eq(initiativeDrivenKeyResults.orgId, orgId), eq(initiativeDrivenKeyResults.keyResultId, keyResultId)));
  return Boolean(row);
}

/**
 * A key result driven by its initiatives: its milestones become its initiatives (dropped ones leave) and a check-in
 * authored by nobody records which are done (until it has an initiative that is not dropped, its own milestones stay), through the same roll-up as a person's check-in. Nothing happens
 * while its cycle is closed or when the state is already recorded.
 */
export async function applyInitiativeDrive(tx: Transaction, announce: Announcer, now: Date, facts: DriveFacts): Promise<void> {
  const { keyResult: kr, cycle } = facts;
  if (kr.kind !== 'milestone' || cycle.status === 'closed') return;
  if (!(await isDrivenByInitiatives(tx, kr.orgId, kr.id))) return;
  const list = await tx
    .select({ title: initiatives.title, status: initiatives.status })
    .from(initiatives)
    .where(and(eq(initiatives.orgId, kr.orgId), eq(initiatives.keyResultId, kr.id)))
    .orderBy(asc(initiatives.position), asc(initiatives.createdAt));
  const milestones = milestonesFromInitiatives(list);
  // A milestone key result needs at least one milestone: until an initiative is planned, its own ones stay.
  if (milestones.length === 0) return;
  const before = kr.milestones ?? [];
  const same =
    before.length === milestones.length && milestones.every((m, i) => m.title === before[i]!.title && m.done === before[i]!.done);
  if (same && kr.lastCheckInDate !== null) return;
  await lockOrganizationOkrs(tx, kr.orgId);
  const today = todayIn(facts.timeZone, now);
  const asOf = today < cycle.startDate ? cycle.startDate : today > cycle.endDate ? cycle.endDate : today;
  await tx
    .update(keyResults)
    .set({ milestones: milestones.map((m) => ({ ...m, done: false })) })
    .where(and(eq(keyResults.orgId, kr.orgId), eq(keyResults.id, kr.id)));
  const [row] = await tx
    .insert(checkIns)
    .values({
      orgId: kr.orgId,
      keyResultId: kr.id,
      authorId: null,
      asOf,
      value: null,
      milestonesDone: milestones.map((m) => m.done),
      confidence: kr.confidence,
      note: initiativesNote(milestones),
    })
    .returning();
  await refreshKeyResult(tx, kr.id, kr.lastCheckInDate === null || asOf >= kr.lastCheckInDate ? row : undefined);
  announce.changed('check_in', kr.id, facts.objectiveId);
}
