import { z } from 'zod';
import { LEADERBOARD_MEASURES } from '../../../domain/vocabulary.js';

const measure = z
  .enum(LEADERBOARD_MEASURES)
  .describe(
    'pace: progress against pace; discipline: due check-ins made on time; improvement: pace gap against the same point of the previous cycle',
  );

export const leaderboardSettingsSchema = z.object({
  enabled: z.boolean(),
  measure,
  hideNames: z.boolean().describe('Only the viewer\'s own teams are named; the others are "Another team"'),
});

export const leaderboardSettingsBody = leaderboardSettingsSchema.partial();

export const leaderboardSchema = z.object({
  cycleId: z.string(),
  asOf: z.string(),
  settings: leaderboardSettingsSchema,
  entries: z.array(
    z.object({
      rank: z.number().int().nullable().describe('1-based, equal values share a rank; null when the team has no value for the measure yet'),
      teamId: z.string().describe('Empty when names are hidden and it is not your team'),
      name: z.string(),
      value: z.number().nullable(),
      yours: z.boolean(),
    }),
  ),
  wins: z
    .array(
      z.object({
        objectiveId: z.string(),
        objectiveTitle: z.string(),
        keyResultId: z.string(),
        keyResultTitle: z.string(),
        teamId: z.string().nullable(),
        teamName: z.string().nullable(),
      }),
    )
    .describe('Key results that reached their target in the last seven days'),
  can: z.object({ manage: z.boolean() }),
});
