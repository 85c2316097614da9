import { describe, expect, it } from 'vitest';
import { MOVERS_PER_DIRECTION, rankChanges, type ChangeInputs, type KeyResultChangeInput, type KeyResultMoment } from './review-changes.js';
import type { ProgressStatus } from './vocabulary.js';

const none: ChangeInputs = { keyResults: [], objectives: [], blockers: [], alignments: [] };
const moment = (progress: number, confidence: number | null = null, stale = false): KeyResultMoment => ({ progress, confidence, stale });
const kr = (title: string, before: KeyResultMoment, after: KeyResultMoment): KeyResultChangeInput => ({
  objectiveId: `o-${title}`,
  objectiveTitle: `O ${title}`,
  keyResultId: `k-${title}`,
  keyResultTitle: title,
  before,
  after,
});
const kinds = (inputs: Partial<ChangeInputs>) =>
  rankChanges({ ...none, ...inputs }).map((i) => `${i.kind}:${i.keyResultTitle ?? i.objectiveTitle}`);

describe('key result changes: movers, confidence drops, staleness', () => {
  it.each<[string, KeyResultMoment, KeyResultMoment, string[]]>([
    ['unchanged', moment(0.3, 7), moment(0.3, 7), []],
    ['below the mover threshold', moment(0.3), moment(0.305), []],
    ['exactly one point up', moment(0.3), moment(0.31), ['moved_up:a']],
    ['down', moment(0.5), moment(0.2), ['moved_down:a']],
    ['confidence falls by one: nothing', moment(0.3, 7), moment(0.3, 6), []],
    ['confidence falls by two', moment(0.3, 7), moment(0.3, 5), ['confidence_drop:a']],
    ['confidence first given: no drop', moment(0.3, null), moment(0.3, 2), []],
    ['confidence rises', moment(0.3, 3), moment(0.3, 8), []],
    ['went stale', moment(0.3, null, false), moment(0.3, null, true), ['went_stale:a']],
    ['was already stale', moment(0.3, null, true), moment(0.3, null, true), []],
    ['drop, fall and stale together, by rank', moment(0.6, 8), moment(0.4, 4, true), ['confidence_drop:a', 'went_stale:a', 'moved_down:a']],
  ])('%s', (_name, before, after, expected) => {
    expect(kinds({ keyResults: [kr('a', before, after)] })).toEqual(expected);
  });

  it(`keeps the ${MOVERS_PER_DIRECTION} biggest movers each way, biggest first`, () => {
    const krs = [0.05, 0.3, 0.1, 0.2, 0.4, 0.02, 0.5].map((d, i) => kr(`up${i}`, moment(0), moment(d)));
    const downs = [0.1, 0.3].map((d, i) => kr(`down${i}`, moment(0.5), moment(0.5 - d)));
    expect(kinds({ keyResults: [...krs, ...downs] })).toEqual([
      'moved_down:down1',
      'moved_down:down0',
      'moved_up:up6',
      'moved_up:up4',
      'moved_up:up1',
      'moved_up:up3',
      'moved_up:up2',
    ]);
  });

  it('chooses among movers tied at the cut by id, whatever order they come in', () => {
    const tied = Array.from({ length: MOVERS_PER_DIRECTION + 3 }, (_, i) => kr(`t${i}`, moment(0), moment(1)));
    const chosen = (inputs: KeyResultChangeInput[]) => rankChanges({ ...none, keyResults: inputs }).map((i) => i.keyResultId);
    const forwards = chosen(tied);
    expect(forwards).toHaveLength(MOVERS_PER_DIRECTION);
    expect(chosen([...tied].reverse())).toEqual(forwards);
    expect(new Set(forwards)).toEqual(
      new Set(
        tied
          .map((t) => t.keyResultId)
          .sort()
          .slice(0, MOVERS_PER_DIRECTION),
      ),
    );
  });
});

describe('objective status changes', () => {
  it.each<[ProgressStatus | null, ProgressStatus | null, number | null]>([
    ['on_track', 'on_track', null],
    ['on_track', 'at_risk', 110],
    ['on_track', 'off_track', 120],
    ['at_risk', 'off_track', 110],
    ['off_track', 'on_track', 40],
    [null, 'at_risk', 110],
    ['at_risk', null, null],
  ])('%s → %s ranks %s', (before, after, rank) => {
    const items = rankChanges({ ...none, objectives: [{ objectiveId: 'o', objectiveTitle: 'O', before, after }] });
    expect(items.map((i) => i.rank)).toEqual(rank === null ? [] : [rank]);
  });
});

describe('blockers and alignment', () => {
  const blocker = (title: string, isNew: boolean, answered: boolean) => ({
    objectiveId: 'o',
    objectiveTitle: 'O',
    keyResultId: `k-${title}`,
    keyResultTitle: title,
    text: 'waiting',
    raisedOn: '2025-01-10',
    isNew,
    answered,
  });

  it('lists new blockers (unanswered first) and old ones only while unanswered', () => {
    const blockers = [
      blocker('new answered', true, true),
      blocker('old answered', false, true),
      blocker('old open', false, false),
      blocker('new open', true, false),
    ];
    expect(kinds({ blockers })).toEqual(['new_blocker:new open', 'unanswered_blocker:old open', 'new_blocker:new answered']);
  });

  it('puts a worsened status before blockers, and alignment changes and KPI items where their rank says', () => {
    const items = rankChanges({
      ...none,
      objectives: [{ objectiveId: 'o', objectiveTitle: 'Z', before: 'on_track', after: 'at_risk' }],
      blockers: [blocker('b', true, false)],
      alignments: [
        {
          objectiveId: 'c',
          objectiveTitle: 'Child',
          keyResultId: null,
          keyResultTitle: null,
          action: 'aligned',
          on: '2025-01-09',
          parentTitle: 'P',
        },
      ],
      extra: [
        {
          kind: 'kpi_health_change',
          rank: 95,
          objectiveId: 'k',
          objectiveTitle: 'KPI',
          keyResultId: null,
          keyResultTitle: null,
          summary: 's',
          before: null,
          after: null,
          on: null,
        },
      ],
    });
    expect(items.map((i) => i.kind)).toEqual(['status_change', 'kpi_health_change', 'new_blocker', 'alignment_change']);
    expect(items[3]!.summary).toBe('Child now aligns to P');
  });
});

describe('ties within a rank', () => {
  it('order by objective, then key result, then kind, as localeCompare orders the titles', () => {
    const titles = ['été', 'Zebra', 'apple', 'Apple', 'éclair', 'a_b', 'ab', 'a-b', 'Émile', 'zoo', '10 tasks', '9 tasks'];
    const stale = titles.map((title) => kr(title, moment(0.3, null, false), moment(0.3, null, true)));
    const listed = rankChanges({ ...none, keyResults: stale }).map((i) => i.keyResultTitle);
    expect(listed).toEqual([...titles].sort((a, b) => `O ${a}`.localeCompare(`O ${b}`)));
  });
});
