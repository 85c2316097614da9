import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { calendarFeeds } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { signedToken, verifiedId } from '../signed-link.js';

const PURPOSE = 'calendar-feed';

export const calendarFeedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/v1/calendar/${token}.ics`;

/** The caller's private feed link, created on first use; the same link until it is revoked. */
export async function calendarFeedOf(db: Database, secret: string, actor: Actor) {
  await db.insert(calendarFeeds).values({ orgId: actor.orgId, userId: actor.userId }).onConflictDoNothing();
  const [feed] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.orgId, actor.orgId), eq(calendarFeeds.userId, actor.userId)));
  if (!feed) throw notFound('The calendar feed');
  return { token: signedToken(secret, PURPOSE, feed.id), createdAt: feed.createdAt };
}

/** Revokes the caller's feed: its link stops working; the next request makes a new one. */
export async function revokeCalendarFeed(db: Database, actor: Actor) {
  await db.delete(calendarFeeds).where(and(eq(calendarFeeds.orgId, actor.orgId), eq(calendarFeeds.userId, actor.userId)));
}

/** Whose feed a token opens; a forged or revoked token is simply not found. */
export async function feedOwner(db: Database, secret: string, token: string) {
  const id = verifiedId(secret, PURPOSE, token);
  if (!id) throw notFound('The calendar');
  const [feed] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.id, id));
  if (!feed) throw notFound('The calendar');
  return { orgId: feed.orgId, userId: feed.userId };
}
