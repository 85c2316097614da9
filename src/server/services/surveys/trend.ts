import { and, asc, count, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { surveyAnswers, surveyQuestions, surveyResponses, surveys, teams } from '../../../db/schema/index.js';
import { trendFigures, type TrendTally } from '../../../domain/surveys/trend.js';

/** One round's responses per team and score tallies: what its trend figures are computed from. */
export interface RoundCounts {
  surveyId: string;
  perTeam: readonly { teamId: string | null; n: number }[];
  tallies: readonly TrendTally[];
}

/**
 * Each round of a recurring survey with its average per question (by position and theme), taken over the responses
 * of the groups that round's results show — never over hidden ones, which subtraction would otherwise give away
 * (src/domain/surveys/trend.ts, docs/surveys.md). Counts and score sums per team for the whole series in two queries
 * (the answers carry their response's team), side by side with the rounds; a round whose counts the caller already
 * has (`known`: the results' own round) is not read again.
 */
export async function roundTrend(
  db: Executor,
  orgId: string,
  seriesId: string,
  minimum: number,
  knownTeams?: readonly { id: string; parentId: string | null }[],
  known?: RoundCounts,
) {
  const { rounds, perTeam, sums } = await loadRoundCounts(db, orgId, seriesId, known?.surveyId);
  const orgTeams = knownTeams ?? (await db.select({ id: teams.id, parentId: teams.parentId }).from(teams).where(eq(teams.orgId, orgId)));
  return trendOfRounds(rounds, perTeam, sums, orgTeams, minimum, known);
}

/** A survey's series, as a subquery (for reads sent out beside the one loading the survey). */
export const seriesOf = (orgId: string, surveyId: string): SQL =>
  sql`(select ${surveys.seriesId} from ${surveys} where ${surveys.orgId} = ${orgId} and ${surveys.id} = ${surveyId})`;

/** The series' rounds, and the counts and sums of every round but `except`. */
export async function loadRoundCounts(db: Executor, orgId: string, seriesId: string | SQL, except?: string) {
  const inSeries = and(eq(surveys.orgId, orgId), eq(surveys.seriesId, seriesId), except === undefined ? undefined : ne(surveys.id, except));
  const otherRounds = db.select({ id: surveys.id }).from(surveys).where(inSeries);
  const [rounds, perTeam, sums] = await Promise.all([
    db
      .select({ id: surveys.id, round: surveys.round, opensOn: surveys.opensOn })
      .from(surveys)
      .where(and(eq(surveys.orgId, orgId), eq(surveys.seriesId, seriesId)))
      .orderBy(asc(surveys.round)),
    db
      .select({ surveyId: surveyResponses.surveyId, teamId: surveyResponses.teamId, n: count() })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.orgId, orgId), inArray(surveyResponses.surveyId, otherRounds)))
      .groupBy(surveyResponses.surveyId, surveyResponses.teamId),
    db
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
      .where(and(eq(surveyAnswers.orgId, orgId), inArray(surveyQuestions.surveyId, otherRounds), isNotNull(surveyAnswers.score)))
      .groupBy(surveyQuestions.surveyId, surveyAnswers.teamId, surveyQuestions.position, surveyQuestions.theme),
  ]);
  return { rounds, perTeam, sums };
}

export function trendOfRounds(
  rounds: readonly { id: string; round: number; opensOn: string }[],
  perTeam: readonly { surveyId: string; teamId: string | null; n: number }[],
  sums: readonly (TrendTally & { surveyId: string })[],
  orgTeams: readonly { id: string; parentId: string | null }[],
  minimum: number,
  known?: RoundCounts,
) {
  return rounds.map((round) => {
    const isKnown = known?.surveyId === round.id;
    const counts = new Map((isKnown ? known.perTeam : perTeam.filter((r) => r.surveyId === round.id)).map((r) => [r.teamId, r.n] as const));
    const tallies = isKnown ? known.tallies : sums.filter((s) => s.surveyId === round.id).map((s) => ({ ...s, sum: Number(s.sum) }));
    const { counted, averages } = trendFigures(orgTeams, counts, tallies, minimum);
    const responses = [...counts.values()].reduce((total, n) => total + n, 0);
    return { surveyId: round.id, round: round.round, opensOn: round.opensOn, responses, counted, averages };
  });
}
