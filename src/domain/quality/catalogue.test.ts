import { describe, expect, it } from 'vitest';
import { QUALITY_RULES, isRuleId, ruleById } from './catalogue.js';
import * as api from './index.js';

// Ids are stored in organisations' principles: renaming one silently drops an override.
const STABLE_IDS = [
  'objective-has-no-measure',
  'too-many-key-results',
  'too-few-key-results',
  'key-result-not-measurable',
  'key-result-is-output',
  'objective-contains-number',
  'objective-title-too-long',
  'missing-why-important',
  'missing-why-urgent',
  'no-owner',
  'owner-overloaded',
  'not-aligned',
  'start-equals-target',
  'target-already-met',
  'missing-baseline',
  'duplicate-key-results',
  'stretch-policy',
  'maintain-is-kpi',
  'data-not-ready',
  'no-recent-check-in',
  'behind-pace-without-note',
  'related-lesson',
];

describe('QUALITY_RULES', () => {
  it('holds exactly the stable ids, in catalogue order', () => {
    expect(QUALITY_RULES.map((rule) => rule.id)).toEqual(STABLE_IDS);
  });

  it.each(QUALITY_RULES.map((rule) => [rule.id, rule] as const))('%s is documented', (id, rule) => {
    expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(rule.title.length).toBeGreaterThan(5);
    expect(['block', 'warn', 'tip']).toContain(rule.defaultSeverity);
    const sentences = rule.why.split(/(?<=[.!?])\s+/).filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(3);
    expect(rule.weakExample).not.toBe(rule.strongExample);
  });

  it.each([
    ['objective-has-no-measure', 'block'],
    ['key-result-not-measurable', 'block'],
    ['too-many-key-results', 'warn'],
    ['key-result-is-output', 'warn'],
    ['start-equals-target', 'warn'],
    ['too-few-key-results', 'tip'],
    ['objective-title-too-long', 'tip'],
    ['maintain-is-kpi', 'tip'],
  ])('%s defaults to %s', (id, severity) => {
    expect(ruleById(id)?.defaultSeverity).toBe(severity);
  });
});

describe('ruleById / isRuleId', () => {
  it('finds a rule by id', () => {
    expect(ruleById('no-owner')?.title).toBe('Every objective has an owner');
    expect(isRuleId('no-owner')).toBe(true);
  });

  it('returns undefined for an unknown id', () => {
    expect(ruleById('no-such-rule')).toBeUndefined();
    expect(isRuleId('No-Owner')).toBe(false);
  });
});

describe('public API (index.ts)', () => {
  it('exports the engine, the catalogue and the principles helpers', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_PRINCIPLES',
      'QUALITY_PENALTIES',
      'QUALITY_RULES',
      'RULE_SETTINGS',
      'changedRules',
      'checkQuality',
      'describePrinciples',
      'isRuleId',
      'keyResultSubject',
      'qualityScore',
      'resolvePrinciples',
      'ruleById',
      'ruleSetting',
      'teamQualityScore',
      'validatePrinciples',
    ]);
  });
});
