import { describe, it, expect } from 'vitest';
import { validateConfidence, validateObjectiveWeights, type ObjectiveWeightsInput } from './validation.js';

describe('validateConfidence', () => {
  it.each([
    [0, true],
    [5, true],
    [10, true],
    [-1, false],
    [11, false],
    [7.5, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%s valid: %s', (value, valid) => {
    const problems = validateConfidence(value);
    expect(problems.length === 0).toBe(valid);
    if (!valid) expect(problems[0]?.field).toBe('confidence');
  });

  it('names a custom field', () => {
    expect(validateConfidence(12, 'checkIn.confidence')[0]?.field).toBe('checkIn.confidence');
  });
});

describe('validateObjectiveWeights', () => {
  it.each<[string, ObjectiveWeightsInput, string[]]>([
    ['nothing to check', {}, []],
    ['all valid', { weight: 1, keyResults: [{ weight: 1 }, { weight: 0.5 }], alignedObjectives: [{ weight: 3 }] }, []],
    ['zero own weight', { weight: 0 }, ['weight']],
    ['negative own weight', { weight: -2 }, ['weight']],
    ['NaN own weight', { weight: Number.NaN }, ['weight']],
    [
      'bad key result weights, by index',
      { keyResults: [{ weight: 1 }, { weight: 0 }, { weight: -1 }] },
      ['keyResults[1].weight', 'keyResults[2].weight'],
    ],
    ['bad aligned link weight', { alignedObjectives: [{ weight: Number.POSITIVE_INFINITY }] }, ['alignedObjectives[0].weight']],
    [
      'every problem reported at once',
      { weight: 0, keyResults: [{ weight: 0 }], alignedObjectives: [{ weight: 0 }] },
      ['weight', 'keyResults[0].weight', 'alignedObjectives[0].weight'],
    ],
  ])('%s', (_name, input, fields) => {
    expect(validateObjectiveWeights(input).map((p) => p.field)).toEqual(fields);
  });

  it('explains the rule', () => {
    expect(validateObjectiveWeights({ weight: 0 })[0]?.message).toMatch(/greater than 0/);
  });
});
