import { describe, it, expect } from 'vitest';
import { addDays } from './dates.js';
import { forecastProgress, type ProgressPoint } from './forecast.js';

// 10-day cycle: the close of the cycle is x = 10 days after the start.
const cycle = { startDate: '2025-01-01', endDate: '2025-01-10' };
const day = (x: number, progress: number): ProgressPoint => ({
  date: addDays(cycle.startDate, x),
  progress,
});

describe('forecastProgress', () => {
  it.each<[string, ProgressPoint[], number]>([
    ['no history: nothing to project', [], 0],
    ['one point, with the cycle start added at 0', [day(5, 0.5)], 1],
    ['one slow point', [day(5, 0.25)], 0.5],
    ['exactly on the pace line', [day(0, 0), day(5, 0.5)], 1],
    ['two points: the line through them', [day(2, 0.2), day(4, 0.6)], 1.8], // not capped at 1
    ['declining trend is clamped at 0', [day(2, 0.5), day(6, 0.1)], 0],
    ['flat trend', [day(1, 0.4), day(8, 0.4)], 0.4],
    ['least squares over three points', [day(1, 0.1), day(3, 0.4), day(5, 0.4)], 0.825],
    ['order of points does not matter', [day(5, 0.4), day(1, 0.1), day(3, 0.4)], 0.825],
    ['same-day points: no trend, their mean', [day(3, 0.2), day(3, 0.4)], 0.3],
    ['single point on the start date: mean with the added start', [day(0, 0.2)], 0.1],
    ['a point on the last day', [day(9, 0.9)], 1],
  ])('%s → %s', (_name, points, expected) => {
    expect(forecastProgress(points, cycle)).toBeCloseTo(expected, 12);
  });

  it('projects to the close of a real quarter', () => {
    const q1 = { startDate: '2025-01-01', endDate: '2025-03-31' }; // 90 days
    expect(forecastProgress([{ date: '2025-02-15', progress: 0.5 }], q1)).toBeCloseTo(1, 12);
  });

  it('never returns −0', () => {
    expect(forecastProgress([day(2, 0.5), day(6, 0.1)], cycle)).toBe(0);
  });

  it.each([
    ['a NaN progress', [day(2, Number.NaN)], cycle],
    ['an invalid date', [{ date: '2025-02-30', progress: 0.1 }], cycle],
    ['a cycle ending before it starts', [day(2, 0.1)], { startDate: '2025-02-01', endDate: '2025-01-01' }],
  ])('refuses %s with a RangeError', (_name, points, badCycle) => {
    expect(() => forecastProgress(points, badCycle)).toThrow(RangeError);
  });
});
