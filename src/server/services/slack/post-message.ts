import { webApi } from '@slack/bolt';
import type { Executor } from '../../../db/database.js';
import { slackCredentials } from './installation.js';

/** Posts a queued Slack message (chat.postMessage arguments) with the organisation's bot token. */
export type SlackPoster = (orgId: string, message: Record<string, unknown>) => Promise<void>;

export function slackPoster(db: Executor, slackApiUrl: string): SlackPoster {
  return async (orgId, message) => {
    const credentials = await slackCredentials(db, orgId);
    if (!credentials) throw new Error('The Slack app is no longer set up for this organisation.');
    const client = new webApi.WebClient(credentials.botToken, { slackApiUrl, retryConfig: { retries: 0 } });
    // The Web API client throws on `ok: false` (an unknown channel, a revoked token): the outbox retries, then fails.
    await client.chat.postMessage(message as unknown as Parameters<typeof client.chat.postMessage>[0]);
  };
}
