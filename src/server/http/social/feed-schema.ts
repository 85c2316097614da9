import { z } from 'zod';
import { RELEVANCE_REASONS } from '../../../domain/feed-relevance.js';
import { isoDateTime } from '../schemas.js';
import { pageQuery, reactionList } from './schema.js';

export const feedQuery = pageQuery.extend({
  teamId: z.uuid({ message: 'Must be a team id.' }).optional().describe("A team's feed: its objectives' news"),
  objectiveId: z.uuid({ message: 'Must be an objective id.' }).optional().describe("One objective's feed"),
  order: z
    .enum(['timeline', 'for_me'])
    .default('timeline')
    .describe(
      "`for_me`: the last 14 days ranked for the caller — mentions of them, their objectives and key results, what they depend on or contribute to, their teams' — at-risk items first in each tier",
    ),
});

const feedItem = z.object({
  id: z.string().describe('Pass as `before` to read on from here'),
  kind: z
    .enum([
      'check_in',
      'celebration',
      'objective_achieved',
      'objective_created',
      'status_changed',
      'objective_closed',
      'cycle_closed',
      'comment',
      'meeting_update',
    ])
    .describe('`celebration`: a check-in took a key result to its target; `meeting_update`: a part posted to an asynchronous meeting'),
  createdAt: isoDateTime,
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  objective: z.object({ id: z.string(), title: z.string(), teamId: z.string().nullable(), teamName: z.string().nullable() }).nullable(),
  keyResult: z.object({ id: z.string(), title: z.string() }).nullable(),
  checkIn: z
    .object({
      id: z.string(),
      value: z.number().nullable(),
      confidence: z.number().nullable(),
      note: z.string().nullable(),
      blockers: z.string().nullable().describe('What stands in the way, mentions written out as @Name'),
      progressBefore: z.number().nullable().describe('The key result’s progress before (0–1)'),
      progressAfter: z.number().nullable().describe('The progress this check-in stands for (0–1); null for roll-ups'),
    })
    .nullable(),
  status: z.object({ from: z.string().nullable(), to: z.string() }).nullable(),
  comment: z.object({ id: z.string(), excerpt: z.string(), on: z.string().describe('objective, key_result or check_in') }).nullable(),
  cycle: z.object({ id: z.string(), name: z.string() }).nullable(),
  meeting: z
    .object({
      id: z.string(),
      title: z.string(),
      kind: z.string(),
      update: z.string(),
      confidence: z.number().nullable(),
      blockers: z.string().nullable(),
      commitments: z.string().nullable(),
    })
    .nullable()
    .describe('The meeting and the part posted to it (one-on-ones never appear)'),
  reasons: z.array(z.enum(RELEVANCE_REASONS)).describe('Why it matters to the caller (`order=for_me`; empty otherwise)'),
  reactionTarget: z
    .object({ type: z.enum(['check_in', 'comment']), id: z.string() })
    .nullable()
    .describe('Where PUT …/reactions/{emoji} goes for this item'),
  reactions: reactionList,
});

export const feedPage = z.object({
  items: z.array(feedItem),
  nextBefore: z.string().nullable().describe('`before` for the next page; null at the end'),
});
