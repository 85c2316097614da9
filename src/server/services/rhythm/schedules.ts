import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { organizations, teamMembers, teams, users } from '../../../db/schema/index.js';
import { COMPANY_SCHEDULE, type Schedule } from './schedule.js';
import { resolveRhythm, type ResolvedRhythm } from './settings.js';

/** A group of key results that fall due together: one team's, or the company's (objectives without a team). */
export interface CheckInGroup {
  orgId: string;
  /** null for the company group. */
  teamId: string | null;
  name: string;
  webhookUrl: string | null;
  /** The team's Slack channel for its digest and wins (Slack app); null for the company group. */
  slackChannelId: string | null;
  schedule: Schedule;
  rhythm: ResolvedRhythm;
}

/** `reminder:<teamId|company>:…` in notification keys; orgs never share a person, so "company" suffices there. */
export const groupLabel = (group: Pick<CheckInGroup, 'teamId'>) => group.teamId ?? 'company';

/** Unique across organisations, for job_runs period keys. */
export const groupKey = (group: Pick<CheckInGroup, 'teamId' | 'orgId'>) =>
  group.teamId ? `team:${group.teamId}` : `company:${group.orgId}`;

/** Every check-in group of one organisation, or of all of them (the ticker serves the whole instance). */
export async function checkInGroups(db: Executor, orgId?: string): Promise<CheckInGroup[]> {
  const orgs = await db
    .select()
    .from(organizations)
    .where(orgId ? eq(organizations.id, orgId) : undefined);
  const teamRows = await db
    .select()
    .from(teams)
    .where(orgId ? eq(teams.orgId, orgId) : undefined);
  const groups: CheckInGroup[] = [];
  for (const org of orgs) {
    const rhythm = resolveRhythm(org.settings.rhythm);
    groups.push({
      orgId: org.id,
      teamId: null,
      name: org.name,
      webhookUrl: null,
      slackChannelId: null,
      schedule: { ...COMPANY_SCHEDULE, timeZone: org.timeZone },
      rhythm,
    });
    for (const team of teamRows.filter((t) => t.orgId === org.id)) {
      groups.push({
        orgId: org.id,
        teamId: team.id,
        name: team.name,
        webhookUrl: team.webhookUrl,
        slackChannelId: team.slackChannelId,
        schedule: { cadence: team.checkInCadence, day: team.checkInDay, hour: team.checkInHour, timeZone: org.timeZone },
        rhythm,
      });
    }
  }
  return groups;
}

/** Active leads of the given teams (or of every team of the organisation), with the teams each leads. */
export async function teamLeads(db: Executor, orgId: string, teamIds?: string[]) {
  if (teamIds?.length === 0) return [];
  return db
    .select({ userId: users.id, name: users.name, role: users.role, teamId: teams.id, teamName: teams.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(
      and(
        eq(teamMembers.orgId, orgId),
        eq(teamMembers.role, 'lead'),
        isNull(users.deactivatedAt),
        teamIds ? inArray(teamMembers.teamId, teamIds) : undefined,
      ),
    )
    .orderBy(users.name, teams.name);
}

/** Active owners and admins: who hears of missing company-level check-ins, which have no team lead. */
export function organizationAdmins(db: Executor, orgId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.role, ['owner', 'admin']), isNull(users.deactivatedAt)))
    .orderBy(users.name);
}
