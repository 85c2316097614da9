import { describe, expect, it } from 'vitest';
import { metric, objective, run } from '../test-fixtures.js';
import { duplicateKeyResults } from './duplicate-key-results.js';

type Kr = [title: string, unit?: string];

function findings(...krs: Kr[]) {
  const keyResults = krs.map(([title, unit = '%']) => metric({ title, unit }));
  return run(duplicateKeyResults, objective({ keyResults }));
}

describe('duplicate-key-results', () => {
  it.each<[string, Kr[]]>([
    [
      'different measures',
      [
        ['Raise NPS from 32 to 45', 'points'],
        ['Cut support reply time from 9 to 4 hours', 'hours'],
      ],
    ],
    ['same unit, different things', [['Activation rate from 40% to 60%'], ['Trial to paid conversion from 8% to 12%']]],
    [
      'one shared word of five',
      [
        ['Weekly active teams from 120 to 200', 'teams'],
        ['Teams using check-ins monthly', 'teams'],
      ],
    ],
    ['untitled key results are not compared', [[''], ['']]],
    ['titles of numbers only are not compared', [['40% → 60%'], ['10 → 20']]],
  ])('passes: %s', (_name, krs) => {
    expect(findings(...krs)).toEqual([]);
  });

  it.each<[string, Kr[], string]>([
    [
      'same measure, other verbs and numbers',
      [
        ['Raise NPS to 45', 'points'],
        ['Improve our NPS from 32', 'score'],
      ],
      'keyResults[1].title',
    ],
    [
      'plural and singular',
      [
        ['Increase paying customers from 300 to 500', 'customers'],
        ['Grow the paying customer base', 'accounts'],
        ['Cut churn', '%'],
      ],
      'keyResults[1].title',
    ],
    [
      'same unit and half the words',
      [
        ['Monthly active users from 2k to 5k', 'users'],
        ['Weekly active users', 'users'],
      ],
      'keyResults[1].title',
    ],
    [
      'the later one of a distant pair',
      [['Activation rate from 40% to 60%'], ['Cut churn from 3% to 2%'], ['Lift the activation rate to 70%']],
      'keyResults[2].title',
    ],
  ])('flags: %s', (_name, krs, field) => {
    const result = findings(...krs);
    expect(result.map((f) => f.field)).toEqual([field]);
  });

  it('different units need 60% of words in common', () => {
    const krs: Kr[] = [
      ['Monthly active users from 2k to 5k', 'users'],
      ['Weekly active users', 'sessions'],
    ];
    expect(findings(...krs)).toEqual([]);
  });

  it('names the earlier key result and the shared words', () => {
    const [finding] = findings(['Raise NPS to 45', 'points'], ['Improve our NPS from 32', 'points']);
    expect(finding?.message).toBe(
      '“Improve our NPS from 32” seems to measure the same thing as key result 1, “Raise NPS to 45” (shared: “nps”).',
    );
  });

  it('reports each key result once, even if it repeats several earlier ones', () => {
    const result = findings(['Net revenue retention'], ['Net revenue retention rate'], ['Raise net revenue retention']);
    expect(result.map((f) => f.field)).toEqual(['keyResults[1].title', 'keyResults[2].title']);
  });
});
