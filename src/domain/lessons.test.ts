import { describe, expect, it } from 'vitest';
import { lessonsFromLines, normaliseLessons, validateLessons } from './lessons.js';

describe('normaliseLessons', () => {
  it.each([
    [
      'trims and drops empty',
      [
        { text: '  Ship small  ', tags: [] },
        { text: '   ', tags: ['x'] },
      ],
      [{ text: 'Ship small', tags: [] }],
    ],
    ['cleans tags', [{ text: 'A', tags: ['#Delivery', 'delivery', ' scope ', ''] }], [{ text: 'A', tags: ['delivery', 'scope'] }]],
  ])('%s', (_name, input, expected) => {
    expect(normaliseLessons(input)).toEqual(expected);
  });
});

describe('validateLessons', () => {
  it.each([
    ['fine', [{ text: 'x'.repeat(500), tags: ['a'] }], []],
    [
      'text too long',
      [
        { text: 'ok', tags: [] },
        { text: 'x'.repeat(501), tags: [] },
      ],
      ['lessons[1].text'],
    ],
    ['tag with a space', [{ text: 'ok', tags: ['two words'] }], ['lessons[0].tags[0]']],
    ['tag too long', [{ text: 'ok', tags: ['ok', 't'.repeat(41)] }], ['lessons[0].tags[1]']],
    ['too many tags', [{ text: 'ok', tags: 'abcdefghijk'.split('') }], ['lessons[0].tags']],
  ])('%s', (_name, lessons, fields) => {
    expect(validateLessons(lessons).map((p) => p.field)).toEqual(fields);
  });
});

describe('lessonsFromLines', () => {
  it.each([
    [
      'one per line with tags',
      'Ship smaller slices #delivery #Scope\n\n- Ask sales early #sales',
      [
        { text: 'Ship smaller slices', tags: ['delivery', 'scope'] },
        { text: 'Ask sales early', tags: ['sales'] },
      ],
    ],
    ['a hash inside a word is text', 'C# needs #tooling', [{ text: 'C# needs', tags: ['tooling'] }]],
    ['nothing', '  \n ', []],
  ])('%s', (_name, text, expected) => {
    expect(lessonsFromLines(text)).toEqual(expected);
  });
});
