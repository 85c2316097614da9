import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { notificationPreferences, users } from '../../../db/schema/index.js';
import { CHANNELS, NOTIFICATION_KINDS, type Channel, type NotificationKind } from '../../../domain/vocabulary.js';
import { notFound } from '../../errors.js';
import { recordActivity } from '../activity.js';
import type { Scope } from '../scope.js';

export interface Preference {
  kind: NotificationKind;
  channel: Channel;
  enabled: boolean;
}

export interface QuietHours {
  start: number | null;
  end: number | null;
}

/** Every kind × channel, with the default (on) where the person chose nothing. */
export async function preferencesOf(tx: Executor, userId: string): Promise<Preference[]> {
  const rows = await tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return NOTIFICATION_KINDS.flatMap((kind) =>
    CHANNELS.map((channel) => ({ kind, channel, enabled: rows.find((r) => r.kind === kind && r.channel === channel)?.enabled ?? true })),
  );
}

export async function quietHoursOf(tx: Executor, orgId: string, userId: string): Promise<QuietHours & { timeZone: string | null }> {
  const [user] = await tx
    .select({ start: users.quietHoursStart, end: users.quietHoursEnd, timeZone: users.timeZone, orgId: users.orgId })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.orgId !== orgId) throw notFound('The person');
  return { start: user.start, end: user.end, timeZone: user.timeZone };
}

/** Replaces the person's choices: what is listed is stored, anything left out is back to on. */
export async function replacePreferences(db: Database, scope: Scope, choices: Preference[]): Promise<Preference[]> {
  return db.transaction(async (tx) => {
    const before = await preferencesOf(tx, scope.actorId);
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, scope.actorId));
    const unique = new Map(choices.map((c) => [`${c.kind}:${c.channel}`, c]));
    if (unique.size > 0)
      await tx
        .insert(notificationPreferences)
        .values([...unique.values()].map((c) => ({ ...c, orgId: scope.orgId, userId: scope.actorId })));
    const after = await preferencesOf(tx, scope.actorId);
    await recordActivity(tx, {
      ...scope,
      action: 'notification.preferences-updated',
      entityType: 'user',
      entityId: scope.actorId,
      before,
      after,
    });
    return after;
  });
}

/** Sets one choice (the unsubscribe link's e-mail off), leaving the others as they are. */
export async function setPreference(tx: Executor, orgId: string, userId: string, choice: Preference): Promise<void> {
  await tx
    .insert(notificationPreferences)
    .values({ ...choice, orgId, userId })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind, notificationPreferences.channel],
      set: { enabled: choice.enabled },
    });
}

/** Quiet hours in the person's time zone (both set, or both null to have none). */
export async function setQuietHours(db: Database, scope: Scope, hours: QuietHours): Promise<QuietHours & { timeZone: string | null }> {
  return db.transaction(async (tx) => {
    const before = await quietHoursOf(tx, scope.orgId, scope.actorId);
    await tx.update(users).set({ quietHoursStart: hours.start, quietHoursEnd: hours.end }).where(eq(users.id, scope.actorId));
    await recordActivity(tx, {
      ...scope,
      action: 'user.quiet-hours-updated',
      entityType: 'user',
      entityId: scope.actorId,
      before: { start: before.start, end: before.end },
      after: hours,
    });
    return { ...hours, timeZone: before.timeZone };
  });
}
