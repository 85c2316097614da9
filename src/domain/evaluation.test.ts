import { describe, expect, it } from 'vitest';
import { outcomeOfScore, scoreBands, summariseObjectives, tooSafe } from './evaluation.js';
import { checkInPunctuality } from './punctuality.js';

describe('outcomeOfScore', () => {
  it.each([
    [1, 'committed', 'achieved'],
    [0.99, 'committed', 'partially'],
    [0.4, 'committed', 'partially'],
    [0.39, 'committed', 'missed'],
    [0.7, 'aspirational', 'achieved'],
    [0.69, 'aspirational', 'partially'],
    [0, 'aspirational', 'missed'],
  ] as const)('%s %s → %s', (score, type, outcome) => {
    expect(outcomeOfScore(score, type)).toBe(outcome);
  });
});

describe('summariseObjectives', () => {
  const example = [
    { type: 'committed', score: 1 },
    { type: 'committed', score: 0.8 },
    { type: 'committed', score: 0.3 },
    { type: 'aspirational', score: 0.75 },
    { type: 'aspirational', score: 0.5 },
  ] as const;
  it('committed: one of three achieved', () => {
    expect(summariseObjectives(example, 'committed')).toEqual({
      count: 3,
      achieved: 1,
      partially: 1,
      missed: 1,
      achievedShare: 0.3333,
      meanScore: 0.7,
      shareAtLeast07: 0.6667,
    });
  });
  it('aspirational: mean 0.625, half at 0.7 or more', () => {
    expect(summariseObjectives(example, 'aspirational')).toMatchObject({ count: 2, meanScore: 0.625, shareAtLeast07: 0.5, achieved: 1 });
  });
  it('none of a type', () => {
    expect(summariseObjectives([], 'committed')).toMatchObject({ count: 0, achievedShare: null, meanScore: null });
  });
});

describe('scoreBands and tooSafe', () => {
  const kr = (score: number, objectiveType: 'committed' | 'aspirational' = 'aspirational') => ({ score, objectiveType });
  it('bands at 0.4 and 0.7', () => {
    expect(scoreBands([kr(1), kr(0.69), kr(0.4), kr(0.39), kr(0.7)])).toEqual({ low: 1, middle: 2, high: 2 });
  });
  it.each([
    ['three of four perfect', [kr(1), kr(1), kr(1), kr(0.5)], true],
    ['two of three perfect', [kr(1), kr(1), kr(0.5)], false],
    ['committed ones do not count', [kr(1), kr(0.2), kr(1, 'committed'), kr(1, 'committed')], false],
    ['no aspirational key results', [], false],
  ])('%s', (_name, keyResults, flagged) => {
    expect(tooSafe(keyResults).tooSafe).toBe(flagged);
  });
});

describe('checkInPunctuality', () => {
  it.each([
    // Due 8, 15, 22, 29 Jan; check-ins on 3 and 8 Jan fill the first period, 20 Jan the third.
    [
      'weekly up to today',
      { start: '2025-01-01', end: '2025-03-31', today: '2025-01-29', cadenceDays: 7 },
      ['2025-01-03', '2025-01-08', '2025-01-20'],
      4,
      2,
    ],
    ['stops at the cycle end', { start: '2025-01-01', end: '2025-01-20', today: '2025-06-01', cadenceDays: 7 }, ['2025-01-09'], 2, 1],
    ['nothing due yet', { start: '2025-01-01', end: '2025-03-31', today: '2025-01-07', cadenceDays: 7 }, [], 0, 0],
  ])('%s', (_name, window, checkInDates, due, onTime) => {
    expect(checkInPunctuality({ ...window, checkInDates })).toEqual({ due, onTime });
  });
});
