import type { Executor } from '../../../db/database.js';
import { outbox } from '../../../db/schema/index.js';

export interface WebhookPost {
  orgId: string;
  url: string;
  text: string;
  /** One post per key: a retried or repeated job run never posts twice. */
  dedupeKey: string;
  now: Date;
}

/**
 * Queues a Slack-compatible post (`{"text": …}`, which Teams and Mattermost incoming webhooks
 * accept too) in the caller's transaction; the dispatcher delivers it. Returns 1 when queued.
 */
export async function queueWebhook(tx: Executor, post: WebhookPost): Promise<number> {
  const rows = await tx
    .insert(outbox)
    .values({ orgId: post.orgId, channel: 'webhook', recipient: post.url, body: post.text, payload: { text: post.text }, nextAttemptAt: post.now, dedupeKey: post.dedupeKey })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.length;
}
