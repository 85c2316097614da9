import { describe, it, expect } from 'vitest';
import { DEFAULT_STATUS_MARGINS, progressStatus, statusAt, validateStatusMargins } from './status.js';
import type { ProgressStatus } from './vocabulary.js';

describe('progressStatus with default margins (0.10 / 0.25)', () => {
  it.each<[number, number, ProgressStatus]>([
    [0.5, 0.5, 'on_track'],
    [0.9, 0.5, 'on_track'], // ahead of pace
    [0.4, 0.5, 'on_track'], // exactly E − 0.10
    [0.39, 0.5, 'at_risk'],
    [0.25, 0.5, 'at_risk'], // exactly E − 0.25
    [0.24, 0.5, 'off_track'],
    [0, 0, 'on_track'], // first day of the cycle
    [0, 0.1, 'on_track'], // 0 ≥ 0.1 − 0.1
    [0, 0.25, 'at_risk'],
    [0, 0.26, 'off_track'],
    [0.75, 1, 'at_risk'], // cycle over, exactly 1 − 0.25
    [0.7, 0.8, 'on_track'], // 0.8 − 0.1 = 0.7000000000000001 in floats
    [0.65, 0.9, 'at_risk'], // exactly 0.9 − 0.25
    [0.3, 0.4, 'on_track'], // 0.4 − 0.1 = 0.30000000000000004 in floats
  ])('P=%s E=%s → %s', (progress, expected, status) => {
    expect(progressStatus(progress, expected)).toBe(status);
  });

  it('uses the documented defaults', () => {
    expect(DEFAULT_STATUS_MARGINS).toEqual({ onTrackMargin: 0.1, atRiskMargin: 0.25 });
  });
});

describe('progressStatus with organisation margins', () => {
  const strict = { onTrackMargin: 0, atRiskMargin: 0.05 };
  it.each<[number, number, ProgressStatus]>([
    [0.5, 0.5, 'on_track'],
    [0.49, 0.5, 'at_risk'],
    [0.45, 0.5, 'at_risk'],
    [0.44, 0.5, 'off_track'],
  ])('P=%s E=%s → %s', (progress, expected, status) => {
    expect(progressStatus(progress, expected, strict)).toBe(status);
  });

  it.each([
    ['negative', { onTrackMargin: -0.1, atRiskMargin: 0.25 }, 'onTrackMargin'],
    ['above 1', { onTrackMargin: 0.1, atRiskMargin: 1.5 }, 'atRiskMargin'],
    ['on-track wider than at-risk', { onTrackMargin: 0.3, atRiskMargin: 0.2 }, 'atRiskMargin'],
    ['NaN', { onTrackMargin: Number.NaN, atRiskMargin: 0.2 }, 'onTrackMargin'],
  ])('refuses %s margins', (_name, margins, field) => {
    expect(validateStatusMargins(margins).map((p) => p.field)).toEqual([field]);
    expect(() => progressStatus(0.5, 0.5, margins)).toThrow(RangeError);
  });

  it('accepts the defaults', () => {
    expect(validateStatusMargins(DEFAULT_STATUS_MARGINS)).toEqual([]);
  });
});

describe('statusAt combines pace and status', () => {
  const cycle = { startDate: '2025-01-01', endDate: '2025-01-10' }; // E = 0.1 per day
  it.each<[number, string, ProgressStatus]>([
    [0, '2025-01-01', 'on_track'], // E = 0
    [0, '2025-01-02', 'on_track'], // E = 0.1, exactly on the margin
    [0, '2025-01-03', 'at_risk'], // E = 0.2
    [0, '2025-01-04', 'off_track'], // E = 0.3
    [0.8, '2025-01-10', 'on_track'], // last day: E = 0.9
    [0.65, '2025-01-10', 'at_risk'], // 0.9 − 0.25
    [0.6, '2025-01-10', 'off_track'],
    [0.75, '2025-01-11', 'at_risk'], // after the end: E = 1
  ])('P=%s on %s → %s', (progress, date, status) => {
    expect(statusAt(progress, cycle, date)).toBe(status);
  });
});
