import { z } from 'zod';
import { MATURITY_LEVELS } from '../../../domain/rollout/maturity.js';
import { ROLLOUT_FOCI, ROLLOUT_PHASES } from '../../../domain/rollout/programme.js';

const isoDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });
const personId = z.string().min(1).max(64);

export const phaseParam = z.object({ phase: z.enum(ROLLOUT_PHASES, { message: `One of ${ROLLOUT_PHASES.join(', ')}.` }) });

export const phaseView = z.object({
  phase: z.enum(ROLLOUT_PHASES),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  done: z.boolean(),
});

export const phaseChange = z
  .object({
    ownerId: personId.nullable().optional().describe('Who drives this phase; null: nobody yet'),
    dueOn: isoDate.nullable().optional(),
    done: z.boolean().optional(),
  })
  .strict();

export const teamView = z.object({
  members: z.array(z.object({ userId: z.string(), name: z.string(), title: z.string().nullable(), focus: z.enum(ROLLOUT_FOCI) })),
  blindSpots: z.array(z.object({ focus: z.enum(ROLLOUT_FOCI), risks: z.array(z.string()) })),
});

export const teamChange = z.object({
  members: z.array(z.object({ userId: personId, focus: z.enum(ROLLOUT_FOCI, { message: `One of ${ROLLOUT_FOCI.join(', ')}.` }) })).max(50),
});

export const settingsView = z.object({
  companyOkrsFirst: z.boolean().describe('Team objectives stay in draft until the company has published its own for the cycle'),
  approvalRequired: z.boolean().describe('A team objective in the programme is published only after a reviewer approved it'),
});
export const settingsChange = settingsView.partial().strict();

export const pilotView = z.object({ teams: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })) });

export const programmeView = z.object({
  phases: z.array(phaseView),
  team: teamView,
  pilot: pilotView,
  settings: settingsView,
  trainedLeaders: z
    .object({ trained: z.number().int(), of: z.number().int() })
    .describe('Team leads who completed the lead onboarding path, out of all active team leads'),
});

const level = z.enum(MATURITY_LEVELS, { message: `One of ${MATURITY_LEVELS.join(', ')}.` });
const figure = z.enum(['involvement', 'onTimeCheckIns', 'averageQuality']);

export const maturityView = z.object({
  level,
  next: level.nullable(),
  qualifies: z.boolean().describe('The last four weeks of adoption figures meet every criterion for the next level'),
  criteria: z.array(z.object({ figure, needed: z.number(), actual: z.number().nullable(), met: z.boolean() })),
  preset: z.object({ maxAspirationalShare: z.number(), maxKeyResults: z.number().int(), gate: z.enum(['strict', 'standard', 'lenient']) }),
  figures: z.object({ involvement: z.number().nullable(), onTimeCheckIns: z.number().nullable(), averageQuality: z.number().nullable() }),
  since: z.string(),
});
export const maturityChange = z.object({ level }).strict();
