import { z } from 'zod';
import { isoDateTime } from '../schemas.js';
import { pageQuery, reactionList } from './schema.js';

export const feedQuery = pageQuery.extend({
  teamId: z.uuid({ message: 'Must be a team id.' }).optional().describe("A team's feed: its objectives' news"),
  objectiveId: z.uuid({ message: 'Must be an objective id.' }).optional().describe("One objective's feed"),
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
    ])
    .describe('`celebration`: a check-in took a key result to its target'),
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
