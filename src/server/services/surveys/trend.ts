import { and, asc, avg, count, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { surveyAnswers, surveyQuestions, surveyResponses, surveys } from '../../../db/schema/index.js';

/**
 * Each round of a recurring survey with the organisation-wide average per question (by position and theme);
 * a round below the threshold shows no averages.
 */
export async function roundTrend(db: Executor, orgId: string, seriesId: string, minimum: number) {
  const rounds = await db
    .select({ id: surveys.id, round: surveys.round, opensOn: surveys.opensOn })
    .from(surveys)
    .where(and(eq(surveys.orgId, orgId), eq(surveys.seriesId, seriesId)))
    .orderBy(asc(surveys.round));
  const result = [];
  for (const round of rounds) {
    const [total] = await db
      .select({ n: count() })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.surveyId, round.id)));
    const shown = (total?.n ?? 0) >= minimum;
    const averages = shown
      ? await db
          .select({ position: surveyQuestions.position, theme: surveyQuestions.theme, average: avg(surveyAnswers.score).mapWith(Number) })
          .from(surveyAnswers)
          .innerJoin(surveyQuestions, and(eq(surveyQuestions.orgId, surveyAnswers.orgId), eq(surveyQuestions.id, surveyAnswers.questionId)))
          .where(and(eq(surveyAnswers.orgId, orgId), eq(surveyQuestions.surveyId, round.id), isNotNull(surveyAnswers.score)))
          .groupBy(surveyQuestions.position, surveyQuestions.theme)
          .orderBy(asc(surveyQuestions.position))
      : [];
    result.push({
      surveyId: round.id,
      round: round.round,
      opensOn: round.opensOn,
      responses: total?.n ?? 0,
      averages: averages.map((a) => ({ ...a, average: Math.round(a.average * 100) / 100 })),
    });
  }
  return result;
}
