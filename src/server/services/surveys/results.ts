import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../../db/database.js';
import { surveyAnswers, surveyQuestions, surveyResponses, teams } from '../../../db/schema/index.js';
import { reportGroups } from '../../../domain/surveys/groups.js';
import { summarizeScoreCounts } from '../../../domain/surveys/summary.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeSurveyManagement } from '../../policies/rollout.js';
import { requireSurvey } from './surveys.js';
import { surveyMinGroupSize } from './settings.js';
import { loadRoundCounts, seriesOf, trendOfRounds } from './trend.js';
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
  // Independent reads go out together, the survey itself among them (the trend finds its series by subquery): on a
  // server each takes its own pooled connection (PGlite runs them in turn).
  const ofThisSurvey = inArray(
    surveyAnswers.questionId,
    db
      .select({ id: surveyQuestions.id })
      .from(surveyQuestions)
      .where(and(eq(surveyQuestions.orgId, orgId), eq(surveyQuestions.surveyId, surveyId))),
  );
  const [survey, minimum, orgTeams, questions, perTeam, scoreRows, textRows, otherRounds] = await Promise.all([
    requireSurvey(db, orgId, surveyId),
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
    // Answers carry their response's team: each question's scores are counted from one covering index, in its order.
    queryRows<{ questionId: string; teamId: string | null; counts: number[] }>(
      db,
      sql`select q.id as "questionId", a.team_id as "teamId", array[a.s0, a.s1, a.s2, a.s3, a.s4, a.s5] as counts
        from survey_questions q cross join lateral (select team_id, ${sql.raw(
          [0, 1, 2, 3, 4, 5].map((score) => `count(*) filter (where score = ${score})::int as s${score}`).join(', '),
        )} from survey_answers where org_id = ${orgId} and question_id = q.id and score is not null group by team_id) a
        where q.org_id = ${orgId} and q.survey_id = ${surveyId}`,
    ),
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
    loadRoundCounts(db, orgId, seriesOf(orgId, surveyId), surveyId),
  ]);
  if (teamId !== undefined && !orgTeams.some((t) => t.id === teamId)) throw notFound('The team', 'teamId');
  const { shownAs, counts } = reportGroups(orgTeams, new Map(perTeam.map((r) => [r.teamId, r.n])), minimum);

  const nameOf = new Map(orgTeams.map((t) => [t.id, t.name]));
  const wanted = teamId === undefined ? undefined : shownAs.get(teamId);
  const groupIds = [...counts.keys()].filter((id) => teamId === undefined || id === wanted);
  // Rows go to their question's and shown group's bucket once, rather than every group scanning every row (1,000
  // teams at scale); this round's trend tallies (answered and summed per team and question) come from the same rows.
  const byQuestion = new Map(
    questions.map((q) => [
      q.id,
      {
        question: q,
        scores: new Map<string | null, number[]>(),
        texts: new Map<string | null, typeof textRows>(),
        tallies: [] as TrendTally[],
      },
    ]),
  );
  for (const r of scoreRows) {
    const at = byQuestion.get(r.questionId)!;
    let answered = 0;
    let sum = 0;
    r.counts.forEach((n, score) => {
      answered += n;
      sum += n * score;
    });
    if (answered > 0) at.tallies.push({ teamId: r.teamId, position: at.question.position, theme: at.question.theme, answered, sum });
    const groupId = shownAs.get(r.teamId);
    if (groupId === undefined) continue;
    // How many gave each score (index = score).
    const counts = at.scores.get(groupId);
    if (counts) r.counts.forEach((n, score) => (counts[score]! += n));
    else at.scores.set(groupId, r.counts);
  }
  for (const r of textRows) {
    const groupId = shownAs.get(r.teamId);
    if (groupId === undefined) continue;
    const { texts } = byQuestion.get(r.questionId)!;
    const list = texts.get(groupId);
    if (list) list.push(r);
    else texts.set(groupId, [r]);
  }
  const groups = groupIds.map((groupId) => ({
    teamId: groupId,
    name: groupId === null ? ORGANISATION : nameOf.get(groupId)!,
    responses: counts.get(groupId)!,
    questions: questions.map((q) => {
      const at = byQuestion.get(q.id)!;
      const summary = summarizeScoreCounts(q.kind, at.scores.get(groupId) ?? []);
      const texts = at.texts.get(groupId) ?? [];
      return {
        questionId: q.id,
        ...summary,
        answered: q.kind === 'text' ? texts.length : summary.answered,
        texts: texts.map((r) => ({ id: `${r.responseId}.${r.questionId}`, text: r.text!, hidden: r.hidden })),
      };
    }),
  }));
  const total = perTeam.reduce((sum, r) => sum + r.n, 0);
  const current = { surveyId, perTeam, tallies: [...byQuestion.values()].flatMap((q) => q.tallies) };
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
