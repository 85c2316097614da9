import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Database, type Executor } from '../../db/database.js';
import { teamMembers, teams } from '../../db/schema/index.js';
import { type CheckInCadence, type TeamKind } from '../../domain/vocabulary.js';
import { invalid, notFound, AppError } from '../errors.js';
import { recordActivity } from './activity.js';

export interface TeamFields {
  name?: string;
  description?: string | null;
  kind?: TeamKind;
  parentId?: string | null;
  checkInCadence?: CheckInCadence;
  checkInDay?: number;
  checkInHour?: number;
  webhookUrl?: string | null;
}

/** A webhook URL is a credential: the audit trail says whether it was set, not what it is. */
const audited = (team: typeof teams.$inferSelect | undefined) => team && { ...team, webhookUrl: team.webhookUrl ? '(set)' : null };

type Scope = { orgId: string; actorId: string };

export async function findTeam(tx: Executor, orgId: string, id: string) {
  const [team] = await tx
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
  return team;
}

/** The ids of `teamId` and every team above it, nearest first. */
async function ancestorsOf(tx: Executor, orgId: string, teamId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from ${teams} where id = ${teamId} and org_id = ${orgId}
      union all
      select t.id, t.parent_id, up.depth + 1 from ${teams} t join up on t.id = up.parent_id where up.depth < 100
    )
    select id from up order by depth`,
  );
  return rows.map((r) => r.id);
}

async function checkParent(tx: Executor, orgId: string, teamId: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  if (!(await findTeam(tx, orgId, parentId))) throw notFound('The parent team', 'parentId');
  if (teamId && (await ancestorsOf(tx, orgId, parentId)).includes(teamId)) {
    throw invalid('parentId', 'A team cannot sit under itself or one of its own sub-teams.');
  }
}

export async function listTeams(db: Database, orgId: string) {
  return db
    .select({ team: teams, memberCount: sql<number>`(select count(*)::int from ${teamMembers} m where m.team_id = ${teams.id})` })
    .from(teams)
    .where(eq(teams.orgId, orgId))
    .orderBy(asc(teams.name));
}

export async function createTeam(db: Database, scope: Scope, fields: TeamFields & { name: string }) {
  return db.transaction(async (tx) => {
    await checkParent(tx, scope.orgId, null, fields.parentId);
    const [team] = await tx
      .insert(teams)
      .values({ ...fields, name: fields.name.trim(), orgId: scope.orgId })
      .returning();
    await recordActivity(tx, { ...scope, action: 'team.created', entityType: 'team', entityId: team!.id, after: audited(team) });
    return team!;
  });
}

export async function updateTeam(db: Database, scope: Scope, id: string, fields: TeamFields) {
  return db.transaction(async (tx) => {
    const before = await findTeam(tx, scope.orgId, id);
    if (!before) throw notFound('The team');
    if (fields.parentId !== undefined) await checkParent(tx, scope.orgId, id, fields.parentId);
    const [team] = await tx
      .update(teams)
      .set({ ...fields, name: fields.name?.trim() })
      .where(and(eq(teams.orgId, scope.orgId), eq(teams.id, id)))
      .returning();
    await recordActivity(tx, {
      ...scope,
      action: 'team.updated',
      entityType: 'team',
      entityId: id,
      before: audited(before),
      after: audited(team),
    });
    return team!;
  });
}

export async function deleteTeam(db: Database, scope: Scope, id: string) {
  return db.transaction(async (tx) => {
    const before = await findTeam(tx, scope.orgId, id);
    if (!before) throw notFound('The team');
    const [child] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, scope.orgId), eq(teams.parentId, id)))
      .limit(1);
    if (child) throw new AppError('conflict', 'Move or delete its sub-teams first.', [{ field: 'id', message: 'The team has sub-teams.' }]);
    await tx.delete(teams).where(and(eq(teams.orgId, scope.orgId), eq(teams.id, id)));
    await recordActivity(tx, { ...scope, action: 'team.deleted', entityType: 'team', entityId: id, before: audited(before) });
  });
}
