import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { surveyAnswers, surveyQuestions, surveyResponses, surveys, teams } from '../../../db/schema/index.js';
import { trendFigures } from '../../../domain/surveys/trend.js';

/**
 * Each round of a recurring survey with its average per question (by position and theme), taken over the responses
 * of the groups that round's results show — never over hidden ones, which subtraction would otherwise give away
 * (src/domain/surveys/trend.ts, docs/surveys.md). Two queries for the whole series: counts and score sums per team (the answers carry their response's team).
 */
export async function roundTrend(
  db: Executor,
  orgId: string,
  seriesId: string,
  minimum: number,
  knownTeams?: readonly { id: string; parentId: string | null }[],
) {
  const rounds = await db
    .select({ id: surveys.id, round: surveys.round, opensOn: surveys.opensOn })
    .from(surveys)
    .where(and(eq(surveys.orgId, orgId), eq(surveys.seriesId, seriesId)))
    .orderBy(asc(surveys.round));
  if (rounds.length === 0) return [];
  const ids = rounds.map((r) => r.id);
  const orgTeams = knownTeams ?? (await db.select({ id: teams.id, parentId: teams.parentId }).from(teams).where(eq(teams.orgId, orgId)));
  const perTeam = await db
    .select({ surveyId: surveyResponses.surveyId, teamId: surveyResponses.teamId, n: count() })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.orgId, orgId), inArray(surveyResponses.surveyId, ids)))
    .groupBy(surveyResponses.surveyId, surveyResponses.teamId);
  const sums = await db
    .select({
      surveyId: surveyQuestions.surveyId,
      teamId: surveyAnswers.teamId,
      position: surveyQuestions.position,
      theme: surveyQuestions.theme,
      answered: count(),
      sum: sql<number>`coalesce(sum(${surveyAnswers.score}), 0)::int`,
    })
    .from(surveyAnswers)
    .innerJoin(surveyQuestions, and(eq(surveyQuestions.orgId, surveyAnswers.orgId), eq(surveyQuestions.id, surveyAnswers.questionId)))
    .where(and(eq(surveyAnswers.orgId, orgId), inArray(surveyQuestions.surveyId, ids), isNotNull(surveyAnswers.score)))
    .groupBy(surveyQuestions.surveyId, surveyAnswers.teamId, surveyQuestions.position, surveyQuestions.theme);
  return rounds.map((round) => {
    const counts = new Map(perTeam.filter((r) => r.surveyId === round.id).map((r) => [r.teamId, r.n] as const));
    const tallies = sums.filter((s) => s.surveyId === round.id).map((s) => ({ ...s, sum: Number(s.sum) }));
    const { counted, averages } = trendFigures(orgTeams, counts, tallies, minimum);
    const responses = [...counts.values()].reduce((total, n) => total + n, 0);
    return { surveyId: round.id, round: round.round, opensOn: round.opensOn, responses, counted, averages };
  });
}
