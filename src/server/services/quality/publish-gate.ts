import { checkQuality } from '../../../domain/quality/index.js';
import type { Executor } from '../../../db/database.js';
import type { objectives } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { AppError } from '../../errors.js';
import { canOverridePublish } from '../../policies/objectives.js';
import { recordActivity } from '../activity.js';
import { recordPublishedQuality } from '../adoption/quality-score.js';
import { assertCompanyOkrsFirst } from '../rollout/company-first.js';
import { inProgramme } from '../rollout/pilot-scope.js';
import { assertApproved } from '../review-requests/approval-gate.js';
import { draftOfObjective } from './objective-draft.js';
import { loadPrinciples } from './principles.js';

/**
 * An objective going into `active` (created so, or moved there) is refused while a blocking rule
 * fails, unless an admin gives a reason, which is recorded. The objective service calls it on the
 * objective as written, inside its transaction. During a pilot, only the pilot's teams (and company objectives) are
 * held by blocking findings; the rollout's "company OKRs first" and
 * "approval required" settings are checked first.
 */
export async function assertPublishable(
  tx: Executor,
  actor: Actor,
  objective: typeof objectives.$inferSelect,
  today: string,
  overrideReason?: string,
): Promise<void> {
  await assertCompanyOkrsFirst(tx, actor.orgId, objective);
  await assertApproved(tx, actor.orgId, objective);
  const { draft, context } = await draftOfObjective(tx, objective, today);
  const report = checkQuality(draft, context, (await loadPrinciples(tx, actor.orgId)).resolved);
  await recordPublishedQuality(tx, actor.orgId, objective.id, report.score);
  const blocking = report.findings.filter((f) => f.severity === 'block');
  if (blocking.length === 0 || !(await inProgramme(tx, actor.orgId, objective.teamId))) return;
  const mayOverride = canOverridePublish(actor);
  if (overrideReason && mayOverride) {
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'objective.publish-overridden',
      entityType: 'objective',
      entityId: objective.id,
      after: { reason: overrideReason, findings: blocking },
    });
    return;
  }
  const detail = `This objective cannot be published yet: ${blocking.map((f) => f.message).join(' ')}${mayOverride ? ' An admin may publish anyway with publishOverrideReason.' : ''}`;
  throw new AppError(
    'quality-blocked',
    detail,
    blocking.map((f) => ({ field: f.field, message: f.message })),
  );
}
