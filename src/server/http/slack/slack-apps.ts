import { App, LogLevel } from '@slack/bolt';
import type { AppContext } from '../../context.js';
import { FastifyReceiver } from './fastify-receiver.js';
import { registerListeners } from './listeners.js';

interface OrgApp {
  botToken: string;
  receiver: FastifyReceiver;
}

/**
 * One Bolt app per organisation (each has its own Slack app, so its own bot token), built on first use
 * and rebuilt when an admin saves a new token. Its Web API calls go to CAIRN_SLACK_API_URL.
 */
export class SlackApps {
  private readonly apps = new Map<string, OrgApp>();

  constructor(private readonly ctx: AppContext) {}

  receiverFor(orgId: string, botToken: string): FastifyReceiver {
    const known = this.apps.get(orgId);
    if (known && known.botToken === botToken) return known.receiver;
    const receiver = new FastifyReceiver();
    const app = new App({
      receiver,
      // The token as is: no auth.test round trip to Slack before each app's first request.
      authorize: () => Promise.resolve({ botToken }),
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: this.ctx.config.slackApiUrl, retryConfig: { retries: 0 } },
    });
    registerListeners(app, this.ctx, orgId);
    this.apps.set(orgId, { botToken, receiver });
    return receiver;
  }
}
