import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { outbox, slackInstallations } from '../../../db/schema/index.js';

/** Slack public and private channel ids (C…, G…): what the team setting "Slack channel" holds. */
export const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{8,}$/;

export interface ChannelPost {
  orgId: string;
  channel: string;
  text: string;
  /** One post per key: a retried job or a repeated event never posts twice. */
  dedupeKey: string;
  now: Date;
}

/** Whether the organisation has the Slack app set up: without it a channel post could never be sent. */
export async function slackInstalled(tx: Executor, orgId: string): Promise<boolean> {
  const [row] = await tx.select({ orgId: slackInstallations.orgId }).from(slackInstallations).where(eq(slackInstallations.orgId, orgId));
  return Boolean(row);
}

/**
 * Queues a message to a team's Slack channel in the caller's transaction; the dispatcher posts it through the
 * Web API (chat.postMessage) with the organisation's bot token, which must have been invited to the channel.
 * Returns 1 when queued.
 */
export async function queueSlackChannelPost(tx: Executor, post: ChannelPost): Promise<number> {
  const rows = await tx
    .insert(outbox)
    .values({
      orgId: post.orgId,
      channel: 'slack',
      recipient: post.channel,
      body: post.text,
      payload: { channel: post.channel, text: post.text, unfurl_links: false },
      nextAttemptAt: post.now,
      dedupeKey: post.dedupeKey,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.length;
}
