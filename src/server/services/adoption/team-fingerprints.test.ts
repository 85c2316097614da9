import { describe, expect, it } from 'vitest';
import type { AdoptionClock } from '../../../domain/adoption/index.js';
import type { KeptFactsRow } from './kept-facts.js';
import type { TeamInputs } from './team-counts.js';
import { groupKey, teamFingerprints } from './team-fingerprints.js';

const HOUR = 3_600_000;
const raisedAt = Date.UTC(2025, 10, 18, 9);
const clockAt = (now: number): AdoptionClock => ({ today: '2025-11-19', now, graceDays: 2, answerWithinHours: 24 });
const row = (token: string, pending: number[]): KeptFactsRow => ({
  cycle_id: 'c1',
  team_key: 't1',
  token,
  cycle_end: '2025-12-31',
  facts: { n: raisedAt, b: [['2025-11-18', 0, 0, pending]] },
});
const inputs = (kept: KeptFactsRow[], members: TeamInputs['members'] = []): TeamInputs => ({
  teams: [{ id: 't1', name: 'One', kind: 'team', parentId: null }],
  members,
  kept,
  minutes: [],
  leads: new Map(),
  pilotTeamIds: new Set(),
});
const member = { team_id: 't1', user_id: 'u1', name: null, role: 'member', joined_on: '2025-10-01' };

describe('team fingerprints', () => {
  it('change when a pending blocker’s time to answer runs out on the same day, and only then', () => {
    const facts = inputs([row('a', [raisedAt])]);
    const before = teamFingerprints(facts, clockAt(raisedAt + 23 * HOUR)).get('t1');
    expect(teamFingerprints(facts, clockAt(raisedAt + 23.5 * HOUR)).get('t1')).toBe(before);
    expect(teamFingerprints(facts, clockAt(raisedAt + 24 * HOUR)).get('t1')).not.toBe(before);
  });

  it('change with the token, the members, and the minutes', () => {
    const clock = clockAt(raisedAt);
    const base = teamFingerprints(inputs([row('a', [])]), clock).get('t1');
    expect(teamFingerprints(inputs([row('b', [])]), clock).get('t1')).not.toBe(base);
    expect(teamFingerprints(inputs([row('a', [])], [member]), clock).get('t1')).not.toBe(base);
    const withMinutes = { ...inputs([row('a', [])]), minutes: [{ team_id: 't1', week_start: '2025-11-17', minutes: 5 }] };
    expect(teamFingerprints(withMinutes, clock).get('t1')).not.toBe(base);
    expect(teamFingerprints(inputs([row('a', [])]), clock).get('t1')).toBe(base);
  });

  it('give groups of different teams different keys', () => {
    const prints = teamFingerprints(inputs([row('a', [])], [member]), clockAt(raisedAt));
    expect(groupKey('base', prints, ['t1'])).not.toBe(groupKey('base', prints, ['t1', 't2']));
    expect(groupKey('base', prints, ['t1'])).not.toBe(groupKey('other', prints, ['t1']));
    expect(groupKey('base', prints, ['t1'])).toBe(groupKey('base', prints, ['t1']));
  });
});
