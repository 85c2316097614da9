import { describe, it, expect } from 'vitest';
import { keyResultProgress } from './key-result-progress.js';
import { validateKeyResult, type KeyResultInput } from './validate-key-result.js';

const metric = (startValue: number, targetValue: number, extra: Partial<KeyResultInput> = {}) =>
  ({ kind: 'metric', startValue, targetValue, currentValue: null, weight: 1, ...extra }) as KeyResultInput;

const threshold = (targetMin: number | null, targetMax: number | null): KeyResultInput => ({
  kind: 'threshold',
  targetMin,
  targetMax,
  currentValue: null,
  weight: 1,
});

const milestones = (...items: { title: string; weight: number }[]): KeyResultInput => ({
  kind: 'milestone',
  milestones: items.map((m) => ({ ...m, done: false })),
  weight: 1,
});

const cases: [string, KeyResultInput, string[]][] = [
  ['metric, increase', metric(0, 100), []],
  ['metric, decrease', metric(100, 0), []],
  ['metric, equal start and target', metric(10, 10), ['targetValue']],
  ['metric, NaN start', metric(Number.NaN, 10), ['startValue']],
  ['metric, infinite target', metric(0, Number.POSITIVE_INFINITY), ['targetValue']],
  ['metric, NaN current value', metric(0, 10, { currentValue: Number.NaN }), ['currentValue']],
  ['threshold, min only', threshold(99.9, null), []],
  ['threshold, max only', threshold(null, 300), []],
  ['threshold, both', threshold(10, 20), []],
  ['threshold, min equals max', threshold(5, 5), []],
  ['threshold, no bound', threshold(null, null), ['targetMin']],
  ['threshold, min above max', threshold(20, 10), ['targetMax']],
  ['threshold, NaN min', threshold(Number.NaN, 10), ['targetMin']],
  ['milestone, valid', milestones({ title: 'Ship', weight: 1 }), []],
  ['milestone, none', milestones(), ['milestones']],
  [
    'milestone, zero and negative weights',
    milestones({ title: 'A', weight: 1 }, { title: 'B', weight: 0 }, { title: 'C', weight: -1 }),
    ['milestones[1].weight', 'milestones[2].weight'],
  ],
  ['milestone, blank title', milestones({ title: '  ', weight: 1 }), ['milestones[0].title']],
  ['rollup', { kind: 'rollup', weight: 2 }, []],
  ['zero weight', metric(0, 10, { weight: 0 }), ['weight']],
  ['negative weight', { kind: 'rollup', weight: -1 }, ['weight']],
  ['NaN weight', metric(0, 10, { weight: Number.NaN }), ['weight']],
  ['confidence 0', metric(0, 10, { confidence: 0 }), []],
  ['confidence 10', metric(0, 10, { confidence: 10 }), []],
  ['confidence null', metric(0, 10, { confidence: null }), []],
  ['confidence 11', metric(0, 10, { confidence: 11 }), ['confidence']],
  ['confidence 6.5', metric(0, 10, { confidence: 6.5 }), ['confidence']],
  ['several problems at once', metric(3, 3, { weight: 0, confidence: -1 }), ['targetValue', 'weight', 'confidence']],
];

describe('validateKeyResult', () => {
  it.each(cases)('%s', (_name, input, fields) => {
    expect(validateKeyResult(input).map((p) => p.field)).toEqual(fields);
  });

  it('gives a readable message', () => {
    expect(validateKeyResult(metric(10, 10))[0]?.message).toBe('must differ from startValue');
  });

  it('refuses an unknown kind', () => {
    const bogus = { kind: 'vibes', weight: 1 } as unknown as KeyResultInput;
    expect(validateKeyResult(bogus).map((p) => p.field)).toEqual(['kind']);
  });

  // The contract between validation and computation: valid input always
  // computes, and input whose measure is invalid is refused there too.
  it.each(cases)('%s: progress computes exactly when the measure is valid', (_name, input, fields) => {
    // Titles, weight and confidence do not enter the key result's own progress.
    const measureIsValid = fields.every((f) => f === 'weight' || f === 'confidence' || f.endsWith('.title'));
    if (measureIsValid) expect(() => keyResultProgress(input)).not.toThrow();
    else expect(() => keyResultProgress(input)).toThrow(RangeError);
  });
});
