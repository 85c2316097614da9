import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { pilotTeams, surveyTeams, teamMembers, teams, users } from '../../../db/schema/index.js';
import type { SurveyScope } from '../../../domain/vocabulary.js';

interface SurveyFacts {
  id: string;
  orgId: string;
  scope: SurveyScope;
}

/** The chosen teams and every team below them: a department in scope takes its teams along. */
export async function teamsWithDescendants(tx: Executor, orgId: string, roots: readonly string[]): Promise<string[]> {
  const all = await tx.select({ id: teams.id, parentId: teams.parentId }).from(teams).where(eq(teams.orgId, orgId));
  const children = new Map<string, string[]>();
  for (const t of all) if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  const found = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...found];
}

/** The pilot's teams with their sub-teams; empty when no pilot is set. */
export async function pilotTeamIds(tx: Executor, orgId: string): Promise<string[]> {
  const rows = await tx.select({ teamId: pilotTeams.teamId }).from(pilotTeams).where(eq(pilotTeams.orgId, orgId));
  return rows.length === 0
    ? []
    : teamsWithDescendants(
        tx,
        orgId,
        rows.map((r) => r.teamId),
      );
}

/** The teams a survey reaches, or null for everyone. */
export async function surveyTeamIds(tx: Executor, survey: SurveyFacts): Promise<string[] | null> {
  if (survey.scope === 'everyone') return null;
  if (survey.scope === 'pilot') return pilotTeamIds(tx, survey.orgId);
  const chosen = await tx
    .select({ teamId: surveyTeams.teamId })
    .from(surveyTeams)
    .where(and(eq(surveyTeams.orgId, survey.orgId), eq(surveyTeams.surveyId, survey.id)));
  return teamsWithDescendants(
    tx,
    survey.orgId,
    chosen.map((r) => r.teamId),
  );
}

/** Active people the survey is sent to. */
export async function surveyRecipients(tx: Executor, survey: SurveyFacts): Promise<string[]> {
  const teamIds = await surveyTeamIds(tx, survey);
  if (teamIds === null) {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, survey.orgId), isNull(users.deactivatedAt)));
    return rows.map((r) => r.id);
  }
  if (teamIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ id: users.id })
    .from(teamMembers)
    .innerJoin(users, and(eq(users.orgId, teamMembers.orgId), eq(users.id, teamMembers.userId)))
    .where(and(eq(teamMembers.orgId, survey.orgId), inArray(teamMembers.teamId, teamIds), isNull(users.deactivatedAt)));
  return rows.map((r) => r.id);
}

/**
 * The one group a respondent's answers count towards: their first team inside the survey's scope (by name, so it is
 * stable), or none. Only this team id is stored with the response.
 */
export async function respondentTeam(tx: Executor, orgId: string, userId: string, inScope: string[] | null): Promise<string | null> {
  const rows = await tx
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teams, and(eq(teams.orgId, teamMembers.orgId), eq(teams.id, teamMembers.teamId)))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.userId, userId)))
    .orderBy(asc(teams.name), asc(teams.id));
  const eligible = inScope === null ? rows : rows.filter((r) => inScope.includes(r.teamId));
  return eligible[0]?.teamId ?? null;
}
