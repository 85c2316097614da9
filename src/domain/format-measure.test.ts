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

describe('formatNumber in the default locale, without Intl', () => {
  const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  it.each([
    0,
    -0,
    1,
    -1,
    0.005,
    0.015,
    1.005,
    2.675,
    -2.675,
    0.125,
    -0.004,
    -0.005,
    999.995,
    999999.999,
    1e20,
    -123456789.125,
    5e-7,
    0.1 + 0.2,
  ])('%s as Intl.NumberFormat shows it', (value) => {
    expect(formatNumber(value)).toBe(intl.format(value));
  });

  it('agrees with Intl.NumberFormat over many values of every size', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 20_000; i++) {
      const scale = 10 ** Math.floor(next() * 16 - 4);
      const value = (next() - 0.5) * scale;
      // Halves at the third decimal too, where rounding modes differ.
      const half = Math.round(value * 1000) / 1000 + 0.0005 * Math.sign(value);
      for (const v of [value, half, Math.round(value)]) expect(formatNumber(v), String(v)).toBe(intl.format(v));
    }
  });

  it('leaves other locales and values beyond plain notation to Intl', () => {
    expect(formatNumber(1e21)).toBe(intl.format(1e21));
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe(intl.format(Number.POSITIVE_INFINITY));
    expect(formatNumber(1234.5, 'de-DE')).toBe('1.234,5');
  });
});
