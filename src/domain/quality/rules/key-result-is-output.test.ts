import { describe, expect, it } from 'vitest';
import { metric, milestone, objective, run } from '../test-fixtures.js';
import type { DraftKeyResult } from '../types.js';
import { keyResultIsOutput } from './key-result-is-output.js';

function check(kr: DraftKeyResult) {
  return run(keyResultIsOutput, objective({ keyResults: [kr] }));
}

describe('key-result-is-output: outcomes pass', () => {
  it.each([
    'Raise activation rate from 40% to 60%',
    // The verb is "reduce"; "release" is a noun here.
    'Reduce release lead time from 10 to 3 days',
    // "launch" is what customers do, and the value changes.
    'Customers who launch a campaign in week 1: 20% → 45%',
    'Reduce time to hire from 60 to 30 days',
    'Hiring lead time from 60 to 30 days',
    'Deliver an NPS of 50',
    'Deliver 99.9% uptime',
    'Released features adopted by 30% of users',
    'Reach 1,000 paying customers',
    'Shipping errors below 0.5% of orders',
    'Run-rate revenue from €1.2M to €2M',
    // A verb of change leads; the delivery word only describes what is counted.
    'Increase the number of teams that set up SSO',
    'Reduce support tickets about deployed releases',
  ])('%s', (title) => {
    expect(check(metric({ title }))).toEqual([]);
  });

  it('a milestone list whose title states an outcome metric passes', () => {
    expect(check(milestone({ title: 'Self-serve signups from 30% to 50% of new accounts' }))).toEqual([]);
  });

  it('rollups are measured by aligned objectives and are not judged', () => {
    expect(check({ title: 'Launch in Germany', kind: 'rollup' })).toEqual([]);
  });
});

describe('key-result-is-output: outputs are flagged', () => {
  it.each([
    ['Launch the partner portal', '“launch”'],
    ['Implement SSO', '“implement”'],
    ['Build a referral programme', '“build”'],
    ['We will ship the mobile app', '“ship”'],
    ['Hire 5 engineers', '“hire”'],
    ['Hold 12 customer meetings', '“hold”'],
    ['Run 5 workshops to cut onboarding time', '“run”'],
    ['Write 20 blog posts', '“write”'],
    ['Migrate 100% of customers to v2', '“migrate”'],
    ['Set up the data warehouse', '“set up”'],
    ['Roll out SSO to all customers', '“roll out”'],
    ['Go live in Germany', '“go live”'],
    ['1. Complete the security audit', '“complete”'],
    ['New pricing page live by March', '“live by”'],
    ['Checkout redesign launched', '“launched”'],
    ['Mobile app released to both stores', '“released”'],
  ])('%s', (title, verb) => {
    const findings = check(metric({ title }));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.field).toBe('keyResults[0].title');
    expect(findings[0]?.message).toContain(verb);
    expect(findings[0]?.suggestion).toContain('what changes for customers or the business');
  });

  it.each(['Onboarding flow redesign', 'Improve onboarding', 'SOC 2 certification'])('milestone list “%s” measures outputs', (title) => {
    const findings = check(milestone({ title }));
    expect(findings.map((f) => f.field)).toEqual(['keyResults[0].kind']);
    expect(findings[0]?.message).toContain('milestones track delivery');
  });

  it('a milestone list led by a delivery verb is reported once, on the title', () => {
    expect(check(milestone({ title: 'Ship the new onboarding flow' })).map((f) => f.field)).toEqual(['keyResults[0].title']);
  });
});

describe('key-result-is-output: offers to move a saved output to an initiative', () => {
  const output = metric({ id: 'kr-out', title: 'Launch the new onboarding flow' });
  const result = metric({ id: 'kr-result' });
  it.each([
    ['saved, beside a saved key result', [output, result], { kind: 'move_to_initiative', keyResultId: 'kr-out', under: ['kr-result'] }],
    ['alone in its objective: nothing to move it under', [output], undefined],
    ['being typed (no id yet)', [{ ...output, id: undefined }, result], undefined],
    ['beside a rollup only', [output, { id: 'kr-roll', title: 'Teams', kind: 'rollup' as const }], undefined],
  ] as const)('%s', (_case, keyResults, action) => {
    const findings = run(keyResultIsOutput, objective({ keyResults: [...keyResults] }));
    expect(findings[0]?.action).toEqual(action === undefined ? undefined : expect.objectContaining(action));
  });
});
