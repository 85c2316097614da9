import { describe, expect, it } from 'vitest';
import { healthOf, healthyBoundary, trendOf, validateBands, type KpiBands } from './kpi-health.js';

const none = { healthy: null, watch: null, bandMin: null, bandMax: null, watchMargin: null };
const higher: KpiBands = { ...none, direction: 'higher_is_better', healthy: 90, watch: 80 };
const lower: KpiBands = { ...none, direction: 'lower_is_better', healthy: 2, watch: 5 };
const band: KpiBands = { ...none, direction: 'keep_in_band', bandMin: 40, bandMax: 60, watchMargin: 5 };

describe('healthOf: band edges per direction', () => {
  it.each([
    [higher, 95, 'healthy'],
    [higher, 90, 'healthy'],
    [higher, 89.999, 'watch'],
    [higher, 80, 'watch'],
    [higher, 79.999, 'unhealthy'],
    [lower, 1, 'healthy'],
    [lower, 2, 'healthy'],
    [lower, 2.001, 'watch'],
    [lower, 5, 'watch'],
    [lower, 5.001, 'unhealthy'],
    [band, 40, 'healthy'],
    [band, 60, 'healthy'],
    [band, 50, 'healthy'],
    [band, 35, 'watch'],
    [band, 65, 'watch'],
    [band, 34.999, 'unhealthy'],
    [band, 65.001, 'unhealthy'],
    [band, -1000, 'unhealthy'],
  ] as const)('%o at %d is %s', (bands, value, expected) => {
    expect(healthOf(bands, value)).toBe(expected);
  });

  it('a zero watch margin makes everything outside the band unhealthy', () => {
    expect(healthOf({ ...band, watchMargin: 0 }, 60.0001)).toBe('unhealthy');
    expect(healthOf({ ...band, watchMargin: 0 }, 60)).toBe('healthy');
  });
});

describe('validateBands', () => {
  it.each([
    [higher, []],
    [{ ...higher, healthy: 80, watch: 80 }, []],
    [{ ...higher, healthy: 70 }, ['watch']],
    [{ ...higher, watch: null }, ['watch']],
    [{ ...higher, healthy: null, watch: null }, ['healthy', 'watch']],
    [lower, []],
    [{ ...lower, healthy: 6 }, ['watch']],
    [band, []],
    [{ ...band, bandMin: 61 }, ['bandMax']],
    [{ ...band, bandMin: 60 }, []],
    [{ ...band, watchMargin: -1 }, ['watchMargin']],
    [{ ...band, bandMax: null }, ['bandMax']],
    [{ ...band, watchMargin: Number.NaN }, ['watchMargin']],
  ] as const)('%o → problems on %o', (bands, fields) => {
    expect(validateBands(bands).map((p) => p.field)).toEqual(fields);
  });
});

describe('trendOf and healthyBoundary', () => {
  it.each([
    [higher, 80, 85, 'improving'],
    [higher, 85, 80, 'worsening'],
    [higher, 85, 85, 'steady'],
    [lower, 4, 3, 'improving'],
    [lower, 3, 4, 'worsening'],
    [band, 30, 35, 'improving'],
    [band, 45, 55, 'steady'],
    [band, 55, 70, 'worsening'],
    [higher, undefined, 85, null],
  ] as const)('%o from %s to %s is %s', (bands, previous, latest, expected) => {
    expect(trendOf(bands, previous, latest)).toBe(expected);
  });

  it.each([
    [higher, 10, 90],
    [lower, 10, 2],
    [band, 10, 40],
    [band, 99, 60],
  ] as const)('%o from %d recovers to %d', (bands, value, target) => {
    expect(healthyBoundary(bands, value)).toBe(target);
  });
});
