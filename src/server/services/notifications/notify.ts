import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { notificationPreferences, notifications, objectives, outbox, users } from '../../../db/schema/index.js';
import { objectiveVisibleTo, type Viewer } from '../visibility/objective-visible.js';
import { type Channel, type NotificationKind } from '../../../domain/vocabulary.js';
import type { Announcer } from '../announce.js';
import { deliverAfter } from './quiet-hours.js';
import { unsubscribeLink } from './unsubscribe.js';

export interface NotifyContext {
  publicUrl: string;
  secret: string;
  now: Date;
  /** Hears of each person notified, so their open pages refresh the bell after the commit. */
  announce?: Announcer;
}

export interface Notice {
  orgId: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  /** A path inside Cairn, e.g. /objectives/… */
  link?: string;
  entityType?: string;
  entityId?: string;
  /** Same key, same person: notified once (reminders per period, digests per week). */
  dedupeKey?: string;
  /** The objective it tells of: a person who may not read it is not told (mentioned or not). */
  objectiveId?: string;
}

/** Whether the person may read the objective: the same rule as every read (docs/visibility.md). */
async function mayRead(tx: Executor, person: Viewer, objectiveId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: objectives.id })
    .from(objectives)
    .where(and(eq(objectives.id, objectiveId), objectiveVisibleTo(person)));
  return rows.length > 0;
}

async function enabled(tx: Executor, userId: string, kind: NotificationKind, channel: Channel): Promise<boolean> {
  const [row] = await tx
    .select({ enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(
      and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind), eq(notificationPreferences.channel, channel)),
    );
  return row?.enabled ?? true;
}

/**
 * The one write path for notifications, inside the caller's transaction: the in-app row and,
 * when the person wants e-mail, an outbox e-mail with a signed unsubscribe link, delayed past
 * their quiet hours. Returns false when this dedupe key already notified them.
 */
export async function notify(tx: Executor, ctx: NotifyContext, { objectiveId, ...notice }: Notice): Promise<boolean> {
  const [person] = await tx.select().from(users).where(eq(users.id, notice.userId));
  if (!person || person.deactivatedAt) return false;
  if (objectiveId && !(await mayRead(tx, { userId: person.id, role: person.role }, objectiveId))) return false;
  const inApp = await enabled(tx, notice.userId, notice.kind, 'in_app');
  const inserted = await tx
    .insert(notifications)
    .values({ ...notice, readAt: inApp ? null : ctx.now })
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  if (inserted.length === 0) return false;
  ctx.announce?.notified(notice.userId);
  if (await enabled(tx, notice.userId, notice.kind, 'email')) {
    const link = notice.link ? `${ctx.publicUrl}${notice.link}` : ctx.publicUrl;
    const unsubscribe = unsubscribeLink(ctx.publicUrl, ctx.secret, notice.userId, notice.kind, ctx.now);
    const text = [
      notice.body ?? notice.title,
      '',
      `Open in Cairn: ${link}`,
      '',
      `Stop these e-mails (${notice.kind}): ${unsubscribe}`,
    ].join('\n');
    await tx.insert(outbox).values({
      orgId: notice.orgId,
      channel: 'email',
      recipient: person.email,
      userId: person.id,
      subject: notice.title,
      body: text,
      // Becomes the List-Unsubscribe header (RFC 8058 one-click) when the e-mail is sent.
      payload: { listUnsubscribe: unsubscribe },
      nextAttemptAt: deliverAfter(ctx.now, person.timeZone ?? 'UTC', person.quietHoursStart, person.quietHoursEnd),
      dedupeKey: notice.dedupeKey ? `email:${notice.userId}:${notice.dedupeKey}` : null,
    });
  }
  return true;
}

export async function unreadCount(tx: Executor, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), sql`${notifications.readAt} is null`));
  return row?.n ?? 0;
}
