import { describe, expect, it } from 'vitest';
import { ruleById } from './catalogue.js';
import { describePrinciples } from './describe-principles.js';
import { changedRules, resolvePrinciples, ruleSetting, validatePrinciples } from './principles.js';
import { DEFAULT_PRINCIPLES, type QualityPrinciplesInput } from './types.js';

describe('resolvePrinciples', () => {
  it('fills in every default', () => {
    expect(resolvePrinciples()).toEqual(DEFAULT_PRINCIPLES);
    expect(DEFAULT_PRINCIPLES).toMatchObject({
      maxKeyResults: 5,
      minKeyResults: 2,
      maxObjectivesPerOwner: 3,
      maxTitleLength: 100,
      stretchPolicy: { committedOnlyCycles: 1, maxAspirationalShare: 0.3 },
    });
  });

  it('keeps what is given, including half a stretch policy', () => {
    const resolved = resolvePrinciples({ maxKeyResults: 4, stretchPolicy: { maxAspirationalShare: 0.5 } });
    expect(resolved.maxKeyResults).toBe(4);
    expect(resolved.stretchPolicy).toEqual({ committedOnlyCycles: 1, maxAspirationalShare: 0.5 });
  });

  it('an override replaces the default severity', () => {
    const rule = ruleById('no-owner');
    if (rule === undefined) throw new Error('no-owner missing');
    expect(ruleSetting(rule, DEFAULT_PRINCIPLES)).toBe('block');
    expect(ruleSetting(rule, resolvePrinciples({ rules: { 'no-owner': 'off' } }))).toBe('off');
  });
});

describe('validatePrinciples', () => {
  it.each<[string, QualityPrinciplesInput, string[]]>([
    ['the defaults', {}, []],
    ['a sensible custom set', { maxKeyResults: 4, minKeyResults: 1, rules: { 'no-owner': 'block' } }, []],
    ['min above max', { minKeyResults: 4, maxKeyResults: 3 }, ['maxKeyResults']],
    ['fractional limit', { maxObjectivesPerOwner: 2.5 }, ['maxObjectivesPerOwner']],
    ['zero key results allowed', { minKeyResults: 0 }, ['minKeyResults']],
    ['share above 1', { stretchPolicy: { maxAspirationalShare: 1.5 } }, ['stretchPolicy.maxAspirationalShare']],
    ['negative committed cycles', { stretchPolicy: { committedOnlyCycles: -1 } }, ['stretchPolicy.committedOnlyCycles']],
    ['unknown rule', { rules: { 'be-nice': 'warn' } }, ['rules.be-nice']],
  ])('%s → %j', (_name, input, problemFields) => {
    expect(validatePrinciples(input).map((problem) => problem.field)).toEqual(problemFields);
  });

  it('refuses a setting that is not a severity or off', () => {
    const input = JSON.parse('{"rules":{"no-owner":"loud"}}') as QualityPrinciplesInput;
    expect(validatePrinciples(input)).toEqual([{ field: 'rules.no-owner', message: 'must be block, warn, tip or off' }]);
  });
});

describe('describePrinciples', () => {
  it('describes the defaults in plain language', () => {
    expect(describePrinciples(DEFAULT_PRINCIPLES)).toEqual([
      'Each objective has 2 to 5 key results',
      'Nobody owns more than 3 objectives in a cycle',
      'Objective titles are at most 100 characters',
      'Your first cycle is committed objectives only',
      'After that, at most 30% of a cycle’s objectives are aspirational',
    ]);
  });

  it.each<[string, QualityPrinciplesInput, string]>([
    ['several committed cycles', { stretchPolicy: { committedOnlyCycles: 3 } }, 'Your first 3 cycles are committed objectives only'],
    ['no committed-only cycles', { stretchPolicy: { committedOnlyCycles: 0 } }, 'At most 30% of a cycle’s objectives are aspirational'],
    ['no stretch at all', { stretchPolicy: { maxAspirationalShare: 0 } }, 'After that too, all objectives are committed'],
    ['exact key result count', { minKeyResults: 3, maxKeyResults: 3 }, 'Each objective has exactly 3 key results'],
    ['no minimum', { minKeyResults: 1, maxKeyResults: 4 }, 'Each objective has at most 4 key results'],
    ['one objective each', { maxObjectivesPerOwner: 1 }, 'Nobody owns more than 1 objective in a cycle'],
  ])('%s', (_name, input, line) => {
    expect(describePrinciples(input)).toContain(line);
  });

  it('lists changed rules in catalogue order, skipping overrides equal to the default', () => {
    const input = { rules: { 'no-owner': 'warn', 'missing-why-urgent': 'off', 'key-result-is-output': 'warn' } } as const;
    expect(changedRules(resolvePrinciples(input)).map(({ rule }) => rule.id)).toEqual(['missing-why-urgent', 'no-owner']);
    expect(describePrinciples(input).slice(-2)).toEqual([
      '“Say why it is urgent” is switched off (normally it shows a tip)',
      '“Every objective has an owner” shows a warning (normally it blocks publishing)',
    ]);
  });
});
