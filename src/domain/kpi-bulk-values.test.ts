import { describe, expect, it } from 'vitest';
import { readDatedValues, readNumber } from './kpi-bulk-values.js';

describe('readNumber', () => {
  it.each<[string, number | null]>([
    ['42', 42],
    [' 12.5 ', 12.5],
    ['12,5', 12.5],
    ['1,234.5', 1234.5],
    ['1 234,5', 1234.5],
    ['-3', -3],
    ['1e3', 1000],
    ['', null],
    ['abc', null],
    ['12%', null],
    ['Infinity', null],
    ['NaN', null],
  ])('%j reads as %j', (text, value) => expect(readNumber(text)).toBe(value));
});

describe('readDatedValues', () => {
  const today = '2026-03-10';

  it('skips a header and blank lines, keeps notes and line numbers', () =>
    expect(readDatedValues([['date', 'value', 'note'], ['2026-03-02', '40'], [''], ['2026-03-09', '41,5', 'late', 'data']], today)).toEqual(
      {
        rows: [
          { line: 2, asOf: '2026-03-02', value: 40, note: null },
          { line: 4, asOf: '2026-03-09', value: 41.5, note: 'late, data' },
        ],
        errors: [],
      },
    ));

  it.each<[string[], 'asOf' | 'value', RegExp]>([
    [['03/02/2026', '1'], 'asOf', /not a date/],
    [['2026-02-30', '1'], 'asOf', /not a date/],
    [['2026-03-11', '1'], 'asOf', /future/],
    [['2026-03-02', 'x'], 'value', /not a number/],
    [['2026-03-02'], 'value', /not a number/],
  ])('refuses %j on %s', (cells, field, message) => {
    const { rows, errors } = readDatedValues([['2026-01-05', '1'], cells], today);
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([{ line: 2, field, message: expect.stringMatching(message) as string }]);
  });

  it('refuses a date given twice, naming the first line', () =>
    expect(
      readDatedValues(
        [
          ['2026-03-02', '1'],
          ['2026-03-02', '2'],
        ],
        today,
      ).errors,
    ).toEqual([{ line: 2, field: 'asOf', message: '2026-03-02 is already on line 1.' }]));
});
