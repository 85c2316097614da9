import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Database, type Executor } from '../../db/database.js';
import { apiTokens, checkIns, sessions, teamMembers, users } from '../../db/schema/index.js';
import { type Role } from '../../domain/vocabulary.js';
import { actorIdOf, SYSTEM, type Writer } from '../auth/actor.js';
import { invalid, notFound, AppError, forbidden } from '../errors.js';
import { authorizeUserChange } from '../policies/users.js';
import { recordActivity } from './activity.js';

export interface UserFields {
  name?: string;
  title?: string | null;
  role?: Role;
  managerId?: string | null;
  timeZone?: string | null;
  active?: boolean;
}

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

/**
 * Changes a person. The writer is the signed-in actor (authorized here, against the row loaded under
 * the same transaction) or the system (the operator's CLI, SCIM: trusted and recorded as nobody, under
 * `recordedAs` in the audit log). Given an open transaction it joins it (as a savepoint).
 */
export async function updateUser(db: Executor, writer: Writer, orgId: string, id: string, fields: UserFields, recordedAs?: string) {
  return db.transaction(async (tx) => {
    const before = await findUser(tx, orgId, id);
    if (!before) throw notFound('The person');
    if (writer !== SYSTEM) {
      if (writer.orgId !== orgId) throw forbidden();
      authorizeUserChange(writer, before, fields);
    }
    await checkManager(tx, orgId, id, fields.managerId);
    const losesOwner = before.role === 'owner' && ((fields.role !== undefined && fields.role !== 'owner') || fields.active === false);
    if (losesOwner && (await ownerCount(tx, orgId)) <= 1) {
      throw new AppError('conflict', 'The organisation needs at least one active owner.', [
        { field: fields.role !== undefined ? 'role' : 'active', message: 'This is the last owner.' },
      ]);
    }
    const { active, ...rest } = fields;
    const deactivatedAt = active === undefined ? undefined : active ? null : new Date();
    const [user] = await tx
      .update(users)
      .set({ ...rest, name: rest.name?.trim(), deactivatedAt })
      .where(and(eq(users.orgId, orgId), eq(users.id, id)))
      .returning();
    if (active === false) {
      // Deactivation ends every session at once and revokes every token for good: reactivating must not revive them.
      await tx.delete(sessions).where(eq(sessions.userId, id));
      await tx
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, id), isNull(apiTokens.revokedAt)));
    }
    await recordActivity(tx, {
      orgId,
      actorId: actorIdOf(writer),
      actorName: recordedAs,
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      before,
      after: user,
    });
    return user!;
  });
}

/** Whether the person has ever checked in: until then Home explains the weekly loop. */
export async function hasCheckedIn(db: Executor, orgId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.authorId, userId)))
    .limit(1);
  return row !== undefined;
}
