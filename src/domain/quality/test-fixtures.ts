/**
 * Builders for the quality tests: a draft objective that passes every rule,
 * which each test then breaks in exactly one way. Not exported from index.ts.
 */
import type { DraftKeyResult, DraftObjective, QualityContext, QualityRule, RuleFinding } from './types.js';
import { DEFAULT_PRINCIPLES } from './types.js';

/** Today in every test: 15 February 2025, as in docs/METHOD.md. */
export const AS_OF = '2025-02-15';

export const GOOD_CONTEXT: QualityContext = {
  asOf: AS_OF,
  cadenceDays: 7,
  ownerObjectiveCount: 2,
  cycleAspirationalShare: 0.2,
  cycleNumber: 3,
};

const READY = {
  dataSource: 'Product analytics',
  baselineKnown: true,
  measuredBy: 'Growth analyst',
  frequency: 'weekly',
  reliability: 'reliable',
} as const;

/** A sound metric key result; override any field. */
export function metric(overrides: Partial<DraftKeyResult> = {}): DraftKeyResult {
  return {
    title: 'Raise activation rate from 40% to 60%',
    kind: 'metric',
    unit: '%',
    startValue: 40,
    targetValue: 60,
    ownerId: 'u-1',
    lastCheckInDate: '2025-02-10',
    createdDate: '2025-01-02',
    dataReadiness: READY,
    ...overrides,
  };
}

/** A threshold key result (kept only where a test needs one). */
export function threshold(overrides: Partial<DraftKeyResult> = {}): DraftKeyResult {
  return metric({
    title: 'First support reply within 4 hours',
    kind: 'threshold',
    unit: 'hours',
    startValue: 9,
    targetValue: undefined,
    targetMax: 4,
    ...overrides,
  });
}

/** A milestone key result. */
export function milestone(overrides: Partial<DraftKeyResult> = {}): DraftKeyResult {
  return metric({
    title: 'Onboarding flow redesign',
    kind: 'milestone',
    unit: undefined,
    startValue: undefined,
    targetValue: undefined,
    milestones: [
      { title: 'Design', weight: 1, done: true },
      { title: 'Build', weight: 2, done: false },
    ],
    ...overrides,
  });
}

/** An objective that passes every rule with the default principles. */
export function objective(overrides: Partial<DraftObjective> = {}): DraftObjective {
  return {
    title: 'Make onboarding effortless',
    description: 'New teams get to their first check-in without help.',
    whyImportant: 'Half of new teams never reach their first check-in, and they churn within 3 months.',
    whyUrgent: 'Trial conversion fell two quarters in a row.',
    ownerId: 'u-1',
    teamId: 't-growth',
    level: 'team',
    type: 'committed',
    status: 'active',
    progressDriver: 'key_results',
    alignedChildCount: 0,
    parentCount: 1,
    standaloneReason: null,
    keyResults: [
      metric(),
      metric({ title: 'Cut median time to first check-in from 9 to 3 days', unit: 'days', startValue: 9, targetValue: 3 }),
    ],
    progress: 0.5,
    expectedProgress: 0.5,
    latestNote: null,
    ...overrides,
  };
}

/** Runs one rule with the default principles and the good context unless given. */
export function run(
  rule: QualityRule,
  draft: DraftObjective,
  context: QualityContext = GOOD_CONTEXT,
  principles = DEFAULT_PRINCIPLES,
): RuleFinding[] {
  return rule.check(draft, context, principles);
}

/** Fields flagged by one rule: the compact thing most table tests compare. */
export function fields(rule: QualityRule, draft: DraftObjective, context?: QualityContext): string[] {
  return run(rule, draft, context).map((finding) => finding.field);
}
