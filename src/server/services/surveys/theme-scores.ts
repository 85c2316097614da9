import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { surveyAnswers, surveyQuestions, surveyResponses, surveys, teams } from '../../../db/schema/index.js';
import { SURVEY_THEMES, type SurveyTheme } from '../../../domain/surveys/templates.js';
import type { TeamNode } from '../../../domain/surveys/groups.js';
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
  // Independent reads: on a pool they run side by side (a report reads them beside its own).
  const [minimum, orgTeams] = await Promise.all([
    surveyMinGroupSize(db, orgId),
    db.select({ id: teams.id, parentId: teams.parentId }).from(teams).where(eq(teams.orgId, orgId)),
  ]);
  const figures = await Promise.all(SURVEY_THEMES.map((theme) => themeFigures(db, orgId, theme, orgTeams, minimum)));
  return Object.fromEntries(SURVEY_THEMES.map((theme, i) => [theme, figures[i]!])) as Record<SurveyTheme, ThemeFigures | null>;
}

/** Figures built from the same inputs answer alike: the last few are reused by token (each report asks ~2,000 groups). */
const recentFigures = new Map<string, ThemeFigures>();
const RECENT_FIGURES = 16;

async function themeFigures(
  db: Executor,
  orgId: string,
  theme: SurveyTheme,
  orgTeams: TeamNode[],
  minimum: number,
): Promise<ThemeFigures | null> {
  const source = await latestSource(db, orgId, theme);
  if (!source) return null;
  const [perTeam, scores] = await Promise.all([
    db
      .select({ teamId: surveyResponses.teamId, responses: count() })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.surveyId, source.surveyId)))
      .groupBy(surveyResponses.teamId),
    db
      .select({
        teamId: surveyAnswers.teamId,
        answered: count(surveyAnswers.score),
        sum: sql<number>`coalesce(sum(${surveyAnswers.score}), 0)::int`,
      })
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.orgId, orgId), eq(surveyAnswers.questionId, source.questionId)))
      .groupBy(surveyAnswers.teamId),
  ]);
  const scoredBy = new Map(scores.map((s) => [s.teamId, s]));
  const tallies = perTeam.map((team) => {
    const scored = scoredBy.get(team.teamId);
    return { teamId: team.teamId, responses: team.responses, answered: scored?.answered ?? 0, sum: Number(scored?.sum ?? 0) };
  });
  const token = createHash('sha1')
    .update(JSON.stringify([orgId, source, minimum, orgTeams, tallies]))
    .digest('base64');
  const known = recentFigures.get(token);
  if (known) return known;
  const scoreOf = themeScores(orgTeams, tallies, minimum);
  const made = { source, scoreOf, organisation: scoreOf([null, ...orgTeams.map((t) => t.id)]), token };
  recentFigures.set(token, made);
  if (recentFigures.size > RECENT_FIGURES) recentFigures.delete(recentFigures.keys().next().value!);
  return made;
}
