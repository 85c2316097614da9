import { and, eq, inArray } from 'drizzle-orm';
import { organizations, surveyQuestions, surveyTeams, surveys, teams } from '../../../db/schema/index.js';
import { addDays } from '../../../domain/dates.js';
import type { SurveyTheme } from '../../../domain/surveys/templates.js';
import type { SurveyQuestionKind, SurveySchedule, SurveyScope } from '../../../domain/vocabulary.js';
import type { Actor } from '../../auth/actor.js';
import { todayIn } from '../../clock.js';
import { invalid, notFound } from '../../errors.js';
import { authorizeSurveyManagement } from '../../policies/rollout.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { noticesFor, scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { endedThrough } from '../../../domain/surveys/rounds.js';
import { cycleEndsOf } from './cycle-ends.js';
import { sendSurveyNotices } from './survey-notices.js';

export interface SurveyInput {
  title: string;
  questions: { kind: SurveyQuestionKind; text: string; theme?: SurveyTheme | null }[];
  scope: SurveyScope;
  teamIds?: string[];
  schedule?: SurveySchedule;
  /** Last day answers are taken (organisation time zone); two weeks from today when left out. */
  closesOn?: string;
}

const DEFAULT_OPEN_DAYS = 14;

/** Creates a survey round and tells everyone in its scope; a team of another organisation is "not found". */
export async function createSurvey(deps: ServiceDeps, actor: Actor, input: SurveyInput) {
  authorizeSurveyManagement(actor);
  if (input.scope === 'teams' && (input.teamIds ?? []).length === 0) throw invalid('teamIds', 'Choose at least one team.');
  if (input.scope !== 'teams' && (input.teamIds ?? []).length > 0) throw invalid('teamIds', 'Teams are chosen only with scope "teams".');
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, actor.orgId));
    const today = todayIn(org?.timeZone ?? 'UTC', deps.clock());
    const closesOn = input.closesOn ?? addDays(today, DEFAULT_OPEN_DAYS - 1);
    if (closesOn < today) throw invalid('closesOn', 'A survey cannot close before today.');
    const teamIds = [...new Set(input.teamIds ?? [])];
    if (teamIds.length > 0) {
      const found = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.orgId, actor.orgId), inArray(teams.id, teamIds)));
      if (found.length !== teamIds.length) throw notFound('A team of this survey', 'teamIds');
    }
    const id = crypto.randomUUID();
    const schedule = input.schedule ?? 'once';
    // An end-of-cycle series starting while a cycle is in review counts this first round as that cycle's.
    const cycleEndCovered =
      schedule === 'cycle_end' ? endedThrough((await cycleEndsOf(tx, [actor.orgId])).get(actor.orgId) ?? [], today) : null;
    const [survey] = await tx
      .insert(surveys)
      .values({
        id,
        orgId: actor.orgId,
        seriesId: id,
        title: input.title,
        scope: input.scope,
        schedule,
        opensOn: today,
        closesOn,
        cycleEndCovered,
        createdBy: actor.userId,
      })
      .returning();
    await tx.insert(surveyQuestions).values(
      input.questions.map((q, position) => ({
        orgId: actor.orgId,
        surveyId: id,
        position,
        kind: q.kind,
        text: q.text,
        theme: q.theme ?? null,
      })),
    );
    if (teamIds.length > 0) await tx.insert(surveyTeams).values(teamIds.map((teamId) => ({ orgId: actor.orgId, surveyId: id, teamId })));
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'survey.created',
      entityType: 'survey',
      entityId: id,
      after: { ...survey, teamIds },
    });
    const notices = noticesFor(deps, announce);
    if (notices) await sendSurveyNotices(tx, notices, survey!, 'invitation');
    return survey!;
  });
}
