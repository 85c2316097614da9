import { z } from 'zod';
import { INITIATIVE_STATUSES } from '../../../domain/initiatives.js';

const day = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });

export const initiativeCreate = z.object({
  title: z.string().trim().min(1, 'Give the initiative a title.').max(300),
  ownerId: z.string().min(1).max(64).nullable().optional().describe('Defaults to the caller'),
  status: z.enum(INITIATIVE_STATUSES).optional(),
  dueDate: day.nullable().optional(),
  url: z.string().trim().max(2000).nullable().optional().describe('An http or https link'),
});
export const initiativePatch = initiativeCreate.partial();
export const moveToInitiativeBody = z.object({
  underKeyResultId: z.uuid({ message: 'Must be a key result id.' }).describe('The key result of the same objective this work should move'),
});

export const initiativeView = z.object({
  id: z.string(),
  keyResultId: z.string(),
  title: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(INITIATIVE_STATUSES),
  dueDate: z.string().nullable(),
  url: z.string().nullable(),
  createdAt: z.string(),
});

export const initiativeListView = z.object({
  drivenByInitiatives: z.boolean().describe('A milestone key result whose milestones are its initiatives'),
  countsInProgress: z.boolean().describe('False unless driven: initiatives are the work, not the result'),
  can: z.object({ plan: z.boolean(), drive: z.boolean() }),
  initiatives: z.array(initiativeView),
});

export const myInitiativeView = initiativeView.extend({
  keyResultTitle: z.string(),
  objectiveId: z.string(),
  objectiveTitle: z.string(),
});

export const driveBody = z.object({ driven: z.boolean() });
