import { describe, expect, it } from 'vitest';
import { QUALITY_RULES } from './catalogue.js';
import { checkQuality } from './check-quality.js';
import { qualityPenalty, READ_TIME_RULES, scoreOfParts } from './partial-score.js';
import { resolvePrinciples } from './principles.js';
import { AS_OF, GOOD_CONTEXT, metric, objective } from './test-fixtures.js';
import type { DraftObjective, QualityContext } from './types.js';

const principles = resolvePrinciples({ rules: { 'no-owner': 'warn' } });
const flawed = { whyUrgent: '', ownerId: null, keyResults: [metric(), metric({ title: 'Weekly active teams', targetValue: undefined })] };
const behind = { type: 'committed', progress: 0.1, expectedProgress: 0.6, latestNote: null } as const;
const forgotten = { keyResults: [metric({ lastCheckInDate: '2024-12-01' })] };

// [case, draft, context, stored penalty, read penalty]
const CASES: [string, DraftObjective, QualityContext, number, number][] = [
  ['a sound objective', objective(), GOOD_CONTEXT, 0, 0],
  ['what it says: no why-urgent, no owner, a key result without target', objective(flawed), GOOD_CONTEXT, 25 + 10 + 3, 0],
  ['behind pace without a note', objective(behind), GOOD_CONTEXT, 0, 10],
  // One key result is a tip (too few) in the stored part.
  ['not checked in for ten weeks', objective(forgotten), { ...GOOD_CONTEXT, asOf: AS_OF }, 3, 10],
  ['an overloaded owner', objective(), { ...GOOD_CONTEXT, ownerObjectiveCount: 9 }, 0, 10],
  ['all of it', objective({ ...flawed, ...behind }), { ...GOOD_CONTEXT, ownerObjectiveCount: 9 }, 38, 10],
  [
    'more than 100 points: the score stops at 0',
    objective({ keyResults: [1, 2, 3, 4, 5].map((n) => metric({ title: `Thing ${n}`, targetValue: undefined })) }),
    GOOD_CONTEXT,
    -1,
    0,
  ],
];

describe('the coach score in a stored and a read part', () => {
  it.each(CASES)('%s: the parts add up to checkQuality’s score', (_, draft, context, stored, read) => {
    const storedPart = qualityPenalty(draft, context, principles, 'stored');
    const readPart = qualityPenalty(draft, context, principles, 'read');
    if (stored >= 0) expect(storedPart).toBe(stored);
    expect(readPart).toBe(read);
    expect(scoreOfParts(storedPart, readPart)).toBe(checkQuality(draft, context, principles).score);
  });

  it('names only rules of the catalogue', () => {
    const ids = new Set(QUALITY_RULES.map((r) => r.id));
    expect([...READ_TIME_RULES].filter((id) => !ids.has(id))).toEqual([]);
  });
});
