import { and, asc, desc, eq } from 'drizzle-orm';
import type { Transaction } from '../../../db/database.js';
import { surveyQuestions, surveyTeams, surveys } from '../../../db/schema/index.js';
import { nextCloseOn } from '../../../domain/surveys/rounds.js';
import { recordActivity } from '../activity.js';
import type { NotifyContext } from '../notifications/notify.js';
import { sendSurveyNotices } from './survey-notices.js';

type Survey = typeof surveys.$inferSelect;

/**
 * Opens the round after `previous`: same title, questions, scope and schedule, open as long as the previous was;
 * the previous round closes if still open (a person answers one round at a time). Invitations go through the same
 * notice path as a new survey, and the survey-reminders job reminds per round (its keys hold the round's id).
 * Does nothing when the series has moved on or stopped meanwhile, so a forced second run opens no second round.
 */
export async function openNextRound(
  tx: Transaction,
  ctx: NotifyContext,
  previous: Survey,
  today: string,
  covers: string | null,
): Promise<Record<string, number>> {
  const [latest] = await tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.orgId, previous.orgId), eq(surveys.seriesId, previous.seriesId)))
    .orderBy(desc(surveys.round))
    .limit(1);
  if (!latest || latest.round !== previous.round || latest.schedule === 'once') return { roundsOpened: 0 };
  const closesOn = nextCloseOn(latest, today);
  const id = crypto.randomUUID();
  const [round] = await tx
    .insert(surveys)
    .values({
      id,
      orgId: latest.orgId,
      seriesId: latest.seriesId,
      round: latest.round + 1,
      title: latest.title,
      scope: latest.scope,
      schedule: latest.schedule,
      opensOn: today,
      closesOn,
      cycleEndCovered: latest.schedule === 'cycle_end' ? covers : null,
      createdBy: null,
    })
    .onConflictDoNothing()
    .returning();
  if (!round) return { roundsOpened: 0 };
  const questions = await tx
    .select()
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.orgId, latest.orgId), eq(surveyQuestions.surveyId, latest.id)))
    .orderBy(asc(surveyQuestions.position));
  await tx.insert(surveyQuestions).values(questions.map(({ id: _id, surveyId: _s, ...q }) => ({ ...q, surveyId: id })));
  const teams = await tx
    .select({ teamId: surveyTeams.teamId })
    .from(surveyTeams)
    .where(and(eq(surveyTeams.orgId, latest.orgId), eq(surveyTeams.surveyId, latest.id)));
  if (teams.length > 0) await tx.insert(surveyTeams).values(teams.map((t) => ({ orgId: latest.orgId, surveyId: id, teamId: t.teamId })));
  let closed = 0;
  if (latest.status === 'open') {
    await tx
      .update(surveys)
      .set({ status: 'closed' })
      .where(and(eq(surveys.orgId, latest.orgId), eq(surveys.id, latest.id)));
    await recordActivity(tx, { orgId: latest.orgId, actorId: null, action: 'survey.closed', entityType: 'survey', entityId: latest.id });
    closed = 1;
  }
  await recordActivity(tx, {
    orgId: latest.orgId,
    actorId: null,
    action: 'survey.round-opened',
    entityType: 'survey',
    entityId: id,
    after: { ...round, previousRoundId: latest.id, teamIds: teams.map((t) => t.teamId) },
  });
  const invited = await sendSurveyNotices(tx, ctx, round, 'invitation');
  return { roundsOpened: 1, closed, invited };
}
