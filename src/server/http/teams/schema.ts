import { z } from 'zod';
import { CHECK_IN_CADENCES, TEAM_KINDS, TEAM_MEMBER_ROLES } from '../../../domain/vocabulary.js';
import { SLACK_CHANNEL_ID } from '../../services/slack/channel-post.js';
import { nameField } from '../schemas.js';

export const teamKind = z.enum(TEAM_KINDS);
export const cadence = z.enum(CHECK_IN_CADENCES);

/** A Slack-, Teams- or Mattermost-compatible incoming webhook; null clears it. */
export const webhookUrlField = z
  .url({ protocol: /^https?$/, message: 'Use an http:// or https:// address, e.g. https://hooks.slack.com/services/…' })
  .max(2000, 'Use at most 2000 characters.')
  .nullable();

/** A Slack channel id, as Slack shows it under the channel's details (C… or G…); null clears it. */
export const slackChannelField = z
  .string()
  .regex(SLACK_CHANNEL_ID, 'Use the channel ID from the channel details in Slack, e.g. C0123456789 (not its #name).')
  .nullable();

export const teamCreate = z.object({
  name: nameField,
  description: z.string().max(2000).nullable().optional(),
  kind: teamKind.default('team'),
  parentId: z.uuid({ message: 'Must be a team id.' }).nullable().optional(),
  checkInCadence: cadence.optional(),
  /** Day of week check-ins are due, 0 = Sunday … 6 = Saturday, organisation time zone. */
  checkInDay: z
    .number()
    .int('Use a whole number.')
    .min(0, 'Use 0 (Sunday) to 6 (Saturday).')
    .max(6, 'Use 0 (Sunday) to 6 (Saturday).')
    .optional(),
  checkInHour: z.number().int('Use a whole number.').min(0, 'Use an hour from 0 to 23.').max(23, 'Use an hour from 0 to 23.').optional(),
  webhookUrl: webhookUrlField.optional(),
  slackChannelId: slackChannelField.optional(),
});

export const teamPatch = teamCreate.partial().extend({ kind: teamKind.optional() });

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: teamKind,
  parentId: z.string().nullable(),
  checkInCadence: cadence,
  checkInDay: z.number(),
  checkInHour: z.number(),
  /** Whether a webhook is set; the URL itself is a secret, shown to admins on the rhythm settings only. */
  hasWebhook: z.boolean(),
  /** Where the Slack app posts the team's weekly digest and wins; null for none. */
  slackChannelId: z.string().nullable(),
  memberCount: z.number().nullable(),
  createdAt: z.string(),
});

export const memberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  role: z.enum(TEAM_MEMBER_ROLES),
  joinedAt: z.string(),
});

export const memberBody = z.object({ userId: z.string().min(1).max(64), role: z.enum(TEAM_MEMBER_ROLES).default('member') });
export const memberRoleBody = z.object({ role: z.enum(TEAM_MEMBER_ROLES) });
