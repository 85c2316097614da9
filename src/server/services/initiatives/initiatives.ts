import { and, eq, sql } from 'drizzle-orm';
import { initiativeDrivenKeyResults, initiatives } from '../../../db/schema/index.js';
import type { InitiativeStatus } from '../../../domain/initiatives.js';
import { linkProblem } from '../../../domain/links.js';
import type { Actor } from '../../auth/actor.js';
import { invalid } from '../../errors.js';
import { authorizeDriveByInitiatives, authorizeInitiativePlanning, authorizeInitiativeUpdate } from '../../policies/initiatives.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { loadKeyResultFor } from '../okrs/actor-reads.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { applyInitiativeDrive } from './drive.js';
import { checkInitiativeOwner, loadInitiativeFor } from './initiative-reads.js';

export interface InitiativeFields {
  title?: string;
  ownerId?: string | null;
  status?: InitiativeStatus;
  dueDate?: string | null;
  url?: string | null;
}

function checkUrl(url: string | null | undefined) {
  if (!url) return;
  const problem = linkProblem(url);
  if (problem) throw invalid('url', problem);
}

type Loaded = Awaited<ReturnType<typeof loadKeyResultFor>>;
const driveFacts = (loaded: Loaded) => ({
  keyResult: loaded.keyResult,
  objectiveId: loaded.objective.id,
  cycle: loaded.cycle,
  timeZone: loaded.timeZone,
});

export async function createInitiative(deps: ServiceDeps, actor: Actor, keyResultId: string, fields: InitiativeFields & { title: string }) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const loaded = await loadKeyResultFor(tx, actor, keyResultId);
    authorizeInitiativePlanning(actor, loaded.relation, loaded.keyResult.ownerId);
    checkUrl(fields.url);
    const ownerId = fields.ownerId === undefined ? actor.userId : fields.ownerId;
    await checkInitiativeOwner(tx, actor.orgId, ownerId);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${initiatives.position}) + 1, 0)`.mapWith(Number) })
      .from(initiatives)
      .where(and(eq(initiatives.orgId, actor.orgId), eq(initiatives.keyResultId, keyResultId)))) as [{ next: number }];
    const [row] = await tx
      .insert(initiatives)
      .values({ ...fields, title: fields.title.trim(), ownerId, orgId: actor.orgId, keyResultId, position: next })
      .returning();
    await recordActivity(tx, { ...scopeOf(actor), action: 'initiative.created', entityType: 'initiative', entityId: row!.id, after: row });
    await applyInitiativeDrive(tx, announce, deps.clock(), driveFacts(loaded));
    announce.changed('objective', loaded.objective.id, loaded.objective.id);
    return row!;
  });
}

export async function updateInitiative(deps: ServiceDeps, actor: Actor, id: string, fields: InitiativeFields) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const { initiative: before, ...loaded } = await loadInitiativeFor(tx, actor, id);
    authorizeInitiativeUpdate(actor, loaded.relation, loaded.keyResult.ownerId, before.ownerId);
    checkUrl(fields.url);
    if (fields.ownerId !== undefined) await checkInitiativeOwner(tx, actor.orgId, fields.ownerId);
    const [row] = await tx
      .update(initiatives)
      .set({ ...fields, ...(fields.title ? { title: fields.title.trim() } : {}) })
      .where(and(eq(initiatives.orgId, actor.orgId), eq(initiatives.id, id)))
      .returning();
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'initiative.updated',
      entityType: 'initiative',
      entityId: id,
      before,
      after: row,
    });
    await applyInitiativeDrive(tx, announce, deps.clock(), driveFacts(loaded));
    announce.changed('objective', loaded.objective.id, loaded.objective.id);
    return row!;
  });
}

export async function deleteInitiative(deps: ServiceDeps, actor: Actor, id: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const { initiative: before, ...loaded } = await loadInitiativeFor(tx, actor, id);
    authorizeInitiativePlanning(actor, loaded.relation, loaded.keyResult.ownerId);
    await tx.delete(initiatives).where(and(eq(initiatives.orgId, actor.orgId), eq(initiatives.id, id)));
    await recordActivity(tx, { ...scopeOf(actor), action: 'initiative.deleted', entityType: 'initiative', entityId: id, before });
    await applyInitiativeDrive(tx, announce, deps.clock(), driveFacts(loaded));
    announce.changed('objective', loaded.objective.id, loaded.objective.id);
  });
}

/**
 * Lets a milestone key result's initiatives drive its progress (its milestones become its initiatives), or hands
 * the milestones back to people's check-ins. Only milestone key results can be driven.
 */
export async function setDrivenByInitiatives(deps: ServiceDeps, actor: Actor, keyResultId: string, driven: boolean) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const loaded = await loadKeyResultFor(tx, actor, keyResultId);
    authorizeDriveByInitiatives(actor, loaded.relation, loaded.keyResult.ownerId);
    if (driven && loaded.keyResult.kind !== 'milestone')
      throw invalid('driven', 'Only a milestone key result can be driven by its initiatives; measure the others by their value.');
    const where = and(eq(initiativeDrivenKeyResults.orgId, actor.orgId), eq(initiativeDrivenKeyResults.keyResultId, keyResultId));
    if (driven) await tx.insert(initiativeDrivenKeyResults).values({ orgId: actor.orgId, keyResultId }).onConflictDoNothing();
    else await tx.delete(initiativeDrivenKeyResults).where(where);
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: driven ? 'key_result.driven_by_initiatives' : 'key_result.measured_by_hand',
      entityType: 'key_result',
      entityId: keyResultId,
    });
    await applyInitiativeDrive(tx, announce, deps.clock(), driveFacts(loaded));
    announce.changed('objective', loaded.objective.id, loaded.objective.id);
    return { keyResultId, driven };
  });
}
