import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { scimGroups, teamMembers, teams, users } from '../../../db/schema/index.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { recordActivity } from '../activity.js';
import { refuseWhileItHasObjectives } from '../teams.js';
import { SCIM_ACTOR } from './scim-people.js';

/** What an identity provider says about a group: a Cairn team and exactly these people in it. */
export interface ProvisionedGroup {
  name: string;
  memberIds: string[];
  externalId?: string | null;
}

export interface ScimTeam {
  team: typeof teams.$inferSelect;
  externalId: string | null;
  members: { id: string; name: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every team of the organisation is a SCIM group, with its members (leads included). */
export async function listScimTeams(db: Executor, orgId: string, id?: string): Promise<ScimTeam[]> {
  // Team ids are UUIDs; anything else names no team (and must not reach the database as one).
  if (id !== undefined && !UUID.test(id)) return [];
  const rows = await db
    .select({ team: teams, externalId: scimGroups.externalId })
    .from(teams)
    .leftJoin(scimGroups, and(eq(scimGroups.orgId, teams.orgId), eq(scimGroups.teamId, teams.id)))
    .where(id === undefined ? eq(teams.orgId, orgId) : and(eq(teams.orgId, orgId), eq(teams.id, id)))
    .orderBy(asc(teams.createdAt));
  const members = await db
    .select({ teamId: teamMembers.teamId, id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, and(eq(users.orgId, teamMembers.orgId), eq(users.id, teamMembers.userId)))
    .where(id === undefined ? eq(teamMembers.orgId, orgId) : and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, id)));
  return rows.map((row) => ({
    ...row,
    members: members.filter((m) => m.teamId === row.team.id).map(({ id: memberId, name }) => ({ id: memberId, name })),
  }));
}

export async function findScimTeam(db: Executor, orgId: string, id: string): Promise<ScimTeam> {
  const [team] = await listScimTeams(db, orgId, id);
  if (!team) throw notFound('The group');
  return team;
}

const audit = (orgId: string, teamId: string) => ({ orgId, actorId: null, actorName: SCIM_ACTOR, entityType: 'team', entityId: teamId });

/** A member the organisation does not have is refused whole, before anything is written. */
async function checkMembers(tx: Executor, orgId: string, memberIds: string[]) {
  if (memberIds.length === 0) return;
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, memberIds)));
  const known = new Set(found.map((row) => row.id));
  const missing = memberIds.find((id) => !known.has(id));
  if (missing) throw invalid('members', `No user with id ${missing} in this organisation.`);
}

/** Makes the team's members exactly `memberIds`: adds the missing ones as members, removes the others. */
async function syncMembers(tx: Executor, orgId: string, teamId: string, memberIds: string[]) {
  const wanted = new Set(memberIds);
  const current = await tx
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId)));
  const present = new Set(current.map((row) => row.userId));
  for (const userId of wanted) {
    if (present.has(userId)) continue;
    await tx.insert(teamMembers).values({ orgId, teamId, userId, role: 'member' });
    await recordActivity(tx, { ...audit(orgId, teamId), action: 'team.member-set', after: { userId, role: 'member' } });
  }
  for (const userId of present) {
    if (wanted.has(userId)) continue;
    await tx.delete(teamMembers).where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
    await recordActivity(tx, { ...audit(orgId, teamId), action: 'team.member-removed', before: { userId } });
  }
}

export async function provisionTeam(db: Database, orgId: string, group: ProvisionedGroup): Promise<ScimTeam> {
  return db.transaction(async (tx) => {
    await checkMembers(tx, orgId, group.memberIds);
    const [team] = await tx.insert(teams).values({ orgId, name: group.name.trim() }).returning();
    await tx.insert(scimGroups).values({ orgId, teamId: team!.id, externalId: group.externalId ?? null });
    await recordActivity(tx, { ...audit(orgId, team!.id), action: 'team.created', after: { name: team!.name } });
    await syncMembers(tx, orgId, team!.id, group.memberIds);
    return findScimTeam(tx, orgId, team!.id);
  });
}

/** PUT, or PATCH once applied: the name and the whole member list, in one transaction. */
export async function reprovisionTeam(db: Database, orgId: string, id: string, group: ProvisionedGroup): Promise<ScimTeam> {
  return db.transaction(async (tx) => {
    const before = await findScimTeam(tx, orgId, id);
    await checkMembers(tx, orgId, group.memberIds);
    const name = group.name.trim();
    if (name !== before.team.name) {
      await tx
        .update(teams)
        .set({ name })
        .where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
      await recordActivity(tx, { ...audit(orgId, id), action: 'team.updated', before: { name: before.team.name }, after: { name } });
    }
    const externalId = group.externalId ?? before.externalId ?? null;
    await tx
      .insert(scimGroups)
      .values({ orgId, teamId: id, externalId })
      .onConflictDoUpdate({ target: [scimGroups.orgId, scimGroups.teamId], set: { externalId } });
    await syncMembers(tx, orgId, id, group.memberIds);
    return findScimTeam(tx, orgId, id);
  });
}

/** Same rule as the Teams page: a team with sub-teams or objectives is not deleted under them. */
export async function deprovisionTeam(db: Database, orgId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findScimTeam(tx, orgId, id);
    const [child] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, orgId), eq(teams.parentId, id)))
      .limit(1);
    if (child)
      throw new AppError('conflict', 'Move or delete its sub-teams in Cairn first.', [{ field: 'id', message: 'The team has sub-teams.' }]);
    await refuseWhileItHasObjectives(tx, orgId, id);
    await tx.delete(teams).where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
    await recordActivity(tx, { ...audit(orgId, id), action: 'team.deleted', before: { name: before.team.name } });
  });
}
