import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Database, type Executor } from '../../db/database.js';
import { objectives, teamMembers, teams } from '../../db/schema/index.js';
import { type CheckInCadence, type TeamKind } from '../../domain/vocabulary.js';
import type { Actor } from '../auth/actor.js';
import { invalid, notFound, AppError } from '../errors.js';
import { authorizeTeamChange } from '../policies/teams.js';
import { recordActivity } from './activity.js';
import { assertWebhookUrlAllowed } from './webhook-url.js';

export interface TeamFields {
  name?: string;
  description?: string | null;
  kind?: TeamKind;
  parentId?: string | null;
  checkInCadence?: CheckInCadence;
  checkInDay?: number;
  checkInHour?: number;
  webhookUrl?: string | null;
  slackChannelId?: string | null;
}

/** A webhook URL is a credential: the audit trail says whether it was set, not what it is. */
const audited = (team: typeof teams.$inferSelect | undefined) => team && { ...team, webhookUrl: team.webhookUrl ? '(set)' : null };

const scopeOf = (actor: Actor) => ({ orgId: actor.orgId, actorId: actor.userId });
/** How many objective titles a refusal names; the rest are counted. */
const NAMED_OBJECTIVES = 3;

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

export async function createTeam(db: Database, actor: Actor, fields: TeamFields & { name: string }, allowPrivateWebhooks = false) {
  authorizeTeamChange(actor);
  assertWebhookUrlAllowed(fields.webhookUrl, allowPrivateWebhooks);
  const scope = scopeOf(actor);
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

export async function updateTeam(db: Database, actor: Actor, id: string, fields: TeamFields, allowPrivateWebhooks = false) {
  authorizeTeamChange(actor);
  assertWebhookUrlAllowed(fields.webhookUrl, allowPrivateWebhooks);
  const scope = scopeOf(actor);
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

/** Refuses while the team has sub-teams or objectives: deleting must not quietly turn them into company objectives. */
export async function deleteTeam(db: Database, actor: Actor, id: string) {
  authorizeTeamChange(actor);
  const scope = scopeOf(actor);
  return db.transaction(async (tx) => {
    const before = await findTeam(tx, scope.orgId, id);
    if (!before) throw notFound('The team');
    const [child] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, scope.orgId), eq(teams.parentId, id)))
      .limit(1);
    if (child) throw new AppError('conflict', 'Move or delete its sub-teams first.', [{ field: 'id', message: 'The team has sub-teams.' }]);
    await refuseWhileItHasObjectives(tx, scope.orgId, id);
    await tx.delete(teams).where(and(eq(teams.orgId, scope.orgId), eq(teams.id, id)));
    await recordActivity(tx, { ...scope, action: 'team.deleted', entityType: 'team', entityId: id, before: audited(before) });
  });
}

export async function refuseWhileItHasObjectives(tx: Executor, orgId: string, teamId: string) {
  const owned = await tx
    .select({ title: objectives.title, total: sql<number>`count(*) over ()::int` })
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), eq(objectives.teamId, teamId)))
    .orderBy(asc(objectives.title))
    .limit(NAMED_OBJECTIVES);
  if (owned.length === 0) return;
  const total = owned[0]!.total;
  const named = owned.map((o) => `“${o.title}”`).join(', ');
  const more = total > owned.length ? ` and ${total - owned.length} more` : '';
  const message = `The team has ${total} objective${total === 1 ? '' : 's'}: ${named}${more}. Move ${total === 1 ? 'it' : 'them'} to another team or delete ${total === 1 ? 'it' : 'them'} first.`;
  throw new AppError('conflict', message, [{ field: 'id', message }]);
}
