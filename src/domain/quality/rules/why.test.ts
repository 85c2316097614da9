import { describe, expect, it } from 'vitest';
import { fields, objective } from '../test-fixtures.js';
import { missingWhyImportant, missingWhyUrgent } from './why.js';

const answers: [string, string | undefined, boolean][] = [
  ['a real answer', 'Half of new teams churn within 3 months.', false],
  ['missing', undefined, true],
  ['empty', '', true],
  ['only spaces', '   \n ', true],
  ['the placeholder TBD', 'TBD', true],
  ['the placeholder n/a', ' n/a ', true],
  ['a dash', '-', true],
  ['a short but real answer', 'Churn.', false],
];

describe('missing-why-important', () => {
  it.each(answers)('%s → flagged %s', (_name, whyImportant, flagged) => {
    expect(fields(missingWhyImportant, objective({ whyImportant }))).toEqual(flagged ? ['whyImportant'] : []);
  });

  it('is a warning by default, its sibling a tip', () => {
    expect(missingWhyImportant.defaultSeverity).toBe('warn');
    expect(missingWhyUrgent.defaultSeverity).toBe('tip');
  });
});

describe('missing-why-urgent', () => {
  it.each(answers)('%s → flagged %s', (_name, whyUrgent, flagged) => {
    expect(fields(missingWhyUrgent, objective({ whyUrgent }))).toEqual(flagged ? ['whyUrgent'] : []);
  });

  it('is independent of why-important', () => {
    expect(fields(missingWhyUrgent, objective({ whyImportant: undefined }))).toEqual([]);
  });
});
