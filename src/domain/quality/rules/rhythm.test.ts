import { describe, expect, it } from 'vitest';
import { AS_OF, fields, metric, objective, run } from '../test-fixtures.js';
import type { DraftKeyResult, DraftObjective, QualityContext } from '../types.js';
import { behindPaceWithoutNote, noRecentCheckIn } from './rhythm.js';

// AS_OF is 2025-02-15; weekly cadence → at most 14 days between check-ins.
describe('no-recent-check-in', () => {
  it.each<[string, Partial<DraftKeyResult>, QualityContext, boolean]>([
    ['checked in 5 days ago', { lastCheckInDate: '2025-02-10' }, { asOf: AS_OF }, false],
    ['14 days ago: exactly two weeks', { lastCheckInDate: '2025-02-01' }, { asOf: AS_OF }, false],
    ['15 days ago', { lastCheckInDate: '2025-01-31' }, { asOf: AS_OF }, true],
    ['15 days ago on a biweekly team', { lastCheckInDate: '2025-01-31' }, { asOf: AS_OF, cadenceDays: 14 }, false],
    ['29 days ago on a biweekly team', { lastCheckInDate: '2025-01-17' }, { asOf: AS_OF, cadenceDays: 14 }, true],
    ['never, created 10 days ago', { lastCheckInDate: null, createdDate: '2025-02-05' }, { asOf: AS_OF }, false],
    ['never, created 20 days ago', { lastCheckInDate: null, createdDate: '2025-01-26' }, { asOf: AS_OF }, true],
    ['never, no creation date', { lastCheckInDate: undefined, createdDate: undefined }, { asOf: AS_OF }, false],
    ['no asOf: the coach never reads the clock', { lastCheckInDate: '2024-01-01' }, {}, false],
    ['invalid date is ignored, not thrown', { lastCheckInDate: '2025-02-30' }, { asOf: AS_OF }, false],
    ['nonsense cadence falls back to weekly', { lastCheckInDate: '2025-01-31' }, { asOf: AS_OF, cadenceDays: 0 }, true],
  ])('%s → flagged %s', (_name, overrides, context, flagged) => {
    const draft = objective({ keyResults: [metric(overrides)] });
    expect(fields(noRecentCheckIn, draft, context)).toEqual(flagged ? ['keyResults[0].lastCheckInDate'] : []);
  });

  it.each(['draft', 'closed', 'archived'])('a %s objective is not tracked', (status) => {
    const draft = objective({ status, keyResults: [metric({ lastCheckInDate: '2024-12-01' })] });
    expect(run(noRecentCheckIn, draft, { asOf: AS_OF })).toEqual([]);
  });

  it('rollups are never checked in', () => {
    const draft = objective({ keyResults: [{ title: 'Reliability', kind: 'rollup', createdDate: '2024-01-01' }] });
    expect(run(noRecentCheckIn, draft, { asOf: AS_OF })).toEqual([]);
  });

  it('says how long and what the cadence is', () => {
    const draft = objective({ keyResults: [metric({ title: 'NPS', lastCheckInDate: '2025-01-20' })] });
    expect(run(noRecentCheckIn, draft, { asOf: AS_OF })[0]?.message).toBe(
      '“NPS” was last checked in 26 days ago (2025-01-20); your team checks in every 7 days.',
    );
  });
});

describe('behind-pace-without-note', () => {
  it.each<[string, Partial<DraftObjective>, boolean]>([
    ['on pace', { progress: 0.5, expectedProgress: 0.5 }, false],
    ['exactly 10 points behind', { progress: 0.4, expectedProgress: 0.5 }, false],
    ['float noise at the margin', { progress: 0.30000000000000004, expectedProgress: 0.4 + 0.0000000000000001 }, false],
    ['11 points behind', { progress: 0.39, expectedProgress: 0.5 }, true],
    ['far behind, with a note', { progress: 0.1, expectedProgress: 0.6, latestNote: 'Vendor API slipped two weeks.' }, false],
    ['far behind, blank note', { progress: 0.1, expectedProgress: 0.6, latestNote: '  ' }, true],
    ['far behind but aspirational', { progress: 0.1, expectedProgress: 0.6, type: 'aspirational' }, false],
    ['progress unknown', { progress: undefined, expectedProgress: 0.6 }, false],
    ['pace unknown', { progress: 0.1, expectedProgress: undefined }, false],
  ])('%s → flagged %s', (_name, overrides, flagged) => {
    expect(fields(behindPaceWithoutNote, objective(overrides))).toEqual(flagged ? ['latestNote'] : []);
  });

  it('states progress and pace as percentages', () => {
    const [finding] = run(behindPaceWithoutNote, objective({ progress: 0.35, expectedProgress: 0.6 }));
    expect(finding?.message).toBe(
      'This committed objective is at 35% while 60% of the cycle has passed, and there is no note explaining it.',
    );
  });
});
