import { describe, expect, it } from 'vitest';
import { GOOD_CONTEXT, fields, metric, milestone, objective, run, threshold } from '../test-fixtures.js';
import type { DraftKeyResult, ObjectiveType, QualityContext } from '../types.js';
import { DEFAULT_PRINCIPLES } from '../types.js';
import { maintainIsKpi, stretchPolicy } from './ambition.js';

describe('stretch-policy', () => {
  it.each<[string, ObjectiveType, QualityContext, boolean]>([
    ['committed in the first cycle', 'committed', { cycleNumber: 1, cycleAspirationalShare: 1 }, false],
    ['aspirational in the first cycle', 'aspirational', { cycleNumber: 1 }, true],
    ['aspirational in the second cycle, share 20%', 'aspirational', { cycleNumber: 2, cycleAspirationalShare: 0.2 }, false],
    ['aspirational, share exactly 30%', 'aspirational', { cycleNumber: 4, cycleAspirationalShare: 0.3 }, false],
    ['aspirational, share 31%', 'aspirational', { cycleNumber: 4, cycleAspirationalShare: 0.31 }, true],
    ['aspirational, nothing known about the cycle', 'aspirational', {}, false],
    ['aspirational, share 50%, cycle unknown', 'aspirational', { cycleAspirationalShare: 0.5 }, true],
  ])('%s → flagged %s', (_name, type, context, flagged) => {
    expect(fields(stretchPolicy, objective({ type }), context)).toEqual(flagged ? ['type'] : []);
  });

  it('explains the first-cycle rule, once, even when the share is also exceeded', () => {
    const findings = run(stretchPolicy, objective({ type: 'aspirational' }), { cycleNumber: 1, cycleAspirationalShare: 1 });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe('This is cycle 1, and your guiding principles allow only committed objectives in the first cycle.');
  });

  it('follows the stretch policy of the principles', () => {
    const principles = { ...DEFAULT_PRINCIPLES, stretchPolicy: { committedOnlyCycles: 2, maxAspirationalShare: 0.5 } };
    const draft = objective({ type: 'aspirational' });
    expect(stretchPolicy.check(draft, { cycleNumber: 2 }, principles)[0]?.message).toContain('first 2 cycles');
    expect(stretchPolicy.check(draft, { cycleNumber: 3, cycleAspirationalShare: 0.5 }, principles)).toEqual([]);
    const [share] = stretchPolicy.check(draft, { cycleNumber: 3, cycleAspirationalShare: 0.6 }, principles);
    expect(share?.message).toBe('60% of this cycle’s objectives would be aspirational; your guiding principles allow at most 50%.');
  });

  it('committedOnlyCycles 0 allows stretch goals from the start', () => {
    const principles = { ...DEFAULT_PRINCIPLES, stretchPolicy: { committedOnlyCycles: 0, maxAspirationalShare: 0.3 } };
    expect(stretchPolicy.check(objective({ type: 'aspirational' }), { ...GOOD_CONTEXT, cycleNumber: 1 }, principles)).toEqual([]);
  });
});

describe('maintain-is-kpi', () => {
  it.each<[string, DraftKeyResult[], string[]]>([
    ['metrics only', [metric(), metric({ title: 'Churn from 3% to 2%' })], []],
    ['no key results', [], []],
    ['one threshold among metrics', [metric(), threshold()], ['keyResults[1].kind']],
    ['two thresholds and a milestone', [threshold(), milestone(), threshold()], ['keyResults[0].kind', 'keyResults[2].kind']],
    ['only thresholds: one finding for the objective', [threshold(), threshold({ title: 'Uptime at least 99.9%' })], ['keyResults']],
    ['a single threshold', [threshold()], ['keyResults']],
  ])('%s → %j', (_name, keyResults, expected) => {
    expect(fields(maintainIsKpi, objective({ keyResults }))).toEqual(expected);
  });

  it('an all-threshold objective is called business as usual, with a way out', () => {
    const [finding] = run(maintainIsKpi, objective({ keyResults: [threshold(), threshold()] }));
    expect(finding?.message).toContain('All 2 key results of this objective only keep a number within limits');
    expect(finding?.suggestion).toContain('Track these as KPIs');
    expect(finding?.suggestion).toContain('bringing it back');
  });
});
