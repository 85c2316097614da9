import { and, asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.js';
import { teamMembers, users } from '../../db/schema/index.js';
import { type TeamMemberRole } from '../../domain/vocabulary.js';
import { notFound } from '../errors.js';
import { recordActivity } from './activity.js';
import { findTeam } from './teams.js';

type Scope = { orgId: string; actorId: string };

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

export async function isTeamLead(db: Executor, orgId: string, teamId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return row?.role === 'lead';
}

/** Adds a person to a team, or changes their role there when already a member. */
export async function setMember(db: Database, scope: Scope, teamId: string, userId: string, role: TeamMemberRole) {
  return db.transaction(async (tx) => {
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
export async function updateMemberRole(db: Database, scope: Scope, teamId: string, userId: string, role: TeamMemberRole) {
  return db.transaction(async (tx) => {
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

export async function removeMember(db: Database, scope: Scope, teamId: string, userId: string) {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.orgId, scope.orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
      .returning();
    if (removed.length === 0) throw notFound('That membership', 'userId');
    await recordActivity(tx, { ...scope, action: 'team.member-removed', entityType: 'team', entityId: teamId, before: removed[0] });
  });
}
