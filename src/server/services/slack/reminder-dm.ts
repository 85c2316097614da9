import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { outbox, slackInstallations } from '../../../db/schema/index.js';
import { CHECK_IN_ACTION } from './blocks.js';
import { slackUserOf } from './links.js';

export interface SlackReminder {
  orgId: string;
  userId: string;
  title: string;
  keyResults: { keyResultId: string; title: string; objectiveTitle: string }[];
  dedupeKey: string;
  now: Date;
}

/** chat.postMessage arguments for a reminder DM: a line per key result, each with its **Check in** button. */
export function reminderMessage(channel: string, reminder: SlackReminder) {
  return {
    channel,
    text: reminder.title,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${reminder.title}*` } },
      ...reminder.keyResults.slice(0, 40).map((kr) => ({
        type: 'section',
        block_id: `kr-${kr.keyResultId}`,
        text: { type: 'mrkdwn', text: `${kr.title} (${kr.objectiveTitle})` },
        accessory: { type: 'button', action_id: CHECK_IN_ACTION, value: kr.keyResultId, text: { type: 'plain_text', text: 'Check in' } },
      })),
    ],
  };
}

/**
 * Queues the reminder as a Slack DM in the caller's transaction when the organisation has the Slack app
 * and the person linked their account; the dispatcher posts it with the bot token. Returns 1 when queued.
 */
export async function queueSlackReminder(tx: Executor, reminder: SlackReminder): Promise<number> {
  const [installed] = await tx
    .select({ orgId: slackInstallations.orgId })
    .from(slackInstallations)
    .where(eq(slackInstallations.orgId, reminder.orgId));
  if (!installed) return 0;
  const slackUserId = await slackUserOf(tx, reminder.orgId, reminder.userId);
  if (!slackUserId) return 0;
  const rows = await tx
    .insert(outbox)
    .values({
      orgId: reminder.orgId,
      channel: 'slack',
      // A user id as the channel: Slack opens (or reuses) the DM with the bot.
      recipient: slackUserId,
      body: reminder.title,
      payload: reminderMessage(slackUserId, reminder),
      nextAttemptAt: reminder.now,
      dedupeKey: reminder.dedupeKey,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.length;
}
