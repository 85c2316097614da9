import { z } from 'zod';
import { ADOPTION_SCREENS } from '../../../domain/vocabulary.js';

const isoDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });
const rate = z.number().nullable();
const share = z.object({ count: z.number().int(), of: z.number().int() });

export const adoptionQuery = z.object({
  from: isoDate,
  to: isoDate,
  teamId: z.uuid({ message: 'Must be a valid id.' }).optional(),
});

export const minutesBody = z.object({
  screen: z.enum(ADOPTION_SCREENS),
  minutes: z.number().int().min(1).max(15),
});

const weekFigures = z.object({
  weekStart: z.string(),
  members: z.number().int(),
  involvement: rate,
  onTimeCheckIns: rate,
  blockersAnsweredInTime: rate,
  commentsPerObjective: rate,
  reviewCompletion: rate,
  retrospectiveCompletion: rate,
  averageQuality: rate,
  minutesInvested: z.number().int(),
  counts: z.object({
    involvement: share,
    checkIns: share,
    blockers: share,
    comments: share,
    reviews: share,
    retrospectives: share,
  }),
});

const themeScore = z
  .object({
    average: rate.describe('Mean of the 1–5 scores, 2 decimals'),
    responses: z.number().int(),
    groupIds: z.array(z.string().nullable()).describe('The shown survey groups it draws on (null: the organisation’s own group)'),
    merged: z.boolean().describe('Includes teams outside this group: it was under the anonymity threshold and merged upward'),
  })
  .nullable();
const surveySource = z.object({ surveyId: z.string(), title: z.string(), opensOn: z.string() }).nullable();

export const adoptionGroup = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['organisation', 'department', 'team', 'leader', 'pilot', 'non_pilot']),
  inPilot: z.boolean(),
  weeks: z.array(weekFigures),
  trend: z.object({
    involvement: rate,
    onTimeCheckIns: rate,
    blockersAnsweredInTime: rate,
    commentsPerObjective: rate,
    averageQuality: rate,
  }),
  flagged: z.boolean(),
  surveyScores: z.object({ clarity: themeScore, leadershipSupport: themeScore }),
});

export const adoptionView = z.object({
  from: z.string(),
  to: z.string(),
  weeks: z.array(z.string()),
  organisation: adoptionGroup,
  departments: z.array(adoptionGroup),
  teams: z.array(adoptionGroup),
  leaders: z.array(adoptionGroup),
  pilot: z.object({ pilot: adoptionGroup, nonPilot: adoptionGroup }).nullable(),
  surveySources: z
    .object({ clarity: surveySource, leadershipSupport: surveySource })
    .describe('The latest survey that asked each theme: where the scores come from'),
  flaggedLeaders: z.array(z.object({ id: z.string(), name: z.string(), involvement: rate })),
});
