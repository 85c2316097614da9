import { and, asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.js';
import { teamMembers, users } from '../../db/schema/index.js';
import { type TeamMemberRole } from '../../domain/vocabulary.js';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import type { ActorTeams } from '../policies/objectives.js';
import { authorizeMembersChange } from '../policies/teams.js';
import { recordActivity } from './activity.js';
import { findTeam } from './teams.js';

type Scope = { orgId: string; actorId: string };

/** Loads the facts the membership rule needs inside the write, and applies it. */
async function authorizedScope(tx: Executor, actor: Actor, teamId: string): Promise<Scope> {
  authorizeMembersChange(actor, { leadsTeam: await isTeamLead(tx, actor.orgId, teamId, actor.userId) });
  return { orgId: actor.orgId, actorId: actor.userId };
}

export async function listMembers(db: Executor, orgId: string, teamId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      title: users.title,
      role: teamMembers.role,
      joinedAt: teamMembers.createdAt,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId)))
    .orderBy(asc(users.name));
}

/** The teams `userId` leads, for the abilities of a list of teams. */
export async function teamsLedBy(db: Executor, orgId: string, userId: string): Promise<Set<string>> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.userId, userId), eq(teamMembers.role, 'lead')));
  return new Set(rows.map((r) => r.teamId));
}

export async function isTeamLead(db: Executor, orgId: string, teamId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return row?.role === 'lead';
}

/** Adds a person to a team, or changes their role there when already a member. */
export async function setMember(db: Database, actor: Actor, teamId: string, userId: string, role: TeamMemberRole) {
  return db.transaction(async (tx) => {
    const scope = await authorizedScope(tx, actor, teamId);
    if (!(await findTeam(tx, scope.orgId, teamId))) throw notFound('The team');
    const [person] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, scope.orgId), eq(users.id, userId)));
    if (!person) throw notFound('The person', 'userId');
    const [row] = await tx
      .insert(teamMembers)
      .values({ orgId: scope.orgId, teamId, userId, role })
      .onConflictDoUpdate({ target: [teamMembers.teamId, teamMembers.userId], set: { role } })
      .returning();
    await recordActivity(tx, { ...scope, action: 'team.member-set', entityType: 'team', entityId: teamId, after: { userId, role } });
    return row!;
  });
}

/** Changes the role of an existing member; someone who is not in the team is a 404, not an addition. */
export async function updateMemberRole(db: Database, actor: Actor, teamId: string, userId: string, role: TeamMemberRole) {
  return db.transaction(async (tx) => {
    const scope = await authorizedScope(tx, actor, teamId);
    const [row] = await tx
      .update(teamMembers)
      .set({ role })
      .where(and(eq(teamMembers.orgId, scope.orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
      .returning();
    if (!row) throw notFound('That membership', 'userId');
    await recordActivity(tx, { ...scope, action: 'team.member-set', entityType: 'team', entityId: teamId, after: { userId, role } });
    return row;
  });
}

export async function removeMember(db: Database, actor: Actor, teamId: string, userId: string) {
  return db.transaction(async (tx) => {
    const scope = await authorizedScope(tx, actor, teamId);
    const removed = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.orgId, scope.orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
      .returning();
    if (removed.length === 0) throw notFound('That membership', 'userId');
    await recordActivity(tx, { ...scope, action: 'team.member-removed', entityType: 'team', entityId: teamId, before: removed[0] });
  });
}

/** The person's teams and their role in each, for what they may do there. */
export async function teamRolesOf(db: Executor, orgId: string, userId: string): Promise<ActorTeams> {
  const rows = await db
    .select({ teamId: teamMembers.teamId, role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.userId, userId)));
  return new Map(rows.map((m) => [m.teamId, m.role]));
}
