/**
 * Start and target: is there a distance to travel, and do we know where we
 * start from?
 */
import { eachKeyResult, formatNumber, isNumber, krField, krName } from '../helpers.js';
import type { DraftKeyResult, QualityRule, RuleFinding } from '../types.js';

export const startEqualsTarget: QualityRule = {
  id: 'start-equals-target',
  title: 'The target must differ from the start',
  defaultSeverity: 'warn',
  why: 'A metric whose target equals its start has nowhere to go: it has no direction and its progress cannot be computed. If holding the level is the point, it is a threshold.',
  weakExample: 'Churn from 3% to 3%',
  strongExample: 'Churn from 3% to 2%, or a threshold “Churn at most 3%”',
  check(objective) {
    return eachKeyResult(objective, (kr, index) => {
      if (kr.kind !== 'metric' || !isNumber(kr.startValue) || !isNumber(kr.targetValue)) return [];
      if (kr.startValue !== kr.targetValue) return [];
      return [
        {
          field: krField(index, 'targetValue'),
          message: `${krName(kr, index)} starts and ends at ${formatNumber(kr.startValue)}: there is nothing to move.`,
          suggestion: 'Set the target you want to reach, or make it a threshold if the aim is to hold the level.',
        },
      ];
    });
  },
};

/** Does the start value already satisfy every limit the threshold sets? */
function alreadyInside(kr: DraftKeyResult): kr is DraftKeyResult & { startValue: number } {
  if (!isNumber(kr.startValue)) return false;
  const min = isNumber(kr.targetMin) ? kr.targetMin : null;
  const max = isNumber(kr.targetMax) ? kr.targetMax : null;
  if (min === null && max === null) return false;
  return (min === null || kr.startValue >= min) && (max === null || kr.startValue <= max);
}

function band(kr: DraftKeyResult): string {
  const parts = [
    isNumber(kr.targetMin) ? `at least ${formatNumber(kr.targetMin)}` : null,
    isNumber(kr.targetMax) ? `at most ${formatNumber(kr.targetMax)}` : null,
  ];
  return parts.filter((part) => part !== null).join(' and ');
}

export const targetAlreadyMet: QualityRule = {
  id: 'target-already-met',
  title: 'The target is not met before you start',
  defaultSeverity: 'warn',
  why: 'A key result that is already achieved on day one shows 100% without anyone doing anything. It hides the real ambition and inflates the objective’s progress.',
  weakExample: 'Uptime at least 99.5% (currently 99.95%)',
  strongExample: 'Uptime at least 99.95% through the peak season, or track uptime as a KPI',
  check(objective) {
    return eachKeyResult(objective, (kr, index): RuleFinding[] => {
      if (kr.kind !== 'threshold' || !alreadyInside(kr)) return [];
      return [
        {
          field: krField(index, isNumber(kr.targetMin) ? 'targetMin' : 'targetMax'),
          message: `${krName(kr, index)} starts at ${formatNumber(kr.startValue)}, which already meets “${band(kr)}”: it is met before the cycle begins.`,
          suggestion: 'Raise the bar to something that takes effort, or track this as a KPI instead of a key result.',
        },
      ];
    });
  },
};

export const missingBaseline: QualityRule = {
  id: 'missing-baseline',
  title: 'Know your starting point',
  defaultSeverity: 'warn',
  why: 'Without a baseline nobody knows whether the target is ambitious or already reached, and progress is measured from a guess.',
  weakExample: 'Raise NPS to 45 (start value unknown)',
  strongExample: 'Raise NPS from 32 (last quarter’s survey) to 45',
  check(objective) {
    return eachKeyResult(objective, (kr, index): RuleFinding[] => {
      const name = krName(kr, index);
      if (kr.kind === 'metric' && !isNumber(kr.startValue)) {
        return [
          {
            field: krField(index, 'startValue'),
            message: `${name} has no start value, so its progress has nothing to be measured from.`,
            suggestion: 'Enter today’s value. If nobody knows it, measuring it is the first step.',
          },
        ];
      }
      const hasNumber = kr.kind === 'metric' || kr.kind === 'threshold';
      if (hasNumber && kr.dataReadiness?.baselineKnown === false) {
        return [
          {
            field: krField(index, 'dataReadiness.baselineKnown'),
            message: `The baseline of ${name} is marked as not known: the start value is a guess.`,
            suggestion: 'Measure the current value before committing to the target, or note where the estimate comes from.',
          },
        ];
      }
      return [];
    });
  },
};
