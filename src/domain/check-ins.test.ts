import { describe, it, expect } from 'vitest';
import { keyResultAsOf, valueAsOf, type CheckIn } from './check-ins.js';
import type { KeyResultMeasure } from './key-result.js';

const checkIn = (
  id: string,
  asOf: string,
  createdAt: string,
  value: number | null,
  confidence: number | null = null,
): CheckIn & { id: string } => ({ id, asOf, createdAt, value, milestonesDone: null, confidence });

// Deliberately unsorted. b1/b2 share a date; b2 was entered later (a correction).
// c was back-dated: entered after d but describing an earlier date.
const history = [
  checkIn('d', '2025-01-20', '2025-01-20T10:00:00.000Z', 40, 6),
  checkIn('b2', '2025-01-10', '2025-01-11T08:00:00.000Z', 25, 7),
  checkIn('a', '2025-01-05', '2025-01-05T09:00:00.000Z', 10, 5),
  checkIn('b1', '2025-01-10', '2025-01-10T17:30:00.000Z', 20, 8),
  checkIn('c', '2025-01-15', '2025-01-21T12:00:00.000Z', 30, null),
];

describe('valueAsOf', () => {
  it.each<[string, string | null]>([
    ['2025-01-01', null], // before any check-in
    ['2025-01-04', null],
    ['2025-01-05', 'a'], // same day counts
    ['2025-01-09', 'a'],
    ['2025-01-10', 'b2'], // same-date tie: latest createdAt wins
    ['2025-01-14', 'b2'],
    ['2025-01-15', 'c'], // back-dated check-in is placed by asOf, not createdAt
    ['2025-01-19', 'c'],
    ['2025-01-20', 'd'],
    ['2025-12-31', 'd'],
  ])('as of %s → %s', (asOf, expectedId) => {
    expect(valueAsOf(history, asOf)?.id ?? null).toBe(expectedId);
  });

  it('returns the value and confidence of that check-in', () => {
    expect(valueAsOf(history, '2025-01-12')).toMatchObject({ value: 25, confidence: 7 });
  });

  it('is null for an empty history', () => {
    expect(valueAsOf([], '2025-01-12')).toBeNull();
  });

  it('compares createdAt as instants, not text', () => {
    const sameDay = [
      checkIn('utc', '2025-01-10', '2025-01-10T10:00:00Z', 1),
      checkIn('offset', '2025-01-10', '2025-01-10T11:30:00+02:00', 2), // 09:30Z, earlier
    ];
    expect(valueAsOf(sameDay, '2025-01-10')?.id).toBe('utc');
  });

  it.each([
    ['an invalid asOf', history, '2025-01-32'],
    ['an invalid createdAt', [checkIn('x', '2025-01-01', 'yesterday', 1), history[0]!], '2025-02-01'],
  ])('refuses %s with a RangeError', (_name, checkIns, asOf) => {
    expect(() => valueAsOf(checkIns, asOf)).toThrow(RangeError);
  });
});

describe('keyResultAsOf', () => {
  const metric: KeyResultMeasure = { kind: 'metric', startValue: 0, targetValue: 100, currentValue: 99 };

  it.each<[string, number | null]>([
    ['2025-01-01', null], // no check-in yet: no value, whatever is stored now
    ['2025-01-10', 25],
    ['2025-01-30', 40],
  ])('metric as of %s has currentValue %s', (asOf, expected) => {
    expect(keyResultAsOf(metric, history, asOf)).toEqual({ ...metric, currentValue: expected });
  });

  const milestones: KeyResultMeasure = {
    kind: 'milestone',
    milestones: [
      { title: 'Spec', weight: 1, done: true },
      { title: 'Build', weight: 2, done: true },
      { title: 'Launch', weight: 1, done: true },
    ],
  };
  const milestoneHistory: CheckIn[] = [
    { asOf: '2025-01-05', createdAt: '2025-01-05T09:00:00Z', value: null, milestonesDone: [true], confidence: 6 },
    { asOf: '2025-01-12', createdAt: '2025-01-12T09:00:00Z', value: null, milestonesDone: [true, true, false], confidence: 7 },
  ];

  it.each<[string, boolean[]]>([
    ['2025-01-01', [false, false, false]],
    ['2025-01-06', [true, false, false]], // positions missing from the check-in: not done
    ['2025-01-12', [true, true, false]],
  ])('milestones as of %s are %o', (asOf, expected) => {
    const result = keyResultAsOf(milestones, milestoneHistory, asOf);
    expect(result.kind === 'milestone' && result.milestones.map((m) => m.done)).toEqual(expected);
  });

  it('leaves a rollup unchanged', () => {
    expect(keyResultAsOf({ kind: 'rollup' }, history, '2025-01-10')).toEqual({ kind: 'rollup' });
  });
});
