import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { rolloutSettings } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { invalid } from '../../errors.js';
import { authorizeSurveyManagement } from '../../policies/rollout.js';
import { recordActivity } from '../activity.js';

/** A group's results are shown from this many responses; an organisation may lower it, never below the floor. */
export const DEFAULT_MIN_GROUP_SIZE = 5;
export const MIN_GROUP_SIZE_FLOOR = 3;

export async function surveyMinGroupSize(db: Executor, orgId: string): Promise<number> {
  const [row] = await db.select({ size: rolloutSettings.surveyMinGroupSize }).from(rolloutSettings).where(eq(rolloutSettings.orgId, orgId));
  return row?.size ?? DEFAULT_MIN_GROUP_SIZE;
}

const MIN_GROUP_SIZE_CEILING = 1000;

export async function setSurveyMinGroupSize(db: Database, actor: Actor, size: number): Promise<number> {
  authorizeSurveyManagement(actor);
  if (!Number.isInteger(size) || size < MIN_GROUP_SIZE_FLOOR)
    throw invalid(
      'surveyMinGroupSize',
      `Show a group's results from ${MIN_GROUP_SIZE_FLOOR} responses or more, so nobody can be singled out.`,
    );
  // Above this every group, the whole organisation included, would be hidden: a typo, not a choice.
  if (size > MIN_GROUP_SIZE_CEILING) throw invalid('surveyMinGroupSize', `Use at most ${MIN_GROUP_SIZE_CEILING} responses.`);
  return db.transaction(async (tx) => {
    const before = await surveyMinGroupSize(tx, actor.orgId);
    await tx
      .insert(rolloutSettings)
      .values({ orgId: actor.orgId, surveyMinGroupSize: size })
      .onConflictDoUpdate({ target: rolloutSettings.orgId, set: { surveyMinGroupSize: size } });
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'rollout.survey-threshold-updated',
      entityType: 'organization',
      entityId: actor.orgId,
      before: { surveyMinGroupSize: before },
      after: { surveyMinGroupSize: size },
    });
    return size;
  });
}
