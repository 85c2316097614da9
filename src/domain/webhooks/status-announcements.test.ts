import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_MARGINS } from '../status.js';
import type { ProgressStatus } from '../vocabulary.js';
import { statusAnnouncements, type StatusFacts } from './status-announcements.js';

// A 100-day cycle: on 2025-02-20 (day 50) pace expects 0.5; on track from 0.4, at risk from 0.25.
const base: StatusFacts = {
  id: 'o',
  status: 'active',
  cycleStatus: 'active',
  startDate: '2025-01-01',
  endDate: '2025-04-10',
  effectiveStartDate: null,
  announcedStatus: 'on_track',
};
const MID = '2025-02-20';

describe('statusAnnouncements', () => {
  it.each<
    [string, Partial<StatusFacts>, number, string, { from: ProgressStatus | null; to: ProgressStatus | null; announce: boolean } | null]
  >([
    ['still on track: nothing', {}, 0.45, MID, null],
    ['falls behind: on track → at risk', {}, 0.3, MID, { from: 'on_track', to: 'at_risk', announce: true }],
    ['far behind: on track → off track', {}, 0.1, MID, { from: 'on_track', to: 'off_track', announce: true }],
    ['catches up: off track → on track', { announcedStatus: 'off_track' }, 0.5, MID, { from: 'off_track', to: 'on_track', announce: true }],
    [
      'time alone moves pace: 0.3 is on track early, off track late',
      {},
      0.3,
      '2025-04-01',
      { from: 'on_track', to: 'off_track', announce: true },
    ],
    ['first comparison is a baseline, not an event', { announcedStatus: null }, 0.3, MID, { from: null, to: 'at_risk', announce: false }],
    ['a draft has no status: cleared silently', { status: 'draft' }, 0.3, MID, { from: 'on_track', to: null, announce: false }],
    ['an archived objective: cleared', { status: 'archived' }, 0.9, MID, { from: 'on_track', to: null, announce: false }],
    ['a closed cycle: cleared', { cycleStatus: 'closed' }, 0.9, MID, { from: 'on_track', to: null, announce: false }],
    ['a draft never compared: nothing', { status: 'draft', announcedStatus: null }, 0, MID, null],
    ['pace from a later effective start', { effectiveStartDate: '2025-02-10' }, 0.2, MID, null],
  ])('%s', (_name, facts, progress, today, expected) => {
    const changes = statusAnnouncements([{ ...base, ...facts }], () => progress, today, DEFAULT_STATUS_MARGINS);
    expect(changes).toEqual(expected ? [{ id: 'o', ...expected }] : []);
  });
});
