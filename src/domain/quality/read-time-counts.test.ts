import { describe, expect, it } from 'vitest';
import { daysBetween } from '../dates.js';
import { penaltyOfRules, READ_TIME_RULES, scoredRules } from './partial-score.js';
import { resolvePrinciples } from './principles.js';
import { readTimeCounters, readTimePenalty, type ReadTimeFacts } from './read-time-counts.js';
import { isBlank } from './helpers.js';
import { QUALITY_RULES } from './catalogue.js';
import type { DraftKeyResult, DraftObjective, QualityContext, RuleSetting } from './types.js';
import type { KeyResultKind, ObjectiveType } from '../vocabulary.js';

/** A small deterministic generator (mulberry32), so a failure names its case. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const DATES = [
  '2025-01-01',
  '2025-01-10',
  '2025-01-16',
  '2025-01-17',
  '2025-01-18',
  '2025-01-24',
  '2025-01-30',
  '2025-01-31',
  '2024-12-01',
];
const NOTES = [null, '', '   ', '\u00a0\u2003', 'TBD', ' n/a ', 'none', 'Vendor late', 'x', '\ufeffTodo\u3000'];
const KINDS: KeyResultKind[] = ['metric', 'milestone', 'threshold', 'rollup'];
const TYPES: ObjectiveType[] = ['committed', 'aspirational'];
const SETTINGS: RuleSetting[] = ['off', 'tip', 'warn', 'block'];
const day = (d: string) => daysBetween('1970-01-01', d);

describe('the read-time rules counted without their messages', () => {
  it('covers every read-time rule', () => {
    const all = resolvePrinciples({ rules: Object.fromEntries([...READ_TIME_RULES].map((id) => [id, 'warn'])) });
    expect(readTimeCounters(scoredRules(all, 'read'))).toHaveLength(READ_TIME_RULES.size);
    expect(QUALITY_RULES.filter((r) => READ_TIME_RULES.has(r.id)).length).toBe(READ_TIME_RULES.size);
  });

  it('costs the points penaltyOfRules gives, on 5,000 generated objectives and contexts', () => {
    const r = rng(14);
    for (let i = 0; i < 5000; i++) {
      const principles = resolvePrinciples({
        rules: Object.fromEntries([...READ_TIME_RULES].map((id) => [id, pick(r, SETTINGS)])),
        maxObjectivesPerOwner: pick(r, [1, 2, 3, 5]),
        stretchPolicy: { committedOnlyCycles: pick(r, [0, 1, 2]), maxAspirationalShare: pick(r, [0, 0.3, 0.5]) },
      });
      const tracked = r() < 0.7;
      const status = tracked ? 'active' : pick(r, ['closed', 'draft', 'archived']);
      const keyResults: DraftKeyResult[] = Array.from({ length: Math.floor(r() * 5) }, () => ({
        title: '',
        kind: pick(r, KINDS),
        lastCheckInDate: r() < 0.3 ? null : pick(r, DATES),
        createdDate: r() < 0.1 ? 'not a date' : pick(r, DATES),
      }));
      const progress = pick(r, [0, 0.1, 0.2, 0.3 - 0.1, 0.45, 1]);
      const expected = tracked ? pick(r, [0, 0.2, 0.3, 0.55, 1]) : undefined;
      const draft: DraftObjective = {
        title: '',
        ownerId: pick(r, [null, '', 'u1']),
        teamId: 't',
        level: 'team',
        type: pick(r, TYPES),
        status,
        progressDriver: 'key_results',
        alignedChildCount: 0,
        parentCount: 0,
        keyResults,
        progress,
        expectedProgress: expected,
        latestNote: pick(r, NOTES),
      };
      const asOf = pick(r, ['2025-01-31', '2025-02-28', 'never']);
      const context: QualityContext = {
        asOf,
        cadenceDays: pick(r, [undefined, 0, 7, 14, 30]),
        ownerObjectiveCount: pick(r, [undefined, 1, 3, 4, 9]),
        cycleAspirationalShare: pick(r, [undefined, 0, 0.3, 0.3 + 1e-12, 0.31, 0.6]),
        cycleNumber: pick(r, [undefined, 1, 2, 3]),
      };
      const facts: ReadTimeFacts = {
        type: draft.type,
        ownerId: draft.ownerId ?? null,
        tracked,
        progress,
        expectedProgress: expected,
        latestNoteBlank: isBlank(draft.latestNote),
        checkInFromDays: keyResults.flatMap((kr) => {
          const from = kr.lastCheckInDate ?? kr.createdDate!;
          return kr.kind === 'rollup' || from === 'not a date' ? [] : [day(from)];
        }),
      };
      const rules = scoredRules(principles, 'read');
      const expectedPenalty = penaltyOfRules(rules, draft, context, principles);
      const counted = readTimePenalty(
        readTimeCounters(rules),
        facts,
        {
          asOfDay: asOf === 'never' ? null : day(asOf),
          cadenceDays: context.cadenceDays,
          ownerObjectiveCount: context.ownerObjectiveCount,
          cycleAspirationalShare: context.cycleAspirationalShare,
          cycleNumber: context.cycleNumber,
        },
        principles,
      );
      expect([i, counted]).toEqual([i, expectedPenalty]);
    }
  });
});
