import { z } from 'zod';
import { PROGRESS_STATUSES } from '../../../domain/vocabulary.js';
import { DEPENDENCY_STATUSES } from '../../../db/schema/dependencies.js';

const isoDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });
const optionalId = z.uuid({ message: 'Must be a valid id.' }).nullable().optional();

export const dependencyCreate = z.object({
  teamId: z.uuid({ message: 'Must be a valid id.' }).describe('The team depended on (not your own)'),
  objectiveId: optionalId.describe("Optional: the providing team's objective this rests on"),
  keyResultId: optionalId.describe("Optional: the providing team's key result this rests on"),
  forKeyResultId: optionalId.describe('Optional: the key result of the dependent objective that needs it'),
  description: z.string().trim().min(1, 'Required.').max(2000, 'Use at most 2000 characters.'),
  neededBy: isoDate.describe('Within the cycle of the dependent objective'),
});

export const dependencyAnswer = z.object({
  status: z.enum(['accepted', 'declined']),
  note: z.string().trim().max(2000, 'Use at most 2000 characters.').nullable().optional(),
});

export const dependencyView = z.object({
  id: z.string(),
  objectiveId: z.string(),
  objectiveTitle: z.string(),
  keyResultId: z.string().nullable(),
  requestingTeamId: z.string().nullable(),
  requestingTeamName: z.string().nullable(),
  providingTeamId: z.string(),
  providingTeamName: z.string(),
  providingObjectiveId: z.string().nullable(),
  providingObjectiveTitle: z.string().nullable(),
  providingKeyResultId: z.string().nullable(),
  description: z.string(),
  neededBy: z.string(),
  status: z.enum(DEPENDENCY_STATUSES),
  answerNote: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  answerDueAt: z.string().describe("Asked + the organisation's answer timeframe (rhythm settings)"),
  overdue: z.boolean().describe('Still unanswered past answerDueAt'),
  providerStatus: z.enum(PROGRESS_STATUSES).nullable().describe("The providing objective's status (as of the date asked)"),
  atRisk: z.boolean().describe('Accepted, and the providing objective is at risk or off track'),
  can: z.object({ answer: z.boolean() }),
});

export const teamRegisterSchema = z.object({ teamId: z.string(), weNeed: z.array(dependencyView), theyNeed: z.array(dependencyView) });
