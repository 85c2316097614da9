import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { accounts, sessions } from '../../db/schema/index.js';
import { actorIdOf, type Actor, type Writer } from '../auth/actor.js';
import { assertPasswordAllowed } from '../auth/password-rules.js';
import { invalid, notFound } from '../errors.js';
import { authorizeOwnPasswordChange } from '../policies/users.js';
import { recordActivity } from './activity.js';

const credentialOf = (userId: string) => and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential'));

/**
 * The one way a password changes (the HTTP route and `cairn user set-password`): Cairn's password rule,
 * a Better Auth hash, every other session of that person signed out and the activity recorded, together.
 */
export async function setPassword(
  db: Database,
  writer: Writer,
  target: { orgId: string; userId: string },
  newPassword: string,
  keepSessionId?: string,
): Promise<void> {
  assertPasswordAllowed(newPassword, 'newPassword');
  const hash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const changed = await tx.update(accounts).set({ password: hash, updatedAt: new Date() }).where(credentialOf(target.userId)).returning();
    if (changed.length === 0) throw notFound('A password login for this person');
    const others = keepSessionId
      ? and(eq(sessions.userId, target.userId), ne(sessions.id, keepSessionId))
      : eq(sessions.userId, target.userId);
    await tx.delete(sessions).where(others);
    await recordActivity(tx, {
      orgId: target.orgId,
      actorId: actorIdOf(writer),
      action: 'user.password-changed',
      entityType: 'user',
      entityId: target.userId,
    });
  });
}

/** Changing one's own password needs the current one; the session in use stays signed in. */
export async function changeOwnPassword(db: Database, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  authorizeOwnPasswordChange(actor);
  if (newPassword === currentPassword) throw invalid('newPassword', 'Choose a password other than the current one.');
  const [account] = await db.select({ password: accounts.password }).from(accounts).where(credentialOf(actor.userId));
  if (!account?.password || !(await verifyPassword({ hash: account.password, password: currentPassword })))
    throw invalid('currentPassword', 'That is not your current password.');
  await setPassword(db, actor, { orgId: actor.orgId, userId: actor.userId }, newPassword, actor.sessionId);
}
