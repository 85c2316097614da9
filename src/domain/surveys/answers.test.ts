import { describe, expect, it } from 'vitest';
import { readAnswer } from './answers.js';
import { summarizeScoreCounts, summarizeScores } from './summary.js';

describe('readAnswer', () => {
  it.each([
    ['scale', 1, { score: 1, text: null }],
    ['scale', 5, { score: 5, text: null }],
    ['scale', 0, 'problem'],
    ['scale', 6, 'problem'],
    ['scale', 2.5, 'problem'],
    ['scale', true, 'problem'],
    ['yes_no', true, { score: 1, text: null }],
    ['yes_no', false, { score: 0, text: null }],
    ['yes_no', 1, 'problem'],
    ['text', '  More context  ', { score: null, text: 'More context' }],
    ['text', '   ', 'problem'],
    ['text', 3, 'problem'],
  ] as const)('%s %j', (kind, value, expected) => {
    const result = readAnswer(kind, value);
    if (expected === 'problem') expect(result).toHaveProperty('problem');
    else expect(result).toEqual(expected);
  });
});

describe('summarizeScores', () => {
  it.each([
    ['scale', [1, 2, 2, 5, 5], { answered: 5, average: 3, distribution: [1, 2, 0, 0, 2] }],
    ['scale', [4, 5, 5], { answered: 3, average: 4.67, distribution: [0, 0, 0, 1, 2] }],
    ['yes_no', [1, 0, 1, 1], { answered: 4, average: 0.75, distribution: null }],
    ['scale', [], { answered: 0, average: null, distribution: [0, 0, 0, 0, 0] }],
  ] as const)('%s %j', (kind, scores, expected) => {
    expect(summarizeScores(kind, scores)).toEqual(expected);
  });
});

describe('summarizeScoreCounts', () => {
  it('equals summarizeScores over the scores the counts stand for', () => {
    let seed = 7;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    for (let round = 0; round < 300; round++) {
      const kind = (['scale', 'yes_no', 'text'] as const)[next(3)]!;
      const scores = Array.from({ length: next(40) }, () => (kind === 'yes_no' ? next(2) : 1 + next(5)));
      const counts: number[] = [];
      for (const score of scores) counts[score] = (counts[score] ?? 0) + 1;
      expect(summarizeScoreCounts(kind, counts)).toEqual(summarizeScores(kind, scores));
    }
  });
});
