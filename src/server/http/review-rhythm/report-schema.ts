import { z } from 'zod';
import { PROGRESS_STATUSES } from '../../../domain/index.js';
import type { CycleReport } from '../../services/reports/cycle-report.js';
import { changeItemView } from './schema.js';

export const reportQuery = z.object({
  teamId: z.uuid({ message: 'Must be a valid id.' }).optional().describe("Only this team's objectives"),
});

export const reportView = z
  .object({
    cycle: z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() }),
    team: z.object({ id: z.string(), name: z.string() }).nullable(),
    asOf: z.string(),
    progress: z.number(),
    expected: z.number().describe('Where the objectives should be by now (pace)'),
    statusCounts: z.object({ on_track: z.number(), at_risk: z.number(), off_track: z.number() }),
    objectives: z.array(
      z.object({ id: z.string(), title: z.string(), progress: z.number(), expected: z.number(), status: z.enum(PROGRESS_STATUSES) }),
    ),
    highlights: z.array(changeItemView),
    risks: z.array(changeItemView),
    decisions: z.array(
      z.object({ decision: z.string(), ownerName: z.string().nullable(), decidedOn: z.string(), objectiveId: z.string().nullable() }),
    ),
    lessons: z.array(z.object({ text: z.string(), outcome: z.string().nullable() })),
  })
  .meta({ id: 'CycleReport' });

export const shareCreate = z.object({
  cycleId: z.uuid({ message: 'Must be a valid id.' }),
  teamId: z.uuid({ message: 'Must be a valid id.' }).nullable().optional(),
  days: z.number().int('Use a whole number of days.').describe('How long the link works (1–90 days)'),
});

export const shareView = z
  .object({
    id: z.string(),
    url: z.string(),
    cycleId: z.string(),
    cycleName: z.string(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'ReportShare' });

/** Change items link to their objective in the web app (a shared report shows the link text only). */
export const presentReport = (report: CycleReport) => {
  const withLink = (item: CycleReport['highlights'][number]) => ({ ...item, link: `/objectives/${item.objectiveId}` });
  return { ...report, highlights: report.highlights.map(withLink), risks: report.risks.map(withLink) };
};
