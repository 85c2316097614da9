import { z } from 'zod';
import { RETROSPECTIVE_ACTION_MAX } from '../../../domain/learning-vocabulary.js';

export const retrospectiveOpen = z.object({
  teamId: z.uuid().optional().describe('The team holding it (the objective’s team by default)'),
  objectiveId: z.uuid().optional().describe('Set for a retrospective of one shared objective'),
});

export const retrospectiveUpdate = z.object({
  update: z.string().min(1).max(2_000_000).describe('A Yjs update (base64) from an editor’s Y.Doc'),
});

export const actionCreate = z.object({
  text: z.string().trim().min(1).max(RETROSPECTIVE_ACTION_MAX),
  ownerId: z.string().min(1).max(64),
  dueDate: z.iso.date(),
});

export const actionView = z.object({
  id: z.string(),
  retrospectiveId: z.string(),
  text: z.string(),
  ownerId: z.string(),
  ownerName: z.string().optional(),
  dueDate: z.string(),
  done: z.boolean(),
});

export const myActionView = z.object({
  id: z.string(),
  retrospectiveId: z.string(),
  text: z.string(),
  dueDate: z.string(),
  done: z.boolean(),
  teamName: z.string(),
  cycleName: z.string(),
});

export const retrospectiveView = z.object({
  id: z.string(),
  cycleId: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  objectiveId: z.string().nullable(),
  objectiveTitle: z.string().nullable(),
  state: z.string().describe('The Y.Doc as one Yjs update (base64); texts wentWell, wentBadly, rootCauses, lessons'),
  wentWell: z.string(),
  wentBadly: z.string(),
  rootCauses: z.string(),
  lessonsText: z.string().describe('One lesson per line, #tags; indexed in the lessons library'),
  participants: z.array(z.object({ id: z.string(), name: z.string() })),
  actions: z.array(actionView),
  can: z.object({ edit: z.boolean(), invite: z.boolean(), addAction: z.boolean() }),
  updatedAt: z.string(),
});
