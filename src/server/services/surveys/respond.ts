import { and, asc, eq } from 'drizzle-orm';
import { organizations, surveyAnswers, surveyParticipants, surveyQuestions, surveyResponses, surveys } from '../../../db/schema/index.js';
import { answerRequired, readAnswer, type AnswerValue } from '../../../domain/surveys/answers.js';
import type { Actor } from '../../auth/actor.js';
import { todayIn } from '../../clock.js';
import { conflict, forbidden, invalidFields, notFound, type FieldError } from '../../errors.js';
import type { ServiceDeps } from '../okrs/deps.js';
import { respondentTeam, surveyRecipients, surveyTeamIds } from './recipients.js';

export interface AnswerInput {
  questionId: string;
  value: AnswerValue;
}

/**
 * Stores one anonymous response. What is written: a participant row (who, to refuse a second answer and stop
 * reminders) and, unlinked from it, a response row with the respondent's team and the day, and its answers.
 * No activity row and no live event name the respondent, and nothing returned identifies the response.
 */
export async function respondToSurvey(deps: ServiceDeps, actor: Actor, surveyId: string, answers: AnswerInput[]): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ survey: surveys, timeZone: organizations.timeZone })
      .from(surveys)
      .innerJoin(organizations, eq(organizations.id, surveys.orgId))
      .where(and(eq(surveys.orgId, actor.orgId), eq(surveys.id, surveyId)));
    if (!row) throw notFound('The survey');
    const { survey } = row;
    const today = todayIn(row.timeZone, deps.clock());
    if (survey.status === 'closed' || today > survey.closesOn) throw conflict('surveyId', 'This survey is closed.');
    if (!(await surveyRecipients(tx, survey)).includes(actor.userId)) throw forbidden('This survey was not sent to you.');

    const questions = await tx
      .select()
      .from(surveyQuestions)
      .where(and(eq(surveyQuestions.orgId, actor.orgId), eq(surveyQuestions.surveyId, surveyId)))
      .orderBy(asc(surveyQuestions.position));
    const byId = new Map(questions.map((q) => [q.id, q]));
    const problems: FieldError[] = [];
    const stored: { questionId: string; score: number | null; text: string | null }[] = [];
    const seen = new Set<string>();
    answers.forEach((answer, i) => {
      const question = byId.get(answer.questionId);
      if (!question) return problems.push({ field: `answers[${i}].questionId`, message: 'This question is not part of the survey.' });
      if (seen.has(question.id)) return problems.push({ field: `answers[${i}].questionId`, message: 'This question is answered twice.' });
      seen.add(question.id);
      const read = readAnswer(question.kind, answer.value);
      if ('problem' in read) return problems.push({ field: `answers[${i}].value`, message: read.problem });
      stored.push({ questionId: question.id, ...read });
    });
    for (const q of questions)
      if (answerRequired(q.kind) && !seen.has(q.id)) problems.push({ field: 'answers', message: `Answer "${q.text}".` });
    if (problems.length > 0) throw invalidFields(problems);

    const joined = await tx
      .insert(surveyParticipants)
      .values({ orgId: actor.orgId, surveyId, userId: actor.userId })
      .onConflictDoNothing()
      .returning({ userId: surveyParticipants.userId });
    if (joined.length === 0) throw conflict('surveyId', 'You have already answered this survey.');

    const teamId = await respondentTeam(tx, actor.orgId, actor.userId, await surveyTeamIds(tx, survey));
    const [response] = await tx
      .insert(surveyResponses)
      .values({ orgId: actor.orgId, surveyId, teamId, day: today })
      .returning({ id: surveyResponses.id });
    if (stored.length > 0)
      await tx.insert(surveyAnswers).values(stored.map((a) => ({ ...a, orgId: actor.orgId, responseId: response!.id, teamId })));
  });
}
