import { z } from 'zod';

export const slackInstallationView = z
  .object({
    configured: z.boolean().describe('Whether a signing secret and bot token are stored (they are never returned)'),
    updatedAt: z.string().nullable(),
    requestUrl: z.string().describe('Where the slash command and interactivity point: this organisation’s Slack request URL'),
    manifest: z.record(z.string(), z.unknown()).describe('The app manifest to paste into api.slack.com'),
  })
  .meta({ id: 'SlackInstallation' });

export const slackCredentialsBody = z.object({
  signingSecret: z.string().min(1, 'Paste the signing secret.').max(200),
  botToken: z.string().min(1, 'Paste the bot token.').max(500),
});

export const slackLinkView = z
  .object({
    linked: z.boolean(),
    slackUserId: z.string().nullable(),
    linkedAt: z.string().nullable(),
  })
  .meta({ id: 'SlackLink' });

export const slackLinkCodeView = z
  .object({
    code: z.string().describe('One-time code, shown once'),
    command: z.string().describe('What to type in Slack: /cairn link CODE'),
    expiresAt: z.string(),
  })
  .meta({ id: 'SlackLinkCode' });
