import { z } from 'zod';
import { PROGRESS_STATUSES } from '../../../domain/vocabulary.js';
import { problemSchema } from '../schemas.js';

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
const ownerId = z.string().min(1).max(64).nullable().optional().describe('A person of the organisation');

export const cycleQuery = z.object({ cycleId: z.uuid({ message: 'Must be a valid id.' }).describe('How pillars are doing in this cycle') });

export const narrativeBody = z.object({
  mission: text(2000).nullable().optional(),
  vision: text(2000).nullable().optional(),
});

export const pillarCreate = z.object({
  name: text(120).min(1, 'Required.'),
  narrative: text(2000).nullable().optional(),
  ownerId,
  position: z.number().int().min(0).max(1000).optional(),
});
export const pillarPatch = pillarCreate.partial();

export const annualObjectiveCreate = z.object({
  pillarId: z.uuid({ message: 'Must be a valid id.' }),
  year: z.number().int().min(2000).max(2100),
  title: text(200).min(1, 'Required.'),
  ownerId,
});
export const annualObjectivePatch = annualObjectiveCreate.partial();

const owner = { ownerId: z.string().nullable(), ownerName: z.string().nullable() };
const servingObjective = z.object({
  id: z.string(),
  title: z.string(),
  teamId: z.string().nullable(),
  annualObjectiveId: z.string().nullable(),
  progress: z.number(),
  expectedProgress: z.number(),
  progressStatus: z.enum(PROGRESS_STATUSES),
  ...owner,
});
const statusCounts = z.object({ on_track: z.number().int(), at_risk: z.number().int(), off_track: z.number().int() });

export const pillarView = z.object({
  id: z.string(),
  name: z.string(),
  narrative: z.string().nullable(),
  position: z.number().int(),
  ...owner,
  objectiveCount: z.number().int().describe('Published objectives of the cycle that name this pillar'),
  statusCounts,
  progress: z.number().nullable(),
  expectedProgress: z.number().nullable(),
  paceGap: z.number().nullable().describe('Mean progress minus mean pace: negative is behind'),
  unserved: z.boolean().describe('Nothing in the cycle serves this pillar'),
  annualObjectives: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      year: z.number().int(),
      ...owner,
      objectiveCount: z.number().int(),
      progress: z.number().nullable().describe('Mean progress of the published objectives (any cycle) advancing it'),
    }),
  ),
  objectives: z.array(servingObjective).describe('Only on GET /pillars/{id}: what serves it'),
});

/** GET /pillars/{id}: the pillar with what the reader may do to it. */
export const pillarPageView = pillarView.extend({ can: z.object({ edit: z.boolean() }) });

export const strategySchema = z.object({
  cycleId: z.string(),
  year: z.number().int(),
  mission: z.string().nullable(),
  vision: z.string().nullable(),
  pillars: z.array(pillarView),
  companyObjectivesWithoutPillar: z.array(servingObjective),
  can: z.object({ edit: z.boolean(), leaderboard: z.boolean() }),
});

export const pillarRow = z.object({
  id: z.string(),
  name: z.string(),
  narrative: z.string().nullable(),
  ownerId: z.string().nullable(),
  position: z.number().int(),
});
export const annualObjectiveRow = z.object({
  id: z.string(),
  pillarId: z.string(),
  year: z.number().int(),
  title: z.string(),
  ownerId: z.string().nullable(),
});

export const deleted = { 204: z.null(), 403: problemSchema, 404: problemSchema };
