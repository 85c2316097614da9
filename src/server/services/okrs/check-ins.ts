import { and, desc, eq } from 'drizzle-orm';
import { keyResultIdVisibleTo } from '../visibility/objective-visible.js';
import { validateConfidence } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { checkIns, cycles, keyResults, users } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { todayIn } from '../../clock.js';
import { cycleClosed, invalid, notFound } from '../../errors.js';
import { authorizeCheckInChange } from '../../policies/check-ins.js';
import { authorizeCheckIn } from '../../policies/key-results.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { celebrateTargetReached } from '../social/celebrate.js';
import { checkMentions, mentionedIds } from '../social/mentions.js';
import { sendBlockerNotices } from './blocker-notices.js';
import { loadCheckInFor, loadKeyResultFor } from './actor-reads.js';
import { noticesFor, scopeOf, type ServiceDeps } from './deps.js';
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
type CheckInRow = typeof checkIns.$inferSelect;

/** Check-ins are written while the cycle is open; a closed cycle's scores are final. */
function assertTakesCheckIns(cycle: CycleRow) {
  if (cycle.status === 'closed') throw cycleClosed('asOf', `${cycle.name} is closed: its scores are final and it takes no more check-ins.`);
}

/** What the check-in must carry for its key result's kind, and a date inside an open cycle, not in the future. */
function checkFits(kr: KeyResultRow, cycle: CycleRow, fields: CheckInFields, today: string) {
  assertTakesCheckIns(cycle);
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

/** What the blocker notices need from a check-in just written. */
const blockerFacts = (actor: Actor, row: CheckInRow, kr: KeyResultRow, objectiveId: string) => ({
  orgId: actor.orgId,
  checkInId: row.id,
  blockers: row.blockers,
  author: { id: actor.userId, name: actor.name },
  keyResult: { title: kr.title },
  objectiveId,
});

/**
 * A check-in by the actor: one read loads the key result, its objective, cycle, the organisation's
 * time zone and the actor's relation; the policy decides; the write, its activity, a celebration and
 * the blocker's notices commit together; then open pages hear of it.
 */
export async function createCheckIn(deps: ServiceDeps, actor: Actor, keyResultId: string, fields: CheckInFields) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const { keyResult: kr, objective, cycle, timeZone, relation, drivenByInitiatives } = await loadKeyResultFor(tx, actor, keyResultId);
    authorizeCheckIn(actor, relation, kr.ownerId);
    // A key result driven by its initiatives moves with their status alone: a hand check-in would contradict it.
    if (drivenByInitiatives)
      throw invalid('milestonesDone', 'This key result moves with its initiatives: change their status instead of checking in.');
    const asOf = checkFits(kr, cycle, fields, todayIn(timeZone, deps.clock()));
    await checkMentions(tx, actor.orgId, mentionedIds(fields.blockers ?? ''), 'blockers');
    const scope = scopeOf(actor);
    const [row] = await tx
      .insert(checkIns)
      .values({
        orgId: actor.orgId,
        keyResultId,
        authorId: actor.userId,
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
    const notices = noticesFor(deps, announce);
    await celebrateTargetReached(tx, scope, kr, progress ?? 0, row!, notices, objective);
    if (notices) await sendBlockerNotices(tx, notices, blockerFacts(actor, row!, kr, objective.id));
    announce.changed('check_in', keyResultId, objective.id);
    return row!;
  });
}

/** Corrects a check-in (its author or an admin); the previous version stays in the activity history. */
export async function updateCheckIn(deps: ServiceDeps, actor: Actor, id: string, fields: CheckInFields) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const { checkIn: before, keyResult: kr, objectiveId, cycle, timeZone } = await loadCheckInFor(tx, actor, id);
    authorizeCheckInChange(actor, before.authorId);
    const asOf = checkFits(kr, cycle, { ...before, ...fields }, todayIn(timeZone, deps.clock()));
    await checkMentions(tx, actor.orgId, mentionedIds(fields.blockers ?? ''), 'blockers');
    const [row] = await tx
      .update(checkIns)
      .set({ ...fields, asOf })
      .where(eq(checkIns.id, id))
      .returning();
    const progress = await refreshKeyResult(tx, kr.id);
    const scope = scopeOf(actor);
    await recordActivity(tx, { ...scope, action: 'check_in.corrected', entityType: 'check_in', entityId: id, before, after: row });
    const notices = noticesFor(deps, announce);
    await celebrateTargetReached(tx, scope, kr, progress ?? 0, row!, notices);
    if (notices) await sendBlockerNotices(tx, notices, blockerFacts(actor, row!, kr, objectiveId));
    announce.changed('check_in', id, objectiveId);
    return row!;
  });
}

/** Deletes a check-in (its author or an admin) while its cycle takes changes; its content is not re-validated. */
export async function deleteCheckIn(deps: ServiceDeps, actor: Actor, id: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const { checkIn: before, keyResult: kr, objectiveId, cycle } = await loadCheckInFor(tx, actor, id);
    authorizeCheckInChange(actor, before.authorId);
    assertTakesCheckIns(cycle);
    await tx.update(checkIns).set({ deleted: true }).where(eq(checkIns.id, id));
    await refreshKeyResult(tx, kr.id);
    await recordActivity(tx, { ...scopeOf(actor), action: 'check_in.deleted', entityType: 'check_in', entityId: id, before });
    announce.changed('check_in', id, objectiveId);
  });
}

/** A key result's check-ins, newest first (404 for a key result not in the actor's organisation). */
export async function checkInsOf(db: Executor, actor: Actor, keyResultId: string) {
  const [kr] = await db
    .select({ id: keyResults.id })
    .from(keyResults)
    .where(and(eq(keyResults.orgId, actor.orgId), eq(keyResults.id, keyResultId), keyResultIdVisibleTo(actor, keyResults.id)));
  if (!kr) throw notFound('The key result');
  return listCheckIns(db, actor.orgId, keyResultId);
}

export function listCheckIns(db: Executor, orgId: string, keyResultId: string) {
  return db
    .select({ checkIn: checkIns, authorName: users.name })
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.authorId))
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.keyResultId, keyResultId), eq(checkIns.deleted, false)))
    .orderBy(desc(checkIns.asOf), desc(checkIns.createdAt));
}
