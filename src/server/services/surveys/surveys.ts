import { and, desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { surveyAnswers, surveyParticipants, surveyQuestions, surveys } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { conflict, notFound } from '../../errors.js';
import { authorizeSurveyManagement, mayManageSurveys } from '../../policies/rollout.js';
import { recordActivity } from '../activity.js';
import { surveyRecipients } from './recipients.js';
import { nextRoundDates } from './rounds-due.js';

export async function requireSurvey(db: Executor, orgId: string, id: string) {
  const [survey] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.orgId, orgId), eq(surveys.id, id)));
  if (!survey) throw notFound('The survey');
  return survey;
}

/**
 * Surveys the caller may answer (with whether they have), and for those managing surveys every survey, the latest
 * round of a recurring series with the day its next round should open.
 */
export async function listSurveys(db: Database, actor: Actor, now: Date) {
  const all = await db.select().from(surveys).where(eq(surveys.orgId, actor.orgId)).orderBy(desc(surveys.createdAt));
  const answered = new Set(
    (
      await db
        .select({ surveyId: surveyParticipants.surveyId })
        .from(surveyParticipants)
        .where(and(eq(surveyParticipants.orgId, actor.orgId), eq(surveyParticipants.userId, actor.userId)))
    ).map((r) => r.surveyId),
  );
  const manager = mayManageSurveys(actor);
  const nextRounds = manager ? await nextRoundDates(db, actor.orgId, now) : new Map<string, string | null>();
  const visible = [];
  for (const survey of all) {
    const invited = survey.status === 'open' && (await surveyRecipients(db, survey)).includes(actor.userId);
    const nextRoundOn = nextRounds.get(survey.id) ?? null;
    if (manager || invited) visible.push({ ...survey, invited, answered: answered.has(survey.id), nextRoundOn });
  }
  return visible;
}

/** A survey with its questions, for the answer page: whether the caller has answered, never what. */
export async function surveyForAnswering(db: Database, actor: Actor, id: string) {
  const survey = await requireSurvey(db, actor.orgId, id);
  const questions = await db
    .select()
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.orgId, actor.orgId), eq(surveyQuestions.surveyId, id)))
    .orderBy(surveyQuestions.position);
  const [participant] = await db
    .select({ userId: surveyParticipants.userId })
    .from(surveyParticipants)
    .where(
      and(eq(surveyParticipants.orgId, actor.orgId), eq(surveyParticipants.surveyId, id), eq(surveyParticipants.userId, actor.userId)),
    );
  const invited = (await surveyRecipients(db, survey)).includes(actor.userId);
  return { ...survey, questions, invited, answered: participant !== undefined };
}

export async function closeSurvey(db: Database, actor: Actor, id: string) {
  authorizeSurveyManagement(actor);
  return db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, actor.orgId, id);
    if (survey.status === 'closed') throw conflict('status', 'This survey is already closed.');
    const [closed] = await tx
      .update(surveys)
      .set({ status: 'closed' })
      .where(and(eq(surveys.orgId, actor.orgId), eq(surveys.id, id)))
      .returning();
    await recordActivity(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'survey.closed', entityType: 'survey', entityId: id });
    return closed!;
  });
}

/** Hides (or shows again) free-text answers, named by the opaque ids the results list them with. */
export async function setTextHidden(db: Database, actor: Actor, surveyId: string, textIds: string[], hidden: boolean) {
  authorizeSurveyManagement(actor);
  await requireSurvey(db, actor.orgId, surveyId);
  return db.transaction(async (tx) => {
    const questions = await tx
      .select({ id: surveyQuestions.id })
      .from(surveyQuestions)
      .where(and(eq(surveyQuestions.orgId, actor.orgId), eq(surveyQuestions.surveyId, surveyId)));
    const ofSurvey = new Set(questions.map((q) => q.id));
    let changed = 0;
    for (const textId of textIds) {
      const [responseId, questionId] = textId.split('.') as [string, string];
      if (!ofSurvey.has(questionId)) throw notFound('The answer', 'textIds');
      const rows = await tx
        .update(surveyAnswers)
        .set({ hidden })
        .where(
          and(eq(surveyAnswers.orgId, actor.orgId), eq(surveyAnswers.questionId, questionId), eq(surveyAnswers.responseId, responseId)),
        )
        .returning({ responseId: surveyAnswers.responseId });
      if (rows.length === 0) throw notFound('The answer', 'textIds');
      changed += rows.length;
    }
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: hidden ? 'survey.text-hidden' : 'survey.text-shown',
      entityType: 'survey',
      entityId: surveyId,
      after: { count: changed },
    });
    return changed;
  });
}
