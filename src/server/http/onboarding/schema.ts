import { z } from 'zod';
import { ONBOARDING_PATHS, ONBOARDING_STEPS } from '../../../domain/onboarding/index.js';

const severity = z.enum(['block', 'warn', 'tip']);
const draft = z.object({ objective: z.string(), keyResults: z.array(z.string()) });

export const workedExampleView = z.object({
  weak: draft,
  findings: z
    .array(z.object({ rule: z.string(), severity, message: z.string() }))
    .describe('What the quality coach says about the weak draft'),
  weakScore: z.number(),
  strong: draft,
  strongScore: z.number(),
});

export const onboardingStepView = z.object({
  step: z.enum(ONBOARDING_STEPS),
  title: z.string(),
  paragraphs: z.array(z.string()),
  example: workedExampleView.optional(),
  ruleExamples: z.array(z.object({ rule: z.string(), severity, weak: z.string(), strong: z.string() })).optional(),
  done: z.boolean(),
  completedAt: z.string().nullable().describe('When the step was marked done; null for a step done by itself (the first check-in)'),
});

export const onboardingView = z.object({
  path: z.enum(ONBOARDING_PATHS).describe('lead when the caller leads a team, whenever they joined'),
  reason: z.enum(['join', 'lead']),
  steps: z.array(onboardingStepView),
  done: z.number().int(),
  total: z.number().int(),
  next: z.enum(ONBOARDING_STEPS).nullable().describe('Where the path resumes'),
  finished: z.boolean(),
});

// A plain string, not an enum: an unknown step is a 422 naming `step`, like a step of the other path.
export const stepParam = z.object({ step: z.string().min(1).max(64) });
