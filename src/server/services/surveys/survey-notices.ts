import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { surveyParticipants } from '../../../db/schema/index.js';
import type { SurveyScope } from '../../../domain/vocabulary.js';
import { notify, type NotifyContext } from '../notifications/notify.js';
import { surveyRecipients } from './recipients.js';

interface SurveyFacts {
  id: string;
  orgId: string;
  scope: SurveyScope;
  title: string;
  closesOn: string;
}

/**
 * Tells the survey's recipients who have not answered yet: once when it opens, then a reminder per day it is run
 * (the dedupe key holds the day, so several processes remind once). Returns how many were told.
 */
export async function sendSurveyNotices(
  tx: Executor,
  ctx: NotifyContext,
  survey: SurveyFacts,
  why: 'invitation' | 'reminder',
  day?: string,
) {
  const answered = new Set(
    (
      await tx
        .select({ userId: surveyParticipants.userId })
        .from(surveyParticipants)
        .where(and(eq(surveyParticipants.orgId, survey.orgId), eq(surveyParticipants.surveyId, survey.id)))
    ).map((r) => r.userId),
  );
  let told = 0;
  for (const userId of await surveyRecipients(tx, survey)) {
    if (answered.has(userId)) continue;
    const sent = await notify(tx, ctx, {
      orgId: survey.orgId,
      userId,
      kind: 'survey',
      title: why === 'invitation' ? `New pulse survey: ${survey.title}` : `Reminder: ${survey.title} closes on ${survey.closesOn}`,
      body: 'It takes two minutes and is anonymous: your answers are stored without your name.',
      link: `/surveys/${survey.id}/answer`,
      entityType: 'survey',
      entityId: survey.id,
      dedupeKey: why === 'invitation' ? `survey:${survey.id}` : `survey:${survey.id}:reminder:${day}`,
    });
    if (sent) told++;
  }
  return told;
}
