import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { teamMembers, teams, users } from '../../../db/schema/index.js';

/** Active leads of the given teams (or of every team of the organisation), with the teams each leads. */
export async function teamLeads(db: Executor, orgId: string, teamIds?: string[]) {
  if (teamIds?.length === 0) return [];
  return db
    .select({ userId: users.id, name: users.name, teamId: teams.id, teamName: teams.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.role, 'lead'), isNull(users.deactivatedAt), teamIds ? inArray(teamMembers.teamId, teamIds) : undefined))
    .orderBy(users.name, teams.name);
}
