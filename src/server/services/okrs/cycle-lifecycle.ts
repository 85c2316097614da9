import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles, objectives } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { conflict } from '../../errors.js';
import { authorizeCycleEdit } from '../../policies/cycles.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from './deps.js';
import { lockOrganizationOkrs } from './org-lock.js';
import { requireCycle } from './cycles.js';

/**
 * A cycle's name is unique in its organisation (any case) and its dates overlap no other cycle's:
 * "New cycle" twice must not make a copy. `exceptId` is the cycle being changed.
 */
export async function assertNoClash(
  tx: Executor,
  orgId: string,
  cycle: { name: string; startDate: string; endDate: string },
  exceptId?: string,
) {
  const others = await tx
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), exceptId ? ne(cycles.id, exceptId) : undefined));
  const sameName = others.find((c) => c.name.trim().toLowerCase() === cycle.name.trim().toLowerCase());
  if (sameName) throw conflict('name', `A cycle named ${sameName.name} already exists.`);
  const overlapping = others.find((c) => c.startDate <= cycle.endDate && cycle.startDate <= c.endDate);
  if (overlapping)
    throw conflict('startDate', `These dates overlap ${overlapping.name} (${overlapping.startDate} to ${overlapping.endDate}).`);
}

/** Deletes a cycle that holds no published objectives (its drafts go with it); archive it otherwise. */
export async function deleteCycle(deps: ServiceDeps, actor: Actor, id: string) {
  authorizeCycleEdit(actor);
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const before = await requireCycle(tx, scope.orgId, id);
    const [{ published }] = (await tx
      .select({ published: sql<number>`count(*)::int` })
      .from(objectives)
      .where(and(eq(objectives.orgId, scope.orgId), eq(objectives.cycleId, id), ne(objectives.status, 'draft')))) as [
      { published: number },
    ];
    if (published > 0)
      throw conflict('id', `${before.name} holds ${published} published objective${published === 1 ? '' : 's'}: archive it instead.`);
    await tx.delete(objectives).where(and(eq(objectives.orgId, scope.orgId), eq(objectives.cycleId, id)));
    await tx.delete(cycles).where(and(eq(cycles.orgId, scope.orgId), eq(cycles.id, id)));
    await recordActivity(tx, { ...scope, action: 'cycle.deleted', entityType: 'cycle', entityId: id, before });
    announce.changed('objective');
  });
}

/** Archives (or restores) a cycle: it leaves the cycle switcher but keeps its objectives and scores. */
export async function archiveCycle(deps: ServiceDeps, actor: Actor, id: string, archived: boolean) {
  authorizeCycleEdit(actor);
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const before = await requireCycle(tx, scope.orgId, id);
    const [cycle] = await tx
      .update(cycles)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date(deps.clock())) : null })
      .where(and(eq(cycles.orgId, scope.orgId), eq(cycles.id, id)))
      .returning();
    await recordActivity(tx, {
      ...scope,
      action: archived ? 'cycle.archived' : 'cycle.restored',
      entityType: 'cycle',
      entityId: id,
      before,
      after: cycle,
    });
    announce.changed('objective');
    return cycle!;
  });
}
