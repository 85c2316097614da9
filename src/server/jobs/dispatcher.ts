import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { outbox } from '../../db/schema/index.js';
import { deliver } from './deliver.js';
import { deliverSignedEvent, type EventOutcome } from './deliver-event.js';
import { isSignedEventPayload } from '../services/webhooks/queue-events.js';
import { slackPoster, type SlackPoster } from '../services/slack/post-message.js';
import type { JobContext, JobSummary } from './context.js';

export const MAX_ATTEMPTS = 6;
const MINUTE = 60_000;
// While a process delivers a row it holds this lease; if it dies, another process retries after it.
const LEASE_MS = 10 * MINUTE;

/** 1, 2, 4, 8, 16 minutes after the 1st…5th failed attempt. */
export const backoffMs = (attempts: number) => 2 ** Math.max(0, attempts - 1) * MINUTE;

const dueWhere = (now: Date, orgId?: string) =>
  and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), orgId ? eq(outbox.orgId, orgId) : undefined);

/**
 * Claims up to `limit` due rows in one statement: the inner select locks them and skips rows
 * another dispatcher has locked, the update moves them past a lease and counts the attempt. It
 * commits at once, so no transaction stays open while mail is sent.
 */
async function claim(db: Database, now: Date, limit: number, orgId?: string) {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(dueWhere(now, orgId))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .where(and(inArray(outbox.id, due), eq(outbox.status, 'pending')))
    .returning();
}

/** Without SMTP there is nobody to send e-mail to: due e-mails are kept as `recorded` for an admin to read. */
async function recordUnsendable(db: Database, now: Date, orgId?: string): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'recorded' })
    .where(and(dueWhere(now, orgId), eq(outbox.channel, 'email')))
    .returning({ id: outbox.id });
  return rows.length;
}

type OutboxRow = typeof outbox.$inferSelect;

/** Sends one claimed row: a signed event to its endpoint, anything else as e-mail or a chat post. */
function send(ctx: JobContext, row: OutboxRow, now: Date, slack?: SlackPoster): Promise<EventOutcome> {
  const allowPrivate = ctx.config.webhookAllowPrivate;
  if (row.channel === 'webhook' && isSignedEventPayload(row.payload))
    return deliverSignedEvent(ctx.db, row, row.payload, { allowPrivate, now });
  return deliver(ctx.mailer, row, { allowPrivateWebhooks: allowPrivate, slack });
}

/** Records how a claimed row's attempt went: sent, retried later, or failed for good. */
async function settle(db: Database, row: OutboxRow, outcome: EventOutcome, now: Date): Promise<'sent' | 'retried' | 'failed'> {
  if (outcome.ok) {
    await db.update(outbox).set({ status: 'sent', sentAt: now, lastError: null }).where(eq(outbox.id, row.id));
    return 'sent';
  }
  if (row.attempts >= MAX_ATTEMPTS || outcome.final) {
    await db.update(outbox).set({ status: 'failed', lastError: outcome.error }).where(eq(outbox.id, row.id));
    return 'failed';
  }
  await db
    .update(outbox)
    .set({ nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)), lastError: outcome.error })
    .where(eq(outbox.id, row.id));
  return 'retried';
}

/** Delivers every due outbox row, batch by batch, and settles each: sent, retried later, or failed for good. */
export async function dispatchOutbox(
  ctx: JobContext,
  options: { now: Date; orgId?: string; batchSize?: number; maxBatches?: number },
): Promise<JobSummary> {
  const { now, orgId, batchSize = 25, maxBatches = 20 } = options;
  const totals = { sent: 0, recorded: 0, retried: 0, failed: 0 };
  if (!ctx.mailer.configured) totals.recorded = await recordUnsendable(ctx.db, now, orgId);
  const slack = slackPoster(ctx.db, ctx.config.slackApiUrl);
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = await claim(ctx.db, now, batchSize, orgId);
    for (const row of rows) totals[await settle(ctx.db, row, await send(ctx, row, now, slack), now)]++;
    if (rows.length < batchSize) break;
  }
  return totals;
}

/** Delivers one pending row now (a "send test event"), claimed like the dispatcher claims, so it is sent once. */
export async function dispatchOne(ctx: JobContext, id: string, now: Date): Promise<'sent' | 'retried' | 'failed' | 'not-due'> {
  const [row] = await ctx.db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
    .returning();
  if (!row) return 'not-due';
  return settle(ctx.db, row, await send(ctx, row, now), now);
}
