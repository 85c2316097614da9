import { checkQuality } from '../../../domain/quality/index.js';
import type { Actor } from '../../auth/actor.js';
import { AppError } from '../../errors.js';
import { isAdmin } from '../../policies/index.js';
import { recordActivity } from '../activity.js';
import type { UpdateGate } from '../okrs/objectives.js';
import { draftOfObjective } from './objective-draft.js';
import { loadPrinciples } from './principles.js';

/**
 * Moving an objective from draft to active is refused while a blocking rule fails, unless an
 * admin gives a reason, which is recorded. Checked on the objective as updated, in its transaction.
 */
export function publishGate(actor: Actor, today: string, overrideReason?: string): UpdateGate {
  return async (tx, updated, before) => {
    if (!(before.status === 'draft' && updated.status === 'active')) return;
    const { draft, context } = await draftOfObjective(tx, updated, today);
    const report = checkQuality(draft, context, (await loadPrinciples(tx, actor.orgId)).resolved);
    const blocking = report.findings.filter((f) => f.severity === 'block');
    if (blocking.length === 0) return;
    if (overrideReason && isAdmin(actor)) {
      await recordActivity(tx, {
        orgId: actor.orgId,
        actorId: actor.userId,
        action: 'objective.publish-overridden',
        entityType: 'objective',
        entityId: updated.id,
        after: { reason: overrideReason, findings: blocking },
      });
      return;
    }
    const detail = `This objective cannot be published yet: ${blocking.map((f) => f.message).join(' ')}${isAdmin(actor) ? ' An admin may publish anyway with publishOverrideReason.' : ''}`;
    throw new AppError(
      'quality-blocked',
      detail,
      blocking.map((f) => ({ field: f.field, message: f.message })),
    );
  };
}
