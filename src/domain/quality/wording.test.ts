import { describe, expect, it } from 'vitest';
import { measureTokens, jaccard, stem } from './similarity.js';
import { keyResultSubject } from './subject.js';
import { findNumbers, statesChange, vagueWords } from './wording.js';

describe('findNumbers', () => {
  it.each<[string, string[]]>([
    ['Improve NPS from 32 to 45', ['32', '45']],
    ['Reach $2M ARR and 99.9% uptime', ['$2M', '99.9%']],
    ['Revenue 2,000,000 → 2,500,000', ['2,000,000', '2,500,000']],
    ['10x faster, 45k users', ['10x', '45k']],
    ['Win Q3 in the B2B market with 2FA', []],
    ['Be 1st in the 3rd quarter', []],
    ['Launch by 2026, in 2025 or during 2027', []],
    ['Win 2025 customers', ['2025']],
    ['Customers who launch in week 1: 20% → 45%', ['1', '20%', '45%']],
  ])('%s → %j', (text, numbers) => {
    expect(findNumbers(text)).toEqual(numbers);
  });
});

describe('vagueWords', () => {
  it.each<[string, string[]]>([
    ['Improve onboarding', ['improve']],
    ['Better, more reliable releases', ['better', 'more']],
    ['Optimise and optimize the funnel', ['optimise', 'optimize']],
    ['Growth of revenue', ['growth']],
    ['Raise NPS; raised bar; raising', ['raise', 'raised', 'raising']],
    ['Weekly active teams', []],
    ['Reduce release lead time', ['reduce']],
  ])('%s → %j', (text, expected) => {
    expect(vagueWords(text)).toEqual(expected);
  });
});

describe('statesChange', () => {
  it.each<[string, boolean]>([
    ['from 32 to 45', true],
    ['20% → 45%', true],
    ['10 -> 3 days', true],
    ['From onboarding to activation', false],
    ['Reach 45', false],
  ])('%s → %s', (text, expected) => {
    expect(statesChange(text)).toBe(expected);
  });
});

describe('similarity', () => {
  it.each([
    ['customers', 'customer'],
    ['activities', 'activity'],
    ['onboarding', 'onboard'],
    ['churned', 'churn'],
    ['boxes', 'box'],
    ['process', 'process'],
    ['bus', 'bus'],
  ])('stem(%s) = %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('keeps only the words that name the measure', () => {
    expect([...measureTokens('Raise the NPS score of our customers from 32 to 45%')]).toEqual(['nps', 'score', 'customer']);
  });

  it.each<[string[], string[], number]>([
    [['a', 'b'], ['a', 'b'], 1],
    [['a', 'b', 'c'], ['a', 'b', 'd'], 0.5],
    [['a'], ['b'], 0],
    [[], [], 0],
  ])('jaccard(%j, %j) = %d', (a, b, expected) => {
    expect(jaccard(new Set(a), new Set(b))).toBe(expected);
  });
});

describe('keyResultSubject', () => {
  it.each([
    ['Raise customer satisfaction from 7.1 to 8.5', 'customer satisfaction'],
    ['Customers who launch a campaign in week 1: 20% → 45%', 'customers who launch a campaign in week 1'],
    ['Reduce lead time from 10 days to 3 days', 'lead time'],
    ['NPS above 50', 'NPS'],
    ['Keep uptime ≥ 99.9%', 'uptime'],
    ['Grow revenue to $2M', 'revenue'],
    ['Increase NPS by 10 points', 'NPS'],
    ['Weekly active teams', 'weekly active teams'],
    ['  ', ''],
    ['Churn', 'churn'],
  ])('%s → %s', (title, subject) => {
    expect(keyResultSubject(title)).toBe(subject);
  });
});
