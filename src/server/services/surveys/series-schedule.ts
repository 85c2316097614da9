import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { surveys } from '../../../db/schema/index.js';
import type { SurveySchedule } from '../../../domain/vocabulary.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeSurveyManagement } from '../../policies/rollout.js';
import { recordActivity } from '../activity.js';
import { requireSurvey } from './surveys.js';

/**
 * Changes how a series repeats — `once` stops it: no further round opens, the rounds so far keep their results.
 * The schedule is the series', so every round carries it (the job reads the latest round's).
 */
export async function setSeriesSchedule(db: Database, actor: Actor, surveyId: string, schedule: SurveySchedule) {
  authorizeSurveyManagement(actor);
  return db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, actor.orgId, surveyId);
    await tx
      .update(surveys)
      .set({ schedule })
      .where(and(eq(surveys.orgId, actor.orgId), eq(surveys.seriesId, survey.seriesId)));
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'survey.schedule-changed',
      entityType: 'survey',
      entityId: survey.seriesId,
      before: { schedule: survey.schedule },
      after: { schedule },
    });
    return { ...survey, schedule };
  });
}
