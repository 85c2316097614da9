import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { lintOkrs } from './okr-lint.js';
import { readOkrYaml } from './okr-yaml.js';

const GOOD = `
version: 1
cycle: { name: Q1 2027, start: 2027-01-01, end: 2027-03-31 }
objectives:
  - key: delight
    title: Delight our customers so they recommend us
    owner: ada@example.com
    level: company
    keyResults:
      - { key: nps, title: Raise NPS from 30 to 45, unit: points, start: 30, target: 45 }
      - { key: churn, title: Cut monthly churn from 3% to 2%, unit: '%', start: 3, target: 2 }
`;

const errorsOf = (text: string) => {
  try {
    readOkrYaml(text);
  } catch (error) {
    if (error instanceof AppError) return error.errors.map((e) => e.field);
    throw error;
  }
  return [];
};

describe('OKRs as code: reading and linting', () => {
  it.each([
    ['an unknown key, named by its path', GOOD.replace('level: company', 'level: company\n    colour: red'), 'objectives[0].colour'],
    ['an unknown key in a key result', GOOD.replace('unit: points', 'unit: points, owner: x'), 'objectives[0].keyResults[0].owner'],
    ['a wrong version', GOOD.replace('version: 1', 'version: 2'), 'version'],
    [
      'an alignment to a missing key',
      GOOD.replace('level: company', 'level: company\n    alignsTo: [nowhere]'),
      'objectives[0].alignsTo[0]',
    ],
    ['a duplicate key', GOOD.replace('key: churn', 'key: nps'), 'objectives[0].keyResults[1].key'],
  ])('refuses %s', (_name, text, field) => {
    expect(errorsOf(text)).toContain(field);
  });

  it('reads a valid file and the coach finds nothing blocking; an objective nobody owns blocks', () => {
    expect(lintOkrs(readOkrYaml(GOOD)).blocking).toBe(false);
    const unowned = lintOkrs(readOkrYaml(GOOD.replace('    owner: ada@example.com\n', '')));
    expect(unowned.blocking).toBe(true);
    expect(unowned.findings.find((f) => f.severity === 'block')).toMatchObject({ objective: 'delight', ruleId: 'no-owner' });
  });
});
