import { describe, expect, it } from 'vitest';
import { addMonths, nextCloseOn, nextRoundDue, nextRoundOn, type CycleEnd, type LatestRound } from './rounds.js';

const monthly: LatestRound = { schedule: 'monthly', opensOn: '2027-01-31', closesOn: '2027-02-13', cycleEndCovered: null };
const atCycleEnd: LatestRound = { schedule: 'cycle_end', opensOn: '2027-03-01', closesOn: '2027-03-14', cycleEndCovered: null };
const q1: CycleEnd = { status: 'active', endDate: '2027-03-31', reviewOpensOn: null };
const q2: CycleEnd = { status: 'planning', endDate: '2027-06-30', reviewOpensOn: '2027-06-24' };

describe('recurring survey rounds', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-03-15', 1, '2027-04-15'],
    ['2027-12-10', 1, '2028-01-10'],
    ['2027-05-31', 1, '2027-06-30'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));

  it('a monthly round is due one month after the previous opened, not a day before', () => {
    expect(nextRoundDue(monthly, [], '2027-02-27').due).toBe(false);
    expect(nextRoundDue(monthly, [], '2027-02-28').due).toBe(true);
    expect(nextRoundOn(monthly, [], '2027-02-01')).toBe('2027-02-28');
  });

  it('an end-of-cycle round is due once a cycle ending after the last round has entered review or passed its end', () => {
    expect(nextRoundDue(atCycleEnd, [q1, q2], '2027-03-20')).toEqual({ due: false, covers: null });
    expect(nextRoundDue(atCycleEnd, [{ ...q1, status: 'review' }, q2], '2027-03-20')).toEqual({ due: true, covers: '2027-03-31' });
    expect(nextRoundDue(atCycleEnd, [q1, q2], '2027-04-01')).toEqual({ due: true, covers: '2027-03-31' });
    // The round opened for Q1 covers it: nothing more until Q2 ends.
    const afterQ1 = { ...atCycleEnd, opensOn: '2027-04-01', cycleEndCovered: '2027-03-31' };
    expect(nextRoundDue(afterQ1, [{ ...q1, status: 'closed' }, q2], '2027-05-01').due).toBe(false);
    expect(nextRoundOn(afterQ1, [{ ...q1, status: 'closed' }, q2], '2027-05-01')).toBe('2027-06-24');
  });

  it('a cycle already ended when the series began is covered by its first round', () => {
    const started = { ...atCycleEnd, opensOn: '2027-03-25', cycleEndCovered: '2027-03-31' };
    expect(nextRoundDue(started, [{ ...q1, status: 'review' }], '2027-03-26').due).toBe(false);
  });

  it('a one-off survey has no next round; a new round stays open as long as the last', () => {
    expect(nextRoundDue({ ...monthly, schedule: 'once' }, [], '2030-01-01').due).toBe(false);
    expect(nextRoundOn({ ...monthly, schedule: 'once' }, [], '2030-01-01')).toBeNull();
    expect(nextCloseOn(monthly, '2027-02-28')).toBe('2027-03-13');
  });
});
