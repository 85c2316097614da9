import { describe, expect, it } from 'vitest';
import { metric, milestone, objective, run, threshold } from '../test-fixtures.js';
import type { DraftKeyResult } from '../types.js';
import { missingBaseline, startEqualsTarget, targetAlreadyMet } from './targets.js';

const fieldsFor = (rule: typeof startEqualsTarget, kr: DraftKeyResult) =>
  run(rule, objective({ keyResults: [metric(), kr] })).map((f) => f.field);

describe('start-equals-target', () => {
  it.each<[string, DraftKeyResult, string[]]>([
    ['increase', metric({ startValue: 40, targetValue: 60 }), []],
    ['decrease', metric({ startValue: 9, targetValue: 3 }), []],
    ['equal', metric({ startValue: 3, targetValue: 3 }), ['keyResults[1].targetValue']],
    ['equal at zero', metric({ startValue: 0, targetValue: 0 }), ['keyResults[1].targetValue']],
    ['no start (another rule speaks)', metric({ startValue: undefined, targetValue: 3 }), []],
    ['threshold (no start/target pair)', threshold({ startValue: 4, targetMax: 4 }), []],
  ])('%s → %j', (_name, kr, expected) => {
    expect(fieldsFor(startEqualsTarget, kr)).toEqual(expected);
  });

  it('names the value', () => {
    const [finding] = run(startEqualsTarget, objective({ keyResults: [metric({ startValue: 2500, targetValue: 2500 })] }));
    expect(finding?.message).toContain('starts and ends at 2,500');
  });
});

describe('target-already-met', () => {
  it.each<[string, DraftKeyResult, string[]]>([
    ['reply time 9h, limit at most 4h', threshold({ startValue: 9, targetMax: 4 }), []],
    ['uptime 99.2, limit at least 99.9', threshold({ startValue: 99.2, targetMin: 99.9, targetMax: undefined }), []],
    ['no start value', threshold({ startValue: undefined }), []],
    ['no limits (another rule speaks)', threshold({ startValue: 3, targetMax: undefined }), []],
    ['reply time 3h, limit at most 4h', threshold({ startValue: 3, targetMax: 4 }), ['keyResults[1].targetMax']],
    ['exactly on the limit', threshold({ startValue: 4, targetMax: 4 }), ['keyResults[1].targetMax']],
    [
      'uptime 99.95, limit at least 99.9',
      threshold({ startValue: 99.95, targetMin: 99.9, targetMax: undefined }),
      ['keyResults[1].targetMin'],
    ],
    ['inside a band', threshold({ startValue: 5, targetMin: 2, targetMax: 8 }), ['keyResults[1].targetMin']],
    ['below a band', threshold({ startValue: 1, targetMin: 2, targetMax: 8 }), []],
    ['metric: direction comes from start and target', metric({ startValue: 60, targetValue: 40 }), []],
  ])('%s → %j', (_name, kr, expected) => {
    expect(fieldsFor(targetAlreadyMet, kr)).toEqual(expected);
  });

  it('quotes the start and the band', () => {
    const kr = threshold({ title: 'Uptime', startValue: 99.95, targetMin: 99.5, targetMax: undefined });
    const [finding] = run(targetAlreadyMet, objective({ keyResults: [kr] }));
    expect(finding?.message).toBe('“Uptime” starts at 99.95, which already meets “at least 99.5”: it is met before the cycle begins.');
  });
});

describe('missing-baseline', () => {
  it.each<[string, DraftKeyResult, string[]]>([
    ['metric with a start', metric(), []],
    ['metric starting at 0', metric({ startValue: 0 }), []],
    ['metric without a start', metric({ startValue: undefined }), ['keyResults[1].startValue']],
    ['metric with start null', metric({ startValue: null }), ['keyResults[1].startValue']],
    [
      'metric whose baseline is a guess',
      metric({ dataReadiness: { baselineKnown: false } }),
      ['keyResults[1].dataReadiness.baselineKnown'],
    ],
    [
      'both: reported once, on the start value',
      metric({ startValue: undefined, dataReadiness: { baselineKnown: false } }),
      ['keyResults[1].startValue'],
    ],
    [
      'threshold whose baseline is a guess',
      threshold({ dataReadiness: { baselineKnown: false } }),
      ['keyResults[1].dataReadiness.baselineKnown'],
    ],
    ['threshold without a start is fine', threshold({ startValue: undefined }), []],
    ['milestones have no baseline', milestone({ dataReadiness: { baselineKnown: false } }), []],
    ['baselineKnown not answered', metric({ dataReadiness: {} }), []],
  ])('%s → %j', (_name, kr, expected) => {
    expect(fieldsFor(missingBaseline, kr)).toEqual(expected);
  });
});
