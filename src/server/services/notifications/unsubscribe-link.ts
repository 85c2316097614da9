import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { users } from '../../../db/schema/index.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../domain/vocabulary.js';
import { forbidden, notFound } from '../../errors.js';
import { recordActivity } from '../activity.js';
import { setPreference } from './preferences.js';
import { verifyUnsubscribe, type UnsubscribeLinkParts } from './unsubscribe.js';

const isKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** The kind a link names, once its signature and expiry hold; refuses it (403) otherwise. */
export function checkedKind(secret: string, link: UnsubscribeLinkParts, now: Date): NotificationKind {
  const verdict = verifyUnsubscribe(secret, link, now);
  if (verdict === 'expired')
    throw forbidden('This unsubscribe link has expired. Change your e-mail settings in Cairn instead (Notifications).');
  if (verdict !== 'valid' || !isKind(link.k))
    throw forbidden('This unsubscribe link is not valid: it may have been altered. Change your e-mail settings in Cairn instead.');
  return link.k;
}

/** A person's name for the confirmation page, once the link holds. */
export async function unsubscribeTarget(db: Database, secret: string, link: UnsubscribeLinkParts, now: Date) {
  const kind = checkedKind(secret, link, now);
  const [person] = await db.select({ name: users.name }).from(users).where(eq(users.id, link.u));
  if (!person) throw notFound('The person');
  return { kind, name: person.name };
}

/**
 * Follows a signed unsubscribe link: turns e-mail off for that person and kind. The link works
 * signed out (it arrives by e-mail), so the signature is the only authority: a link altered in
 * any part is refused before anything is read or written.
 */
export async function unsubscribeByLink(
  db: Database,
  secret: string,
  link: UnsubscribeLinkParts,
  now: Date,
): Promise<{ kind: NotificationKind; name: string }> {
  const kind = checkedKind(secret, link, now);
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: users.id, orgId: users.orgId, name: users.name }).from(users).where(eq(users.id, link.u));
    if (!person) throw notFound('The person');
    await setPreference(tx, person.orgId, person.id, { kind, channel: 'email', enabled: false });
    await recordActivity(tx, {
      orgId: person.orgId,
      actorId: person.id,
      action: 'notification.unsubscribed',
      entityType: 'user',
      entityId: person.id,
      after: { kind, channel: 'email' },
    });
    return { kind, name: person.name };
  });
}
