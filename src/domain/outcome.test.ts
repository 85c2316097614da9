import { describe, expect, it } from 'vitest';
import { proposalDate, proposeOutcome } from './outcome.js';
import type { ObjectiveType, Outcome } from './vocabulary.js';

describe('proposeOutcome', () => {
  it.each<[number | null, ObjectiveType, Outcome]>([
    [1, 'committed', 'achieved'],
    [(1 / 49) * 49, 'committed', 'achieved'], // 0.9999999999999999 in floats
    [0.99, 'committed', 'partially'],
    [0.7, 'committed', 'partially'],
    [0.4, 'committed', 'partially'],
    [0.39, 'committed', 'missed'],
    [0, 'committed', 'missed'],
    [1, 'aspirational', 'achieved'],
    [0.7, 'aspirational', 'achieved'],
    [(0.7 * 3) / 3, 'aspirational', 'achieved'], // 0.6999999999999998 in floats
    [0.69, 'aspirational', 'partially'],
    [0.4, 'aspirational', 'partially'],
    [0.3999, 'aspirational', 'missed'],
    [null, 'aspirational', 'missed'],
    [null, 'committed', 'missed'],
  ])('score %s, %s → %s', (score, type, expected) => {
    expect(proposeOutcome(score, type)).toBe(expected);
  });

  it('refuses a non-finite score', () => {
    expect(() => proposeOutcome(Number.NaN, 'committed')).toThrow(RangeError);
  });
});

describe('proposalDate', () => {
  it.each([
    ['2025-03-31', '2025-03-20', '2025-03-20'], // review opened early: today
    ['2025-03-31', '2025-03-31', '2025-03-31'],
    ['2025-03-31', '2025-04-05', '2025-03-31'], // after the end: the end date
  ])('end %s, today %s → %s', (end, today, expected) => {
    expect(proposalDate(end, today)).toBe(expected);
  });
});
