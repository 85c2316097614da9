import { describe, expect, it } from 'vitest';
import { formatMeasure, formatNumber } from './format-measure.js';

describe('formatMeasure', () => {
  it.each([
    [120000, 'EUR', '120,000 EUR'],
    [1234567.891, null, '1,234,567.89'],
    [1234567, 'number', '1,234,567'],
    [45, 'percent', '45%'],
    [99.5, '%', '99.5%'],
    [12.5, 'hours', '12.5 hours'],
    [3, ' story points ', '3 story points'],
    [-2500, 'USD', '-2,500 USD'],
    [0, 'days', '0 days'],
    [null, 'EUR', '—'],
    [Number.NaN, 'EUR', '—'],
  ])('%s %s → %s', (value, unit, shown) => {
    expect(formatMeasure(value, unit)).toBe(shown);
  });

  it('follows the locale for grouping and decimals', () => {
    expect(formatMeasure(120000.5, 'EUR', 'de-DE')).toBe('120.000,5 EUR');
    expect(formatNumber(1000, 'fr-FR')).toMatch(/^1\s000$/u);
  });
});
