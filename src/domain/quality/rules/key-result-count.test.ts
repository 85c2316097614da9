import { describe, expect, it } from 'vitest';
import { fields, metric, objective, run } from '../test-fixtures.js';
import type { DraftObjective, ProgressDriver } from '../types.js';
import { DEFAULT_PRINCIPLES } from '../types.js';
import { objectiveHasNoMeasure, tooFewKeyResults, tooManyKeyResults } from './key-result-count.js';

const krs = (count: number) => Array.from({ length: count }, (_, i) => metric({ title: `Measure ${i}` }));

describe('objective-has-no-measure', () => {
  it.each<[string, ProgressDriver, number, number, string[]]>([
    ['key results drive it', 'key_results', 2, 0, []],
    ['aligned objectives drive it', 'aligned', 0, 3, []],
    ['both, key results only', 'both', 1, 0, []],
    ['both, aligned only', 'both', 0, 2, []],
    ['nothing at all', 'key_results', 0, 0, ['keyResults']],
    ['nothing at all, driver both', 'both', 0, 0, ['keyResults']],
    ['nothing at all, driver aligned', 'aligned', 0, 0, ['keyResults']],
    ['aligned children ignored by a key_results driver', 'key_results', 0, 2, ['progressDriver']],
    ['key results ignored by an aligned driver', 'aligned', 3, 0, ['progressDriver']],
  ])('%s', (_name, progressDriver, krCount, alignedChildCount, expected) => {
    const draft = objective({ progressDriver, alignedChildCount, keyResults: krs(krCount) });
    expect(fields(objectiveHasNoMeasure, draft)).toEqual(expected);
  });

  it('names the driver to switch to', () => {
    const [finding] = run(objectiveHasNoMeasure, objective({ keyResults: [], alignedChildCount: 2 }));
    expect(finding?.message).toContain('2 aligned objectives');
    expect(finding?.suggestion).toContain('“aligned”');
  });
});

describe('too-many-key-results', () => {
  it.each([
    [1, false],
    [5, false],
    [6, true],
    [9, true],
  ])('%i key results → flagged %s', (count, flagged) => {
    expect(fields(tooManyKeyResults, objective({ keyResults: krs(count) }))).toEqual(flagged ? ['keyResults'] : []);
  });

  it('follows the guiding principles and says the numbers', () => {
    const draft = objective({ keyResults: krs(4) });
    const strict = { ...DEFAULT_PRINCIPLES, maxKeyResults: 3 };
    const [finding] = tooManyKeyResults.check(draft, {}, strict);
    expect(finding?.message).toBe('This objective has 4 key results; your guiding principles allow at most 3.');
  });
});

describe('too-few-key-results', () => {
  it.each<[string, Partial<DraftObjective>, boolean]>([
    ['no key results (another rule speaks)', { keyResults: [] }, false],
    ['one key result', { keyResults: krs(1) }, true],
    ['two key results', { keyResults: krs(2) }, false],
    ['one key result plus aligned objectives driving it', { keyResults: krs(1), progressDriver: 'both', alignedChildCount: 2 }, false],
    ['one key result, aligned objectives not driving it', { keyResults: krs(1), alignedChildCount: 2 }, true],
  ])('%s → flagged %s', (_name, overrides, flagged) => {
    expect(fields(tooFewKeyResults, objective(overrides))).toEqual(flagged ? ['keyResults'] : []);
  });

  it('uses minKeyResults from the principles', () => {
    const draft = objective({ keyResults: krs(2) });
    const principles = { ...DEFAULT_PRINCIPLES, minKeyResults: 3 };
    expect(tooFewKeyResults.check(draft, {}, principles)).toHaveLength(1);
  });
});
