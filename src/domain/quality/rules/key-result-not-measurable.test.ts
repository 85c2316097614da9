import { describe, expect, it } from 'vitest';
import { metric, milestone, objective, run, threshold } from '../test-fixtures.js';
import type { DraftKeyResult } from '../types.js';
import { keyResultNotMeasurable } from './key-result-not-measurable.js';

function check(kr: DraftKeyResult) {
  return run(keyResultNotMeasurable, objective({ keyResults: [metric({ title: 'Weekly active teams from 120 to 200' }), kr] }));
}

describe('key-result-not-measurable: measurable key results pass', () => {
  it.each<[string, DraftKeyResult]>([
    ['a complete metric', metric()],
    ['“Improve NPS from 32 to 45”: vague verb, but numbers', metric({ title: 'Improve NPS from 32 to 45', unit: 'points' })],
    ['“Grow revenue” with a numeric target', metric({ title: 'Grow revenue', unit: 'EUR', startValue: 1_200_000, targetValue: 2_000_000 })],
    ['a threshold with only a maximum', threshold({ targetMin: null, targetMax: 4 })],
    ['a threshold with only a minimum', threshold({ targetMax: undefined, targetMin: 99.9, title: 'Keep uptime high' })],
    ['“Better onboarding” as a milestone list with milestones', milestone({ title: 'Better onboarding' })],
    ['a rollup: measured by its aligned objectives', { title: 'Improve reliability', kind: 'rollup' }],
    ['target 0 is a real target', metric({ title: 'Reduce open P1 bugs', unit: 'bugs', startValue: 14, targetValue: 0 })],
  ])('%s', (_name, kr) => {
    expect(check(kr)).toEqual([]);
  });
});

describe('key-result-not-measurable: what is flagged, and where', () => {
  it.each<[string, DraftKeyResult, string, string]>([
    [
      'metric with no target',
      metric({ title: 'Weekly active teams', targetValue: undefined }),
      'keyResults[1].targetValue',
      'has no target value',
    ],
    [
      'metric with NaN target',
      metric({ title: 'Weekly active teams', targetValue: Number.NaN }),
      'keyResults[1].targetValue',
      'no target value',
    ],
    ['metric with no unit', metric({ unit: undefined }), 'keyResults[1].unit', '60 what?'],
    ['metric with a blank unit', metric({ unit: '  ' }), 'keyResults[1].unit', 'has no unit'],
    [
      'metric with neither',
      metric({ title: 'Active teams', unit: '', targetValue: null }),
      'keyResults[1].targetValue',
      'no target value and no unit',
    ],
    ['threshold without limits', threshold({ targetMax: null, targetMin: null }), 'keyResults[1].targetMin', 'no lower or upper limit'],
    ['milestone list without milestones', milestone({ milestones: [] }), 'keyResults[1].milestones', 'has no milestones'],
    [
      '“Better onboarding” milestone, no milestones',
      milestone({ title: 'Better onboarding', milestones: undefined }),
      'keyResults[1].milestones',
      '“Better onboarding” has no milestones',
    ],
    [
      '“Improve onboarding”, metric without target',
      metric({ title: 'Improve onboarding', targetValue: undefined }),
      'keyResults[1].title',
      'says “improve” but not from what to what',
    ],
    [
      '“Increase and optimise conversion”',
      metric({ title: 'Increase and optimise conversion', targetValue: undefined }),
      'keyResults[1].title',
      '“increase” and “optimise”',
    ],
    [
      '“Improve Q3 retention”: Q3 is a label, not a number',
      metric({ title: 'Improve Q3 retention', targetValue: undefined }),
      'keyResults[1].title',
      '“improve”',
    ],
    [
      '“Grow revenue in 2025”: a year is not a target',
      metric({ title: 'Grow revenue in 2025', targetValue: undefined }),
      'keyResults[1].title',
      '“grow”',
    ],
    [
      '“Boost uptime” threshold without limits',
      threshold({ title: 'Boost uptime', targetMax: undefined }),
      'keyResults[1].title',
      'no lower or upper limit',
    ],
    [
      'numbers in the title but not in the fields',
      metric({ title: 'Improve NPS from 32 to 45', targetValue: undefined }),
      'keyResults[1].targetValue',
      'The title mentions “32” and “45”',
    ],
  ])('%s', (_name, kr, field, words) => {
    const findings = check(kr);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.field).toBe(field);
    expect(findings[0]?.message).toContain(words);
    expect(findings[0]?.suggestion).toBeTruthy();
  });

  it('reports every key result that is not measurable', () => {
    const draft = objective({ keyResults: [metric({ targetValue: undefined }), metric(), threshold({ targetMax: undefined })] });
    expect(run(keyResultNotMeasurable, draft).map((f) => f.field)).toEqual(['keyResults[0].targetValue', 'keyResults[2].targetMin']);
  });

  it('names an untitled key result by position', () => {
    const [finding] = check(metric({ title: '', targetValue: undefined }));
    expect(finding?.message).toMatch(/^Key result 2 has no target value/);
  });
});
