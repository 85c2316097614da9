import { describe, expect, it } from 'vitest';
import { fields, objective, run } from '../test-fixtures.js';
import { DEFAULT_PRINCIPLES } from '../types.js';
import { objectiveContainsNumber, objectiveTitleTooLong } from './objective-title.js';

describe('objective-contains-number', () => {
  it.each([
    'Make onboarding effortless',
    'Win the European market by 2026',
    'Own the B2B segment',
    'Nail Q3 hiring',
    'Protect accounts with 2FA everywhere',
    'Become the 1st choice for nonprofits',
  ])('passes: %s', (title) => {
    expect(fields(objectiveContainsNumber, objective({ title }))).toEqual([]);
  });

  it.each([
    ['Grow revenue by 20%', ['20%']],
    ['Reach $2M ARR', ['$2M']],
    ['Win 50 new enterprise customers', ['50']],
    ['Cut churn from 5 to 3 percent', ['5', '3']],
    ['10x our reach', ['10x']],
    // A year-like number that is not used as a date is a quantity.
    ['Win 2025 new customers', ['2025']],
    ['Sell €1.5m of services', ['€1.5m']],
  ])('flags: %s', (title, numbers) => {
    const findings = run(objectiveContainsNumber, objective({ title }));
    expect(findings.map((f) => f.field)).toEqual(['title']);
    for (const number of numbers) expect(findings[0]?.message).toContain(`“${number}”`);
  });
});

describe('objective-title-too-long', () => {
  const ofLength = (n: number) => 'x'.repeat(n);

  it.each([
    [99, false],
    [100, false],
    [101, true],
    [180, true],
  ])('%i characters → flagged %s', (length, flagged) => {
    expect(fields(objectiveTitleTooLong, objective({ title: ofLength(length) }))).toEqual(flagged ? ['title'] : []);
  });

  it('counts characters, not UTF-16 units, and ignores surrounding spaces', () => {
    expect(fields(objectiveTitleTooLong, objective({ title: `  ${'é'.repeat(50)}${'🚀'.repeat(50)}  ` }))).toEqual([]);
  });

  it('follows maxTitleLength and says the numbers', () => {
    const principles = { ...DEFAULT_PRINCIPLES, maxTitleLength: 20 };
    const findings = objectiveTitleTooLong.check(objective({ title: 'Make onboarding truly effortless' }), {}, principles);
    expect(findings[0]?.message).toBe('The title is 32 characters long; your guiding principles ask for at most 20.');
  });
});
