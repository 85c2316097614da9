import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { kpis, organizations, teamMembers, teams, users } from '../../../db/schema/index.js';
import type { TeamMemberRole } from '../../../domain/vocabulary.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import type { KpiRelation } from '../../policies/kpis.js';

export type KpiRow = typeof kpis.$inferSelect;

/** A KPI with the organisation's time zone and the actor's relation to it, in one statement (404 outside the organisation). */
export async function loadKpiFor(tx: Executor, actor: Actor, kpiId: string, field?: string) {
  const [row] = await tx
    .select({
      kpi: kpis,
      timeZone: organizations.timeZone,
      teamRole: sql<TeamMemberRole | null>`(select tm.role from team_members tm where tm.team_id = ${kpis.teamId} and tm.user_id = ${actor.userId})`,
    })
    .from(kpis)
    .innerJoin(organizations, eq(organizations.id, kpis.orgId))
    .where(and(eq(kpis.orgId, actor.orgId), eq(kpis.id, kpiId)));
  if (!row) throw notFound('The KPI', field);
  const relation: KpiRelation = { owns: row.kpi.ownerId === actor.userId, teamRole: row.teamRole };
  return { kpi: row.kpi, timeZone: row.timeZone, relation };
}

/** The actor's role in a team, and whether the team exists in the organisation (404 naming teamId otherwise). */
export async function roleInTeam(tx: Executor, actor: Actor, teamId: string | null): Promise<TeamMemberRole | null> {
  if (!teamId) return null;
  const [team] = await tx
    .select({ role: teamMembers.role })
    .from(teams)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, teams.id), eq(teamMembers.userId, actor.userId)))
    .where(and(eq(teams.orgId, actor.orgId), eq(teams.id, teamId)));
  if (!team) throw notFound('The team', 'teamId');
  return team.role;
}

/** The owner must be a person of the organisation (404 naming ownerId otherwise). */
export async function checkKpiOwner(tx: Executor, orgId: string, ownerId: string | null) {
  if (!ownerId) return;
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, ownerId)));
  if (!row) throw notFound('The person', 'ownerId');
}
