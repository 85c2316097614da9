import { describe, expect, it } from 'vitest';
import { brierBy, brierScore, cycleMidpoint, reliability } from './calibration.js';

// Hand-computed (docs/METHOD.md, "Confidence calibration"):
// A 8/10 reached (0.8 − 1)² = 0.04; B 8/10 scored 0.9 (0.8 − 0)² = 0.64; C 3/10 scored 0.2 (0.3)² = 0.09; D 10/10 reached 0.
// Brier = (0.04 + 0.64 + 0.09 + 0) / 4 = 0.1925.
const example = [
  { owner: 'ana', confidence: 8, finalScore: 1 },
  { owner: 'ana', confidence: 8, finalScore: 0.9 },
  { owner: 'ben', confidence: 3, finalScore: 0.2 },
  { owner: 'ben', confidence: 10, finalScore: 1 },
];

describe('brierScore', () => {
  it.each([
    ['the worked example', example, { count: 4, brier: 0.1925 }],
    ['nothing to score', [], { count: 0, brier: null }],
    [
      'always 5/10',
      [
        { confidence: 5, finalScore: 1 },
        { confidence: 5, finalScore: 0 },
      ],
      { count: 2, brier: 0.25 },
    ],
    ['confidently wrong', [{ confidence: 10, finalScore: 0.99 }], { count: 1, brier: 1 }],
  ])('%s', (_name, forecasts, expected) => {
    expect(brierScore(forecasts)).toEqual(expected);
  });

  it('per person', () => {
    expect(Object.fromEntries(brierBy(example, (f) => f.owner))).toEqual({
      ana: { count: 2, brier: 0.34 },
      ben: { count: 2, brier: 0.045 },
    });
  });
});

describe('reliability', () => {
  it('buckets confidences against the share that reached target', () => {
    expect(reliability(example).map((b) => [b.label, b.count, b.meanForecast, b.reachedShare])).toEqual([
      ['0–2', 0, null, null],
      ['3–4', 1, 0.3, 0],
      ['5–6', 0, null, null],
      ['7–8', 2, 0.8, 0.5],
      ['9–10', 1, 1, 1],
    ]);
  });
});

describe('cycleMidpoint', () => {
  it.each([
    ['2025-01-01', '2025-03-31', '2025-02-14'],
    ['2025-01-01', '2025-01-01', '2025-01-01'],
    ['2025-01-01', '2025-01-04', '2025-01-02'],
  ])('%s to %s → %s', (start, end, midpoint) => {
    expect(cycleMidpoint(start, end)).toBe(midpoint);
  });
});
