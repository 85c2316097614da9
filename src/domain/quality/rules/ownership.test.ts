import { describe, expect, it } from 'vitest';
import { GOOD_CONTEXT, fields, objective, run } from '../test-fixtures.js';
import type { DraftObjective, ObjectiveLevel } from '../types.js';
import { DEFAULT_PRINCIPLES } from '../types.js';
import { noOwner, notAligned, ownerOverloaded } from './ownership.js';

describe('no-owner', () => {
  it.each<[string, Partial<DraftObjective>, boolean]>([
    ['an owner', { ownerId: 'u-7' }, false],
    ['no owner field', { ownerId: undefined }, true],
    ['owner null', { ownerId: null }, true],
    ['owner blank', { ownerId: ' ' }, true],
    ['a team but no person', { ownerId: null, teamId: 't-1' }, true],
  ])('%s → flagged %s', (_name, overrides, flagged) => {
    expect(fields(noOwner, objective(overrides))).toEqual(flagged ? ['ownerId'] : []);
  });

  it.each<[string, (string | null | undefined)[], Partial<DraftObjective>, string[]]>([
    ['owned key results', ['u-1', 'u-2'], { ownerId: 'u-7' }, []],
    ['an unknown key result owner (defaults to its author)', [undefined], { ownerId: 'u-7' }, []],
    ['the second key result owned by nobody', ['u-1', null], { ownerId: 'u-7' }, ['keyResults[1].ownerId']],
    ['nobody owns anything', [null], { ownerId: null }, ['ownerId', 'keyResults[0].ownerId']],
  ])('%s → %j', (_name, owners, overrides, flagged) => {
    const keyResults = owners.map((ownerId, i) => ({ title: `KR ${i}`, kind: 'metric' as const, ownerId }));
    expect(fields(noOwner, objective({ ...overrides, keyResults }))).toEqual(flagged);
  });

  it('blocks publishing by default', () => {
    expect(noOwner.defaultSeverity).toBe('block');
  });

  it('explains that a team is not an owner', () => {
    expect(run(noOwner, objective({ ownerId: null }))[0]?.message).toContain('a team cannot be accountable');
    expect(run(noOwner, objective({ ownerId: null, teamId: null }))[0]?.message).toBe('Nobody owns this objective.');
  });
});

describe('owner-overloaded', () => {
  it.each<[number | undefined, boolean]>([
    [undefined, false],
    [1, false],
    [3, false],
    [4, true],
    [7, true],
  ])('owner holds %s objectives → flagged %s', (ownerObjectiveCount, flagged) => {
    const context = { ...GOOD_CONTEXT, ownerObjectiveCount };
    expect(fields(ownerOverloaded, objective(), context)).toEqual(flagged ? ['ownerId'] : []);
  });

  it('stays silent when nobody owns the objective (no-owner speaks)', () => {
    expect(fields(ownerOverloaded, objective({ ownerId: null }), { ownerObjectiveCount: 9 })).toEqual([]);
  });

  it('uses maxObjectivesPerOwner and names both numbers', () => {
    const principles = { ...DEFAULT_PRINCIPLES, maxObjectivesPerOwner: 2 };
    const [finding] = ownerOverloaded.check(objective(), { ownerObjectiveCount: 3 }, principles);
    expect(finding?.message).toBe('The owner holds 3 objectives this cycle; your guiding principles allow at most 2.');
  });
});

describe('not-aligned', () => {
  it.each<[ObjectiveLevel, number, string | null | undefined, boolean]>([
    ['company', 0, null, false],
    ['team', 1, null, false],
    ['individual', 2, undefined, false],
    ['team', 0, 'Required by our ISO 27001 audit', false],
    ['team', 0, null, true],
    ['team', 0, '   ', true],
    ['individual', 0, undefined, true],
  ])('%s objective, %i parents, reason %s → flagged %s', (level, parentCount, standaloneReason, flagged) => {
    const draft = objective({ level, parentCount, standaloneReason });
    expect(fields(notAligned, draft)).toEqual(flagged ? ['standaloneReason'] : []);
  });

  it('says which level is unaligned', () => {
    const [finding] = run(notAligned, objective({ level: 'individual', parentCount: 0 }));
    expect(finding?.message).toBe('This individual objective is not aligned to any objective above it.');
  });
});
