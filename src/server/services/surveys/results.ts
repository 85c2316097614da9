import { and, asc, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { surveyAnswers, surveyQuestions, surveyResponses, teams } from '../../../db/schema/index.js';
import { reportGroups } from '../../../domain/surveys/groups.js';
import { summarizeScores } from '../../../domain/surveys/summary.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeSurveyManagement } from '../../policies/rollout.js';
import { requireSurvey } from './surveys.js';
import { surveyMinGroupSize } from './settings.js';
import { loadRoundCounts, trendOfRounds } from './trend.js';
import type { TrendTally } from '../../../domain/surveys/trend.js';

const ORGANISATION = 'The whole organisation';

/**
 * A survey's results per shown group: groups below the threshold are merged into their parent (never shown alone).
 * Scores are counted in the database; free text is listed without any name, and hidden text is left out for
 * everyone but the people managing surveys, who see it marked so they can show it again.
 */
export async function surveyResults(db: Database, actor: Actor, surveyId: string, teamId?: string) {
  authorizeSurveyManagement(actor);
  const orgId = actor.orgId;
  const survey = await requireSurvey(db, orgId, surveyId);
  // Independent reads go out together: on a server each takes its own pooled connection (PGlite runs them in turn).
  const ofThisSurvey = inArray(
    surveyAnswers.questionId,
    db
      .select({ id: surveyQuestions.id })
      .from(surveyQuestions)
      .where(and(eq(surveyQuestions.orgId, orgId), eq(surveyQuestions.surveyId, surveyId))),
  );
  const [minimum, orgTeams, questions, perTeam, scoreRows, textRows, otherRounds] = await Promise.all([
    surveyMinGroupSize(db, orgId),
    db.select({ id: teams.id, parentId: teams.parentId, name: teams.name }).from(teams).where(eq(teams.orgId, orgId)),
    db
      .select()
      .from(surveyQuestions)
      .where(and(eq(surveyQuestions.orgId, orgId), eq(surveyQuestions.surveyId, surveyId)))
      .orderBy(asc(surveyQuestions.position)),
    db
      .select({ teamId: surveyResponses.teamId, n: count() })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.surveyId, surveyId)))
      .groupBy(surveyResponses.teamId),
    // Answers carry their response's team, so scores are counted from one covering index, without the responses.
    db
      .select({ questionId: surveyAnswers.questionId, teamId: surveyAnswers.teamId, score: surveyAnswers.score, n: count() })
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.orgId, orgId), ofThisSurvey, isNotNull(surveyAnswers.score)))
      .groupBy(surveyAnswers.questionId, surveyAnswers.teamId, surveyAnswers.score),
    db
      .select({
        responseId: surveyAnswers.responseId,
        questionId: surveyAnswers.questionId,
        teamId: surveyAnswers.teamId,
        text: surveyAnswers.text,
        hidden: surveyAnswers.hidden,
      })
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.orgId, orgId), ofThisSurvey, isNull(surveyAnswers.score)))
      .orderBy(asc(surveyAnswers.text)),
    // The trend's other rounds; this round's counts are the ones read here.
    loadRoundCounts(db, orgId, survey.seriesId, surveyId),
  ]);
  if (teamId !== undefined && !orgTeams.some((t) => t.id === teamId)) throw notFound('The team', 'teamId');
  const { shownAs, counts } = reportGroups(orgTeams, new Map(perTeam.map((r) => [r.teamId, r.n])), minimum);

  const nameOf = new Map(orgTeams.map((t) => [t.id, t.name]));
  const wanted = teamId === undefined ? undefined : shownAs.get(teamId);
  const groupIds = [...counts.keys()].filter((id) => teamId === undefined || id === wanted);
  // Rows go to their shown group's bucket once, rather than every group scanning every row (1,000 teams at scale).
  const bucket = (questionId: string, groupId: string | null) => `${questionId}\u0000${groupId ?? ''}`;
  const scoresIn = new Map<string, number[]>();
  for (const r of scoreRows) {
    const groupId = shownAs.get(r.teamId);
    if (groupId === undefined) continue;
    const key = bucket(r.questionId, groupId);
    const scores = scoresIn.get(key) ?? [];
    for (let i = 0; i < r.n; i++) scores.push(r.score!);
    scoresIn.set(key, scores);
  }
  const textsIn = new Map<string, typeof textRows>();
  for (const r of textRows) {
    const groupId = shownAs.get(r.teamId);
    if (groupId === undefined) continue;
    const key = bucket(r.questionId, groupId);
    const texts = textsIn.get(key);
    if (texts) texts.push(r);
    else textsIn.set(key, [r]);
  }
  const groups = groupIds.map((groupId) => ({
    teamId: groupId,
    name: groupId === null ? ORGANISATION : nameOf.get(groupId)!,
    responses: counts.get(groupId)!,
    questions: questions.map((q) => {
      const scores = scoresIn.get(bucket(q.id, groupId)) ?? [];
      const texts = textsIn.get(bucket(q.id, groupId)) ?? [];
      return {
        questionId: q.id,
        ...summarizeScores(q.kind, scores),
        answered: q.kind === 'text' ? texts.length : scores.length,
        texts: texts.map((r) => ({ id: `${r.responseId}.${r.questionId}`, text: r.text!, hidden: r.hidden })),
      };
    }),
  }));
  const total = perTeam.reduce((sum, r) => sum + r.n, 0);
  // This round's trend tallies from its score counts: answered and summed per team and question.
  const questionOf = new Map(questions.map((q) => [q.id, q]));
  const tallyOf = new Map<string, TrendTally>();
  for (const r of scoreRows) {
    const q = questionOf.get(r.questionId)!;
    const key = bucket(r.questionId, r.teamId);
    const tally = tallyOf.get(key) ?? { teamId: r.teamId, position: q.position, theme: q.theme, answered: 0, sum: 0 };
    tally.answered += r.n;
    tally.sum += r.score! * r.n;
    tallyOf.set(key, tally);
  }
  const current = { surveyId, perTeam, tallies: [...tallyOf.values()] };
  return {
    survey,
    questions,
    minimum,
    responses: total,
    requestedTeam: teamId === undefined ? null : { teamId, shownAs: wanted ?? null, merged: wanted !== teamId },
    groups,
    trend: trendOfRounds(otherRounds.rounds, otherRounds.perTeam, otherRounds.sums, orgTeams, minimum, current),
  };
}
