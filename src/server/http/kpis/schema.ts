import { z } from 'zod';
import { KPI_CADENCES, KPI_DIRECTIONS, KPI_HEALTHS } from '../../../domain/kpi-health.js';

const isoDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });
const finite = z.number({ message: 'Must be a finite number.' }).finite('Must be a finite number.');
const bound = finite.nullable().optional();
const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

export const kpiCreate = z.object({
  name: text(200).min(1, 'Required.'),
  description: text(2000).nullable().optional(),
  unit: text(20).nullable().optional().describe('Any short text: %, €, ms, tickets… (`%` or `percent`: a percent KPI, with a scale)'),
  direction: z.enum(KPI_DIRECTIONS),
  healthy: bound.describe('higher_is_better: healthy at ≥ healthy; lower_is_better: healthy at ≤ healthy'),
  watch: bound.describe('higher_is_better: watch at ≥ watch (else unhealthy); mirrored for lower_is_better'),
  bandMin: bound.describe('keep_in_band: healthy from bandMin…'),
  bandMax: bound.describe('…to bandMax'),
  watchMargin: bound.describe('keep_in_band: watch within this distance outside the band'),
  cadence: z.enum(KPI_CADENCES).optional(),
  percentStart: bound.describe('Percent KPIs: where the scale starts (0 unless given with percentEnd); ignored for other units'),
  percentEnd: bound.describe('Percent KPIs: where the scale ends (100 unless given); bands and values must lie on the scale'),
  ownerId: z.string().min(1).max(64).nullable().optional(),
  teamId: z.uuid({ message: 'Must be a team id.' }).nullable().optional().describe('No team: a company KPI'),
});
export const kpiPatch = kpiCreate.partial();

export const kpiList = z.object({
  teamId: z.uuid({ message: 'Must be a team id.' }).optional(),
  company: z.enum(['true', 'false']).optional().describe('Only the company KPIs (no team)'),
});

const datedValue = z.object({ asOf: z.string(), value: z.number() });
export const kpiView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unit: z.string().nullable(),
  direction: z.enum(KPI_DIRECTIONS),
  healthy: z.number().nullable(),
  watch: z.number().nullable(),
  bandMin: z.number().nullable(),
  bandMax: z.number().nullable(),
  watchMargin: z.number().nullable(),
  cadence: z.enum(KPI_CADENCES),
  percentStart: z.number().nullable().describe('A percent KPI’s scale, from…'),
  percentEnd: z.number().nullable().describe('…to (null for other units)'),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  latest: datedValue.nullable(),
  health: z.enum(KPI_HEALTHS).nullable(),
  trend: z.enum(['improving', 'steady', 'worsening']).nullable(),
  unhealthyPeriods: z.number().int(),
  series: z.array(datedValue).describe('The latest value of each of the last 26 periods, oldest first'),
  recovery: z.object({ id: z.string(), objectiveId: z.string() }).nullable().describe('An open recovery proposal'),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), report: z.boolean() }),
});

export const kpiValueBody = z.object({
  value: finite,
  asOf: isoDate.optional().describe('Defaults to today; never in the future'),
  note: text(1000).nullable().optional(),
});
export const kpiValuePatch = kpiValueBody.partial();
export const kpiValueParams = z.object({ id: z.uuid(), valueId: z.uuid({ message: 'Must be a valid id.' }) });
export const kpiValueList = z.object({ includeDeleted: z.enum(['true', 'false']).optional() });
export const kpiValueView = z.object({
  id: z.string(),
  asOf: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  reportedBy: z.string().nullable(),
  reporterName: z.string().nullable(),
  source: z.string(),
  deleted: z.boolean(),
  createdAt: z.string(),
});
