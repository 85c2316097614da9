import { describe, expect, it } from 'vitest';
import type { KpiBands } from './kpi-health.js';
import { healthChange, latestPerPeriod, periodIndex, summarizeKpi, unhealthyPeriods } from './kpi-periods.js';

const higher: KpiBands = { direction: 'higher_is_better', healthy: 90, watch: 80, bandMin: null, bandMax: null, watchMargin: null };
const at = (...pairs: [string, number][]) => pairs.map(([asOf, value]) => ({ asOf, value }));

describe('periodIndex', () => {
  it.each([
    // 2025-01-05 is a Sunday, 2025-01-06 a Monday: a new ISO week.
    ['2025-01-05', '2025-01-06', 'weekly', 1],
    ['2025-01-06', '2025-01-12', 'weekly', 0],
    ['2024-12-30', '2025-01-05', 'weekly', 0],
    ['2025-01-31', '2025-02-01', 'monthly', 1],
    ['2024-12-31', '2025-01-01', 'monthly', 1],
    ['2025-03-01', '2025-03-31', 'monthly', 0],
  ] as const)('%s → %s (%s) is %d periods on', (a, b, cadence, gap) => {
    expect(periodIndex(b, cadence) - periodIndex(a, cadence)).toBe(gap);
  });

  it('counts weeks as the calendar does, every day from 1896 to 2104 (leap days and centuries included)', () => {
    // Monday-first weeks since the Monday 1969-12-29, from the Date object's own day count.
    const weekOf = (day: number) => Math.floor((day + 3) / 7);
    const mismatches: string[] = [];
    for (let day = -27_000; day <= 49_000; day++) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (periodIndex(date, 'weekly') !== weekOf(day)) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('unhealthyPeriods', () => {
  it.each([
    ['no values', at(), 'weekly', 0],
    ['healthy latest', at(['2025-01-06', 50], ['2025-01-13', 95]), 'weekly', 0],
    ['two weeks unhealthy', at(['2025-01-06', 95], ['2025-01-13', 50], ['2025-01-20', 60]), 'weekly', 2],
    ['watch breaks the run', at(['2025-01-06', 50], ['2025-01-13', 85], ['2025-01-20', 60]), 'weekly', 1],
    ['a missing week breaks the run', at(['2025-01-06', 50], ['2025-01-20', 60]), 'weekly', 1],
    ['the latest value of a week counts', at(['2025-01-06', 50], ['2025-01-13', 50], ['2025-01-15', 95]), 'weekly', 0],
    ['an early healthy value in the week is overruled', at(['2025-01-06', 50], ['2025-01-13', 95], ['2025-01-15', 50]), 'weekly', 2],
    ['monthly', at(['2025-01-31', 10], ['2025-02-01', 10], ['2025-03-15', 10]), 'monthly', 3],
    ['unsorted input', at(['2025-03-15', 10], ['2025-01-31', 10], ['2025-02-01', 10]), 'monthly', 3],
  ] as const)('%s → %d', (_name, values, cadence, expected) => {
    expect(unhealthyPeriods(higher, values, cadence)).toBe(expected);
  });

  it('keeps one value per period, oldest first', () => {
    expect(latestPerPeriod(at(['2025-01-15', 2], ['2025-01-06', 1], ['2025-01-13', 3]), 'weekly').map((p) => p.value.value)).toEqual([
      1, 2,
    ]);
  });
});

describe('summarizeKpi', () => {
  it('reads the latest period value, its health, the trend between periods and where the run started', () => {
    const summary = summarizeKpi(higher, 'weekly', at(['2025-01-06', 95], ['2025-01-13', 70], ['2025-01-14', 60], ['2025-01-20', 65]));
    expect(summary).toEqual({
      latest: { asOf: '2025-01-20', value: 65 },
      health: 'unhealthy',
      trend: 'improving',
      unhealthyPeriods: 2,
      unhealthySince: '2025-01-14',
      series: at(['2025-01-06', 95], ['2025-01-14', 60], ['2025-01-20', 65]),
    });
  });

  it('without values: nothing to say', () => {
    expect(summarizeKpi(higher, 'monthly', [])).toEqual({
      latest: null,
      health: null,
      trend: null,
      unhealthyPeriods: 0,
      unhealthySince: null,
      series: [],
    });
  });
});

describe('healthChange across a digest window (2025-03-03, 2025-03-10]', () => {
  it.each<[string, { asOf: string; value: number }[], { before: string | null; after: string } | null]>([
    ['no values', [], null],
    ['nothing reported in the window', at(['2025-03-01', 70]), null],
    ['the same health again', at(['2025-03-01', 95], ['2025-03-05', 92]), null],
    ['healthy to unhealthy', at(['2025-03-01', 95], ['2025-03-05', 70]), { before: 'healthy', after: 'unhealthy' }],
    ['a first value', at(['2025-03-04', 85]), { before: null, after: 'watch' }],
    ['back and forth within the window ends where it began', at(['2025-03-01', 95], ['2025-03-04', 70], ['2025-03-09', 91]), null],
    ['a value after the window is not counted', at(['2025-03-01', 95], ['2025-03-11', 70]), null],
    ['the window end is included', at(['2025-03-03', 95], ['2025-03-10', 85]), { before: 'healthy', after: 'watch' }],
  ])('%s', (_, values, expected) => {
    const change = healthChange(higher, values, '2025-03-03', '2025-03-10');
    expect(change && { before: change.before, after: change.after }).toEqual(expected);
  });
});
