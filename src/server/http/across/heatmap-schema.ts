import { z } from 'zod';
import { alignmentHealthSchema } from './map-schema.js';

const statusCounts = z.object({ on_track: z.number().int(), at_risk: z.number().int(), off_track: z.number().int() });

export const heatmapTeamSchema = z.object({
  teamId: z.string(),
  name: z.string(),
  departmentId: z.string().nullable(),
  objectives: z.number().int().describe('Published objectives of the team in the cycle'),
  statusCounts,
  progress: z.number().describe('Mean progress of its objectives'),
  expectedProgress: z.number().describe('Mean progress expected by the date (pace)'),
  paceGap: z.number().describe('progress − expectedProgress: below 0 is behind pace'),
  checkIns: z.object({
    due: z.number().int().describe('Check-ins due up to the date, one per key result per cadence period'),
    onTime: z.number().int(),
    onTimeShare: z.number().nullable().describe('onTime / due; null when nothing was due yet'),
  }),
  qualityScore: z.number().int().describe("The quality coach's mean score of its objectives (0–100)"),
  alignmentHealth: alignmentHealthSchema,
});

export const heatmapSchema = z.object({
  cycleId: z.string(),
  asOf: z.string().describe('The date the numbers are measured on'),
  departments: z.array(
    z.object({
      departmentId: z.string().nullable().describe('null: teams under no department'),
      name: z.string(),
      teams: z.array(heatmapTeamSchema),
    }),
  ),
  alignmentHealth: alignmentHealthSchema,
});
