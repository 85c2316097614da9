import { describe, expect, it } from 'vitest';
import { meanOf, principlesAtLevel, qualification, type AdoptionLevelFigures, type MaturityLevel } from './maturity.js';

describe('qualification for the next maturity level', () => {
  const cases: { level: MaturityLevel; figures: AdoptionLevelFigures; next: MaturityLevel | null; qualifies: boolean }[] = [
    { level: 'learning', figures: { involvement: 0.6, onTimeCheckIns: 0.6, averageQuality: null }, next: 'practising', qualifies: true },
    { level: 'learning', figures: { involvement: 0.59, onTimeCheckIns: 0.9, averageQuality: 90 }, next: 'practising', qualifies: false },
    { level: 'learning', figures: { involvement: null, onTimeCheckIns: 0.9, averageQuality: 90 }, next: 'practising', qualifies: false },
    { level: 'practising', figures: { involvement: 0.8, onTimeCheckIns: 0.75, averageQuality: 70 }, next: 'scaling', qualifies: true },
    { level: 'practising', figures: { involvement: 0.9, onTimeCheckIns: 0.9, averageQuality: 69 }, next: 'scaling', qualifies: false },
    { level: 'scaling', figures: { involvement: 1, onTimeCheckIns: 1, averageQuality: 100 }, next: null, qualifies: false },
  ];
  it.each(cases)('$level with $figures: next $next, qualifies $qualifies', ({ level, figures, next, qualifies }) => {
    const q = qualification(level, figures);
    expect(q.next).toBe(next);
    expect(q.qualifies).toBe(qualifies);
  });

  it('names each criterion with what is needed and what was measured', () => {
    expect(qualification('learning', { involvement: 0.5, onTimeCheckIns: 0.7, averageQuality: null }).criteria).toEqual([
      { figure: 'involvement', needed: 0.6, actual: 0.5, met: false },
      { figure: 'onTimeCheckIns', needed: 0.6, actual: 0.7, met: true },
    ]);
  });
});

describe('principlesAtLevel', () => {
  it.each([
    ['learning', 0, 3, 'block'],
    ['practising', 0.3, 4, 'warn'],
    ['scaling', 0.5, 5, 'tip'],
  ] as const)('%s: aspirational share %s, at most %s key results, stretch policy %s', (level, share, max, setting) => {
    const p = principlesAtLevel(level, {});
    expect(p.stretchPolicy?.maxAspirationalShare).toBe(share);
    expect(p.maxKeyResults).toBe(max);
    expect(p.rules?.['stretch-policy']).toBe(setting);
  });

  it('keeps the organisation’s other choices and never leaves the minimum above the maximum', () => {
    const p = principlesAtLevel('learning', { minKeyResults: 4, maxTitleLength: 80, rules: { 'no-owner': 'warn' } });
    expect(p).toMatchObject({
      minKeyResults: 3,
      maxKeyResults: 3,
      maxTitleLength: 80,
      rules: { 'no-owner': 'warn', 'stretch-policy': 'block' },
    });
  });
});

describe('meanOf', () => {
  it.each([
    [[], null],
    [[null, null], null],
    [[0.5, null, 1], 0.75],
  ] as const)('%j → %s', (values, expected) => expect(meanOf(values)).toBe(expected));
});
