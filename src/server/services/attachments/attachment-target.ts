import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../auth/actor.js';
import { loadKeyResultFor, loadObjectiveFor } from '../okrs/actor-reads.js';
import type { ObjectiveRelation } from '../../policies/objectives.js';

/** What a link or a file hangs on: an objective or a key result. */
export type AttachmentTarget = { objectiveId: string; keyResultId?: undefined } | { keyResultId: string; objectiveId?: undefined };

export interface LoadedTarget {
  /** The columns of the link or file row naming its parent. */
  columns: { objectiveId: string | null; keyResultId: string | null };
  /** The objective whose page shows it. */
  objectiveId: string;
  relation: ObjectiveRelation;
  /** The key result's owner, for a key result. */
  keyResultOwnerId: string | null;
}

/** Loads the parent under the caller's organisation (404 when it is not there) with the caller's relation to it. */
export async function loadTarget(tx: Executor, actor: Actor, target: AttachmentTarget): Promise<LoadedTarget> {
  if (target.keyResultId !== undefined) {
    const { keyResult, objective, relation } = await loadKeyResultFor(tx, actor, target.keyResultId);
    return {
      columns: { objectiveId: null, keyResultId: keyResult.id },
      objectiveId: objective.id,
      relation,
      keyResultOwnerId: keyResult.ownerId,
    };
  }
  const { objective, relation } = await loadObjectiveFor(tx, actor, target.objectiveId);
  return { columns: { objectiveId: objective.id, keyResultId: null }, objectiveId: objective.id, relation, keyResultOwnerId: null };
}

/** The parent of a stored row, as a target. */
export const targetOf = (row: { objectiveId: string | null; keyResultId: string | null }): AttachmentTarget =>
  row.keyResultId ? { keyResultId: row.keyResultId } : { objectiveId: row.objectiveId! };
