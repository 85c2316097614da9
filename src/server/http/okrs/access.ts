import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../context.js';
import { authorizeObjectiveEdit, relationTo } from '../../policies/okrs.js';
import { requireObjective } from '../../services/okrs/objectives.js';
import { requireKeyResult } from '../../services/okrs/key-results.js';

/** Loads an objective and checks the actor may shape it. */
export async function editableObjective(ctx: AppContext, actor: Actor, objectiveId: string) {
  const objective = await requireObjective(ctx.db, actor.orgId, objectiveId);
  authorizeObjectiveEdit(actor, await relationTo(ctx.db, actor, objective));
  return objective;
}

/** Loads a key result with its objective and the actor's relation to it. */
export async function keyResultWithRelation(ctx: AppContext, actor: Actor, keyResultId: string) {
  const keyResult = await requireKeyResult(ctx.db, actor.orgId, keyResultId);
  const objective = await requireObjective(ctx.db, actor.orgId, keyResult.objectiveId);
  return { keyResult, objective, relation: await relationTo(ctx.db, actor, objective) };
}
