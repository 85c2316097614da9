import { and, eq } from 'drizzle-orm';
import { kpiRecoveries } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { conflict, notFound } from '../../errors.js';
import { updateObjective } from '../okrs/objectives.js';
import type { ServiceDeps } from '../okrs/deps.js';

/**
 * Accepting a recovery proposal publishes its draft objective through the objective service (its rules,
 * authorization and quality gate apply), then marks the proposal accepted.
 */
export async function acceptRecovery(deps: ServiceDeps, actor: Actor, recoveryId: string) {
  const [recovery] = await deps.db
    .select()
    .from(kpiRecoveries)
    .where(and(eq(kpiRecoveries.orgId, actor.orgId), eq(kpiRecoveries.id, recoveryId)));
  if (!recovery) throw notFound('The recovery proposal');
  if (recovery.acceptedAt) throw conflict('id', 'This recovery objective was already accepted.');
  const objective = await updateObjective(deps, actor, recovery.objectiveId, { status: 'active' });
  await deps.db
    .update(kpiRecoveries)
    .set({ acceptedAt: deps.clock() })
    .where(and(eq(kpiRecoveries.orgId, actor.orgId), eq(kpiRecoveries.id, recoveryId)));
  return objective;
}
