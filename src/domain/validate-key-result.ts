/**
 * Validation of a key result as submitted through the API or a form.
 *
 * Reports, rather than throws, everything the progress functions would
 * refuse, so a key result that passes here can always be computed.
 */
import type { KeyResultMeasure, MetricKeyResult, MilestoneKeyResult, ThresholdKeyResult } from './key-result.js';
import { finiteNumberProblems, validateConfidence, weightProblems, type ValidationProblem } from './validation.js';

/** A key result's measure plus the fields every kind shares. */
export type KeyResultInput = KeyResultMeasure & {
  /** How much this key result counts in its objective; must be > 0. */
  readonly weight: number;
  /** Owner's confidence 0–10, if given. */
  readonly confidence?: number | null;
};

function currentValueProblems(value: number | null): ValidationProblem[] {
  return value === null ? [] : finiteNumberProblems(value, 'currentValue');
}

function metricProblems(kr: MetricKeyResult): ValidationProblem[] {
  const problems = [
    ...finiteNumberProblems(kr.startValue, 'startValue'),
    ...finiteNumberProblems(kr.targetValue, 'targetValue'),
    ...currentValueProblems(kr.currentValue),
  ];
  // Equal start and target has no direction and would divide by zero.
  if (problems.length === 0 && kr.startValue === kr.targetValue) {
    problems.push({ field: 'targetValue', message: 'must differ from startValue' });
  }
  return problems;
}

function thresholdProblems(kr: ThresholdKeyResult): ValidationProblem[] {
  const min = kr.targetMin ?? null;
  const max = kr.targetMax ?? null;
  if (min === null && max === null) {
    return [{ field: 'targetMin', message: 'set targetMin, targetMax or both' }, ...currentValueProblems(kr.currentValue)];
  }
  const problems = [
    ...(min === null ? [] : finiteNumberProblems(min, 'targetMin')),
    ...(max === null ? [] : finiteNumberProblems(max, 'targetMax')),
    ...currentValueProblems(kr.currentValue),
  ];
  if (problems.length === 0 && min !== null && max !== null && min > max) {
    problems.push({ field: 'targetMax', message: 'must be greater than or equal to targetMin' });
  }
  return problems;
}

function milestoneProblems(kr: MilestoneKeyResult): ValidationProblem[] {
  if (kr.milestones.length === 0) {
    return [{ field: 'milestones', message: 'add at least one milestone' }];
  }
  return kr.milestones.flatMap((milestone, index) => [
    ...(milestone.title.trim() === '' ? [{ field: `milestones[${index}].title`, message: 'must not be empty' }] : []),
    ...weightProblems(milestone.weight, `milestones[${index}].weight`),
  ]);
}

function measureProblems(kr: KeyResultMeasure): ValidationProblem[] {
  switch (kr.kind) {
    case 'metric':
      return metricProblems(kr);
    case 'threshold':
      return thresholdProblems(kr);
    case 'milestone':
      return milestoneProblems(kr);
    case 'rollup':
      return []; // its inputs are the aligned objectives, validated on their own
    default:
      return [{ field: 'kind', message: 'must be metric, threshold, milestone or rollup' }];
  }
}

/** Every problem with a key result; an empty list means it is valid. */
export function validateKeyResult(input: KeyResultInput): ValidationProblem[] {
  const problems = [...measureProblems(input), ...weightProblems(input.weight, 'weight')];
  if (input.confidence !== undefined && input.confidence !== null) {
    problems.push(...validateConfidence(input.confidence));
  }
  return problems;
}
