import type { Actor } from '../../auth/actor.js';
import { AppError } from '../../errors.js';
import type { ServiceDeps } from './deps.js';
import { createKeyResult, type KeyResultFields } from './key-results.js';
import { createObjective, deleteObjective, type ObjectiveFields } from './objectives.js';

type NewKeyResult = KeyResultFields & { title: string; kind: NonNullable<KeyResultFields['kind']> };

/** A key result's refusal, its fields named as in the whole draft (`keyResults[1].targetValue`). */
function asDraftField(error: unknown, index: number): unknown {
  if (!(error instanceof AppError)) return error;
  const errors = error.errors.map((e) => ({ ...e, field: `keyResults[${index}].${e.field}` }));
  const fields = errors.length ? errors : [{ field: `keyResults[${index}]`, message: error.message }];
  return new AppError(error.code, `Key result ${index + 1}: ${error.message}`, fields, error.retryAfterSeconds, error.extensions);
}

/**
 * A draft objective and its key results through the same services as the editor. Each service commits on
 * its own, so a key result the rules refuse takes the new draft away again: nothing is left half-written.
 */
export async function draftObjective(
  deps: ServiceDeps,
  actor: Actor,
  input: ObjectiveFields & { title: string; cycleId: string },
  keyResults: readonly NewKeyResult[],
) {
  const objective = await createObjective(deps, actor, { ...input, status: 'draft' });
  try {
    for (const [index, kr] of keyResults.entries()) {
      try {
        await createKeyResult(deps, actor, objective.id, kr);
      } catch (error) {
        throw asDraftField(error, index);
      }
    }
  } catch (error) {
    await deleteObjective(deps, actor, objective.id);
    throw error;
  }
  return objective;
}
