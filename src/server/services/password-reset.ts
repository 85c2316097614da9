import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { users } from '../../db/schema/index.js';
import type { Mailer } from '../mail/mailer.js';
import { recordSecurityEvent } from './security-events.js';

/** Half an hour: long enough to find the e-mail, short enough that an old mailbox is no key. */
export const RESET_LINK_SECONDS = 30 * 60;

export interface ResetMailDeps {
  db: Database;
  mailer: Mailer;
  publicUrl: string;
}

/** The page that asks for the new password; the token is Better Auth's single-use reset token. */
export const resetLink = (publicUrl: string, token: string) => `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;

/**
 * Called by Better Auth when a reset was asked for an existing person. A deactivated person gets no
 * link. The e-mail is sent directly, not kept in the outbox, so no readable reset link sits in the
 * database; and it is not awaited, so the answer takes as long whether the address exists or not.
 */
export async function mailResetLink(deps: ResetMailDeps, userId: string, token: string): Promise<void> {
  const [person] = await deps.db
    .select({ orgId: users.orgId, email: users.email, name: users.name, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!person || person.deactivatedAt) return;
  await deps.db.transaction((tx) =>
    recordSecurityEvent(tx, {
      orgId: person.orgId,
      actorId: null,
      action: 'user.password-reset-requested',
      entityType: 'user',
      entityId: userId,
    }),
  );
  const text = [
    `Hello ${person.name},`,
    '',
    'Someone (hopefully you) asked to reset your Cairn password. Choose a new one here:',
    resetLink(deps.publicUrl, token),
    '',
    `The link works once, for ${RESET_LINK_SECONDS / 60} minutes. If you did not ask, ignore this e-mail: your password stays as it is.`,
  ].join('\n');
  void deps.mailer.send({ to: person.email, subject: 'Reset your Cairn password', text });
}

/** After Better Auth stored the new password (and ended every session of that person). */
export async function recordPasswordReset(db: Database, userId: string): Promise<void> {
  const [person] = await db.select({ orgId: users.orgId }).from(users).where(eq(users.id, userId));
  if (!person) return;
  await db.transaction((tx) =>
    recordSecurityEvent(tx, { orgId: person.orgId, actorId: userId, action: 'user.password-reset', entityType: 'user', entityId: userId }),
  );
}
