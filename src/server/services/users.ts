import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Database, type Executor } from '../../db/database.js';
import { sessions, teamMembers, users } from '../../db/schema/index.js';
import { type Role } from '../../domain/vocabulary.js';
import { invalid, notFound, AppError } from '../errors.js';
import { recordActivity } from './activity.js';

export interface UserFields {
  name?: string;
  title?: string | null;
  role?: Role;
  managerId?: string | null;
  timeZone?: string | null;
  active?: boolean;
}

type Scope = { orgId: string; actorId: string };

export async function findUser(tx: Executor, orgId: string, id: string) {
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  return user;
}

export async function listUsers(db: Database, orgId: string) {
  const rows = await db.select().from(users).where(eq(users.orgId, orgId)).orderBy(asc(users.name));
  const memberships = await db.select().from(teamMembers).where(eq(teamMembers.orgId, orgId));
  return rows.map((user) => ({
    user,
    teams: memberships.filter((m) => m.userId === user.id).map((m) => ({ teamId: m.teamId, role: m.role })),
  }));
}

/** Walks up the manager chain from `managerId`; meeting `userId` means a reporting loop. */
async function checkManager(tx: Executor, orgId: string, userId: string, managerId: string | null | undefined) {
  if (!managerId) return;
  if (managerId === userId) throw invalid('managerId', 'A person cannot be their own manager.');
  if (!(await findUser(tx, orgId, managerId))) throw notFound('The manager', 'managerId');
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`
    with recursive up(id, manager_id, depth) as (
      select id, manager_id, 0 from ${users} where id = ${managerId} and org_id = ${orgId}
      union all
      select u.id, u.manager_id, up.depth + 1 from ${users} u join up on u.id = up.manager_id where up.depth < 100
    ) select id from up`,
  );
  if (rows.some((r) => r.id === userId))
    throw invalid('managerId', 'That would make a reporting loop: this person already manages that manager.');
}

async function ownerCount(tx: Executor, orgId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'owner'), sql`${users.deactivatedAt} is null`));
  return row?.n ?? 0;
}

export async function updateUser(db: Database, scope: Scope, id: string, fields: UserFields) {
  return db.transaction(async (tx) => {
    const before = await findUser(tx, scope.orgId, id);
    if (!before) throw notFound('The person');
    await checkManager(tx, scope.orgId, id, fields.managerId);
    const losesOwner = before.role === 'owner' && ((fields.role !== undefined && fields.role !== 'owner') || fields.active === false);
    if (losesOwner && (await ownerCount(tx, scope.orgId)) <= 1) {
      throw new AppError('conflict', 'The organisation needs at least one active owner.', [
        { field: fields.role !== undefined ? 'role' : 'active', message: 'This is the last owner.' },
      ]);
    }
    const { active, ...rest } = fields;
    const deactivatedAt = active === undefined ? undefined : active ? null : new Date();
    const [user] = await tx
      .update(users)
      .set({ ...rest, name: rest.name?.trim(), deactivatedAt })
      .where(and(eq(users.orgId, scope.orgId), eq(users.id, id)))
      .returning();
    // Deactivation ends every session at once; tokens stop working through the active-user check.
    if (active === false) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordActivity(tx, { ...scope, action: 'user.updated', entityType: 'user', entityId: id, before, after: user });
    return user!;
  });
}
