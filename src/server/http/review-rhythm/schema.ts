import { z } from 'zod';
import { CHANGE_KINDS } from '../../../domain/index.js';

const isoDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });

export const changesQuery = z.object({
  from: isoDate.describe('Compare the state at the end of this date…'),
  to: isoDate.describe('…with the state at the end of this date (both inside the cycle)'),
  teamId: z.uuid({ message: 'Must be a valid id.' }).optional().describe("Only this team's objectives"),
});

export const changeItemView = z.object({
  kind: z.enum(CHANGE_KINDS),
  rank: z.number(),
  summary: z.string(),
  objectiveId: z.string(),
  objectiveTitle: z.string(),
  keyResultId: z.string().nullable(),
  keyResultTitle: z.string().nullable(),
  before: z.union([z.string(), z.number()]).nullable(),
  after: z.union([z.string(), z.number()]).nullable(),
  on: z.string().nullable(),
  link: z.string().describe('The objective the item belongs to, in the web app'),
});

export const changesView = z.object({
  cycleId: z.string(),
  teamId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  items: z.array(changeItemView),
});
