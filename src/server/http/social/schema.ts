import { z } from 'zod';
import { CHANNELS, COMMENT_TARGETS, NOTIFICATION_KINDS } from '../../../domain/vocabulary.js';
import { EMOJIS } from '../../services/social/reactions.js';
import { isoDateTime } from '../schemas.js';

/** Shapes of comments, reactions and the notification centre (the feed's are in feed-schema.ts). */

export const emoji = z.enum(EMOJIS, { message: `Use one of ${EMOJIS.join(' ')}.` });
export const reactionSummary = z.object({
  emoji,
  count: z.number(),
  mine: z.boolean().describe('Whether the caller reacted so'),
  names: z.array(z.string()),
});
export const reactionList = z.array(reactionSummary);

const commentBody = z
  .string({ message: 'Write a comment.' })
  .trim()
  .min(1, 'Write a comment.')
  .max(5000, 'Use at most 5000 characters.')
  .describe('Text; mention someone with `@[Their Name](userId)`: each mentioned person is notified');
const targetType = z.enum(COMMENT_TARGETS);
export const commentTarget = z.object({ targetType, targetId: z.uuid({ message: 'Must be a valid id.' }) });
export const commentCreate = commentTarget.extend({ body: commentBody });
export const commentPatch = z.object({ body: commentBody });

export const commentView = z.object({
  id: z.string(),
  targetType,
  targetId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  edited: z.boolean(),
  reactions: reactionList,
  can: z.object({ edit: z.boolean(), delete: z.boolean() }).describe('What the caller may do with this comment'),
});

export const pageQuery = z.object({
  before: z
    .uuid({ message: 'Must be the id of an item from the previous page.' })
    .optional()
    .describe('The id of the last item you have: the page continues after it (`nextBefore`)'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const notificationView = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable().describe('A path inside Cairn'),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export const notificationPage = z.object({ items: z.array(notificationView), unread: z.number(), nextBefore: z.string().nullable() });
export const unreadView = z.object({ unread: z.number() });

const preference = z.object({ kind: z.enum(NOTIFICATION_KINDS), channel: z.enum(CHANNELS), enabled: z.boolean() });
const hour = z
  .number({ message: 'Use an hour from 0 to 23.' })
  .int('Use a whole hour.')
  .min(0, 'Use an hour from 0 to 23.')
  .max(23, 'Use an hour from 0 to 23.')
  .nullable();
export const quietHours = z
  .object({
    start: hour.describe('Hour (0–23) quiet hours begin, in your time zone; null for none'),
    end: hour.describe('Hour (0–23) they end (exclusive)'),
  })
  .superRefine((h, issues) => {
    if ((h.start === null) !== (h.end === null))
      issues.addIssue({ code: 'custom', path: [h.start === null ? 'start' : 'end'], message: 'Set both start and end, or neither.' });
    else if (h.start !== null && h.start === h.end)
      issues.addIssue({ code: 'custom', path: ['end'], message: 'End must differ from start.' });
  });
export const preferencesBody = z.object({ preferences: z.array(preference).max(NOTIFICATION_KINDS.length * CHANNELS.length) });
export const preferencesView = z.object({
  preferences: z.array(preference).describe('Every kind × channel; anything not chosen is on'),
  quietHours: z.object({ start: z.number().nullable(), end: z.number().nullable() }),
  timeZone: z.string().nullable().describe('Quiet hours are in this zone (UTC when unset)'),
});
