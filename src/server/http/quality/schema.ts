import { z } from 'zod';
import { KEY_RESULT_KINDS, MEASURE_RELIABILITIES, OBJECTIVE_TYPES, PROGRESS_DRIVERS } from '../../../domain/vocabulary.js';

const severity = z.enum(['block', 'warn', 'tip']);
const setting = z.enum(['block', 'warn', 'tip', 'off']);
const isoDate = z.iso.date();
const count = z.number().int().min(1).max(100);

export const dataReadinessSchema = z.object({
  dataSource: z.string().trim().max(300).optional(),
  baselineKnown: z.boolean().optional(),
  measuredBy: z.string().trim().max(200).optional(),
  frequency: z.string().trim().max(100).optional(),
  reliability: z.enum(MEASURE_RELIABILITIES).optional(),
  proxyReplaceBy: isoDate.nullable().optional(),
});

export const principlesSchema = z.object({
  rules: z.record(z.string().max(60), setting).optional().describe('Rule id → block | warn | tip | off'),
  maxKeyResults: count.optional(),
  minKeyResults: count.optional(),
  maxObjectivesPerOwner: count.optional(),
  maxTitleLength: z.number().int().min(20).max(500).optional(),
  stretchPolicy: z
    .object({ committedOnlyCycles: z.number().int().min(0).max(20).optional(), maxAspirationalShare: z.number().min(0).max(1).optional() })
    .optional(),
});

const draftKeyResult = z.object({
  id: z.string().optional(),
  title: z.string().max(300),
  kind: z.enum(KEY_RESULT_KINDS),
  unit: z.string().max(16).optional(),
  startValue: z.number().nullable().optional(),
  targetValue: z.number().nullable().optional(),
  targetMin: z.number().nullable().optional(),
  targetMax: z.number().nullable().optional(),
  milestones: z
    .array(z.object({ title: z.string().max(200), weight: z.number(), done: z.boolean().default(false) }))
    .max(50)
    .optional(),
  ownerId: z.string().max(64).nullable().optional(),
  dataReadiness: dataReadinessSchema.optional(),
});

export const draftSchema = z.object({
  cycleId: z.uuid().optional().describe('Fills the cycle context: owner load, stretch share, cycle number'),
  title: z.string().max(300),
  description: z.string().max(5000).optional(),
  whyImportant: z.string().max(2000).optional(),
  whyUrgent: z.string().max(2000).optional(),
  ownerId: z.string().max(64).nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  level: z.enum(['company', 'team', 'individual']).default('team'),
  type: z.enum(OBJECTIVE_TYPES).default('committed'),
  progressDriver: z.enum(PROGRESS_DRIVERS).default('key_results'),
  alignedChildCount: z.number().int().min(0).default(0),
  parentCount: z.number().int().min(0).default(0),
  standaloneReason: z.string().max(1000).nullable().optional(),
  keyResults: z.array(draftKeyResult).max(50).default([]),
});

export const findingSchema = z.object({
  ruleId: z.string(),
  severity,
  field: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
  action: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('draft_measurement_objective'), title: z.string() }),
      z
        .object({ kind: z.literal('move_to_initiative'), title: z.string(), keyResultId: z.string(), under: z.array(z.string()) })
        .describe('POST /api/v1/key-results/{keyResultId}/move-to-initiative with one of `under` as underKeyResultId'),
    ])
    .optional(),
  lessonId: z.string().optional().describe('related-lesson: the lesson the finding points at (GET /api/v1/lessons)'),
});
export const reportSchema = z.object({ findings: z.array(findingSchema), score: z.number(), blocking: z.boolean() });

export const ruleSchema = z.object({
  id: z.string(),
  title: z.string(),
  defaultSeverity: severity,
  setting,
  why: z.string(),
  weakExample: z.string(),
  strongExample: z.string(),
});
export const guidingPrinciplesSchema = z.object({
  rules: z.array(ruleSchema),
  principles: z.object({
    maxKeyResults: z.number(),
    minKeyResults: z.number(),
    maxObjectivesPerOwner: z.number(),
    maxTitleLength: z.number(),
    stretchPolicy: z.object({ committedOnlyCycles: z.number(), maxAspirationalShare: z.number() }),
    rules: z.record(z.string(), setting),
  }),
  description: z.array(z.string()),
});
