/**
 * The worked example of docs/METHOD.md, computed through the public API.
 * If this test changes, update the document too.
 */
import { describe, it, expect } from 'vitest';
import {
  expectedProgress,
  forecastProgress,
  gradeColour,
  isObjectiveSuccessful,
  isStale,
  keyResultProgress,
  keyResultScore,
  objectiveProgress,
  objectiveScore,
  progressStatus,
  type KeyResultMeasure,
} from './index.js';

const q1 = { startDate: '2025-01-01', endDate: '2025-03-31' };
const today = '2025-02-15';

const activation: KeyResultMeasure = { kind: 'metric', startValue: 40, targetValue: 60, currentValue: 52 };
const responseTime: KeyResultMeasure = { kind: 'threshold', targetMax: 4, currentValue: 5.5 };
const newFlow: KeyResultMeasure = {
  kind: 'milestone',
  milestones: [
    { title: 'Design', weight: 1, done: true },
    { title: 'Build', weight: 2, done: true },
    { title: 'Launch', weight: 1, done: false },
  ],
};
const keyResults = [
  { name: 'activation', kr: activation, weight: 2, progress: 0.6, status: 'on_track' },
  { name: 'response time', kr: responseTime, weight: 1, progress: 0, status: 'off_track' },
  { name: 'new flow', kr: newFlow, weight: 1, progress: 0.75, status: 'on_track' },
] as const;

describe('METHOD.md worked example, 15 February 2025', () => {
  const expected = expectedProgress(q1, today);

  it('expected progress is 45/90 = 0.5', () => {
    expect(expected).toBe(0.5);
  });

  it.each(keyResults)('$name: progress $progress, $status', ({ kr, progress, status }) => {
    const result = keyResultProgress(kr);
    expect(result.progress).toBeCloseTo(progress, 12);
    expect(progressStatus(result.progress, expected)).toBe(status);
  });

  it('objective: (0.6·2 + 0·1 + 0.75·1) / 4 = 0.4875, on track', () => {
    const progress = objectiveProgress({
      driver: 'key_results',
      keyResults: keyResults.map(({ kr, weight }) => ({ progress: keyResultProgress(kr).progress, weight })),
      alignedObjectives: [],
    });
    expect(progress).toBeCloseTo(0.4875, 12);
    expect(progressStatus(progress, expected)).toBe('on_track');
  });

  it('response time, last checked in on 3 February by a weekly team, is stale', () => {
    expect(isStale({ lastCheckInDate: '2025-02-03', since: q1.startDate, asOf: today })).toBe(true);
  });

  it('activation forecast from two check-ins is about 1.13', () => {
    const points = [
      { date: '2025-01-16', progress: 0.25 },
      { date: '2025-02-15', progress: 0.6 },
    ];
    expect(forecastProgress(points, q1)).toBeCloseTo(1.125, 12);
  });

  it('closing: scores 0.85, 1, 1 → objective 0.93, aspirational success, green', () => {
    const scores = [
      keyResultScore(keyResultProgress({ ...activation, currentValue: 57 }).progress),
      keyResultScore(keyResultProgress({ ...responseTime, currentValue: 3.5 }).progress),
      keyResultScore(1),
    ].map((s) => s.score);
    expect(scores).toEqual([0.85, 1, 1]);
    const score = objectiveScore({
      driver: 'key_results',
      keyResults: scores.map((s, i) => ({ score: s, weight: keyResults[i]?.weight ?? 1 })),
      alignedObjectives: [],
    });
    expect(score).toBe(0.93); // 3.7 / 4 = 0.925, rounded half up
    expect(isObjectiveSuccessful(score, 'aspirational')).toBe(true);
    expect(isObjectiveSuccessful(score, 'committed')).toBe(false);
    expect(gradeColour(score)).toBe('green');
  });
});
