import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { notifications } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { writeAndAnnounce } from '../announce.js';
import type { ServiceDeps } from '../okrs/deps.js';
import { unreadCount } from './notify.js';

/*
 * A person's notification centre. Marking read is their own reading state, not a change to the
 * organisation's data, so it records no activity (the audit trail would drown in it). Their other
 * open tabs hear of it after commit, through the announcer like every notified change.
 */
type Reader = { orgId: string; userId: string };

export interface NotificationPage {
  items: (typeof notifications.$inferSelect)[];
  unread: number;
  nextBefore: string | null;
}

/** Mine, newest first; `before` is the id of the last one already shown. */
export async function listNotifications(tx: Executor, userId: string, page: { before?: string; limit: number }): Promise<NotificationPage> {
  const cursor = page.before
    ? sql`(${notifications.createdAt}, ${notifications.id}) < (select p.created_at, p.id from notifications p where p.id = ${page.before} and p.user_id = ${userId})`
    : undefined;
  const rows = await tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), cursor))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  return { items, unread: await unreadCount(tx, userId), nextBefore: rows.length > page.limit ? items[items.length - 1]!.id : null };
}

/** Marks one of mine read (again: harmless); someone else's is a 404. Returns what is still unread. */
export async function markRead(deps: ServiceDeps, { orgId, userId }: Reader, id: string): Promise<number> {
  const now = deps.clock();
  return writeAndAnnounce(deps, orgId, async (tx, announce) => {
    const [row] = await tx
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
    if (!row) throw notFound('The notification');
    if (!row.readAt) await tx.update(notifications).set({ readAt: now }).where(eq(notifications.id, id));
    announce.notified(userId);
    return unreadCount(tx, userId);
  });
}

export async function markAllRead(deps: ServiceDeps, { orgId, userId }: Reader): Promise<void> {
  const now = deps.clock();
  await writeAndAnnounce(deps, orgId, async (tx, announce) => {
    await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    announce.notified(userId);
  });
}
