import { describe, expect, it } from 'vitest';
import { QUALITY_RULES } from './catalogue.js';
import { checkQuality, qualityScore, teamQualityScore } from './check-quality.js';
import { GOOD_CONTEXT, metric, objective, threshold } from './test-fixtures.js';
import type { Severity } from './types.js';

describe('checkQuality on a sound objective', () => {
  it('finds nothing, scores 100 and does not block', () => {
    expect(checkQuality(objective(), GOOD_CONTEXT)).toEqual({ findings: [], score: 100, blocking: false });
  });

  it('runs with no context and no principles', () => {
    expect(checkQuality(objective()).score).toBe(100);
  });
});

// No why-urgent (tip), no owner (warn where the organisation lowers it from block), and a key result without target (block).
const ownerWarns = { rules: { 'no-owner': 'warn' } } as const;
const flawed = objective({
  whyUrgent: '',
  ownerId: null,
  keyResults: [metric(), metric({ title: 'Weekly active teams', unit: 'teams', targetValue: undefined })],
});

describe('checkQuality: severities, sorting, score', () => {
  it('sorts block → warn → tip and adds the rule id and severity', () => {
    const { findings } = checkQuality(flawed, GOOD_CONTEXT, ownerWarns);
    expect(findings.map((f) => [f.ruleId, f.severity, f.field])).toEqual([
      ['key-result-not-measurable', 'block', 'keyResults[1].targetValue'],
      ['no-owner', 'warn', 'ownerId'],
      ['missing-why-urgent', 'tip', 'whyUrgent'],
    ]);
  });

  it('scores 100 − 25 − 10 − 3 = 62 and blocks', () => {
    const report = checkQuality(flawed, GOOD_CONTEXT, ownerWarns);
    expect(report.score).toBe(62);
    expect(report.blocking).toBe(true);
  });

  it('keeps catalogue order within a severity', () => {
    const draft = objective({ ownerId: null, parentCount: 0, whyImportant: undefined });
    const ids = checkQuality(draft, GOOD_CONTEXT, ownerWarns).findings.map((f) => f.ruleId);
    expect(ids).toEqual(['missing-why-important', 'no-owner', 'not-aligned']);
  });

  it('never scores below 0', () => {
    const keyResults = Array.from({ length: 8 }, () => metric({ title: 'Grow revenue', targetValue: undefined, unit: '' }));
    const report = checkQuality(objective({ title: 'Grow revenue by 20%', keyResults }), GOOD_CONTEXT);
    expect(report.findings.length).toBeGreaterThan(4);
    expect(report.score).toBe(0);
  });
});

describe('checkQuality: guiding principles override severities', () => {
  it('a rule set to off produces nothing', () => {
    const report = checkQuality(flawed, GOOD_CONTEXT, { rules: { ...ownerWarns.rules, 'key-result-not-measurable': 'off' } });
    expect(report.findings.map((f) => f.ruleId)).toEqual(['no-owner', 'missing-why-urgent']);
    expect(report).toMatchObject({ score: 87, blocking: false });
  });

  it('a warning raised to block blocks, and sorts first', () => {
    const report = checkQuality(objective({ whyImportant: '' }), GOOD_CONTEXT, { rules: { 'missing-why-important': 'block' } });
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'missing-why-important', severity: 'block' })]);
    expect(report).toMatchObject({ score: 75, blocking: true });
  });

  it('a block lowered to tip no longer blocks', () => {
    const report = checkQuality(flawed, GOOD_CONTEXT, { rules: { ...ownerWarns.rules, 'key-result-not-measurable': 'tip' } });
    expect(report.blocking).toBe(false);
    expect(report.findings.map((f) => f.severity)).toEqual(['warn', 'tip', 'tip']);
    expect(report.score).toBe(100 - 10 - 3 - 3);
  });

  it('limits come from the principles too', () => {
    const draft = objective({ keyResults: [metric(), metric({ title: 'Churn from 3% to 2%' }), threshold()] });
    expect(checkQuality(draft, GOOD_CONTEXT, { maxKeyResults: 2 }).findings.map((f) => f.ruleId)).toContain('too-many-key-results');
  });

  it('unknown rule ids in the principles are ignored', () => {
    expect(checkQuality(objective(), GOOD_CONTEXT, { rules: { 'retired-rule': 'block' } }).score).toBe(100);
  });

  it('nobody owning the objective blocks by default', () => {
    const report = checkQuality(objective({ ownerId: null }), GOOD_CONTEXT);
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'no-owner', severity: 'block', field: 'ownerId' })]);
    expect(report.blocking).toBe(true);
  });

  it('every rule can be switched off', () => {
    const rules = Object.fromEntries(QUALITY_RULES.map((rule) => [rule.id, 'off' as const]));
    const worst = objective({ title: '', keyResults: [], ownerId: null, whyImportant: '', parentCount: 0 });
    expect(checkQuality(worst, {}, { rules })).toEqual({ findings: [], score: 100, blocking: false });
  });
});

describe('qualityScore', () => {
  it.each<[Severity[], number]>([
    [[], 100],
    [['tip'], 97],
    [['warn', 'warn'], 80],
    [['block', 'warn', 'tip'], 62],
    [['block', 'block', 'block', 'block'], 0],
    [['block', 'block', 'block', 'block', 'tip'], 0],
  ])('%j → %i', (severities, score) => {
    expect(qualityScore(severities.map((severity) => ({ severity })))).toBe(score);
  });
});

describe('teamQualityScore', () => {
  it.each<[number[], number]>([
    [[], 100],
    [[80], 80],
    [[100, 62], 81],
    [[90, 85, 70], 82],
    [[0, 1], 1],
  ])('%j → %i', (scores, expected) => {
    expect(teamQualityScore(scores)).toBe(expected);
  });

  it('refuses non-finite scores', () => {
    expect(() => teamQualityScore([80, Number.NaN])).toThrow(RangeError);
  });
});
