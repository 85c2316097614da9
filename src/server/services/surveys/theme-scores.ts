import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { surveyAnswers, surveyQuestions, surveyResponses, surveys, teams } from '../../../db/schema/index.js';
import { SURVEY_THEMES, type SurveyTheme } from '../../../domain/surveys/templates.js';
import { themeScores, type ThemeScore } from '../../../domain/surveys/theme-scores.js';
import { surveyMinGroupSize } from './settings.js';

export interface ThemeSource {
  surveyId: string;
  title: string;
  opensOn: string;
  questionId: string;
}

export interface ThemeFigures {
  source: ThemeSource;
  /** The theme's score for a set of teams (null: people in no team), only from groups shown in the results. */
  scoreOf: (teamIds: readonly (string | null)[]) => ThemeScore | null;
  /** Everyone: every shown group. */
  organisation: ThemeScore | null;
  /** Names what `scoreOf` answers from (the source, the teams' tree, the tallies, the threshold): same token, same scores. */
  token: string;
}

/** The latest survey round that asked the theme's scale question and has at least one response. */
async function latestSource(db: Executor, orgId: string, theme: SurveyTheme): Promise<ThemeSource | null> {
  const [row] = await db
    .select({ surveyId: surveys.id, title: surveys.title, opensOn: surveys.opensOn, questionId: surveyQuestions.id })
    .from(surveyQuestions)
    .innerJoin(surveys, and(eq(surveys.orgId, surveyQuestions.orgId), eq(surveys.id, surveyQuestions.surveyId)))
    .where(
      and(
        eq(surveyQuestions.orgId, orgId),
        eq(surveyQuestions.theme, theme),
        eq(surveyQuestions.kind, 'scale'),
        sql`exists (select 1 from ${surveyResponses} where ${surveyResponses.orgId} = ${surveys.orgId} and ${surveyResponses.surveyId} = ${surveys.id})`,
      ),
    )
    .orderBy(desc(surveys.opensOn), desc(surveys.round), desc(surveys.createdAt), asc(surveyQuestions.position))
    .limit(1);
  return row ?? null;
}

/**
 * Clarity and leadership-support scores from the latest survey that asked each, for any set of teams, under the
 * same anonymity threshold as the survey's results (docs/surveys.md). Scores are summed per team in the database.
 */
export async function latestThemeScores(db: Executor, orgId: string): Promise<Record<SurveyTheme, ThemeFigures | null>> {
  const result: Record<SurveyTheme, ThemeFigures | null> = { clarity: null, leadership_support: null };
  const minimum = await surveyMinGroupSize(db, orgId);
  const orgTeams = await db.select({ id: teams.id, parentId: teams.parentId }).from(teams).where(eq(teams.orgId, orgId));
  for (const theme of SURVEY_THEMES) {
    const source = await latestSource(db, orgId, theme);
    if (!source) continue;
    const perTeam = await db
      .select({ teamId: surveyResponses.teamId, responses: count() })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.surveyId, source.surveyId)))
      .groupBy(surveyResponses.teamId);
    const scores = await db
      .select({
        teamId: surveyAnswers.teamId,
        answered: count(surveyAnswers.score),
        sum: sql<number>`coalesce(sum(${surveyAnswers.score}), 0)::int`,
      })
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.orgId, orgId), eq(surveyAnswers.questionId, source.questionId)))
      .groupBy(surveyAnswers.teamId);
    const scoredBy = new Map(scores.map((s) => [s.teamId, s]));
    const tallies = perTeam.map((team) => {
      const scored = scoredBy.get(team.teamId);
      return { teamId: team.teamId, responses: team.responses, answered: scored?.answered ?? 0, sum: Number(scored?.sum ?? 0) };
    });
    const scoreOf = themeScores(orgTeams, tallies, minimum);
    const token = createHash('sha1')
      .update(JSON.stringify([orgId, source, minimum, orgTeams, tallies]))
      .digest('base64');
    result[theme] = { source, scoreOf, organisation: scoreOf([null, ...orgTeams.map((t) => t.id)]), token };
  }
  return result;
}
