import { describe, expect, it } from 'vitest';
import { defaultCycle } from './default-cycle.js';

const cycle = (id: string, status: string, startDate: string, endDate: string) => ({ id, status, startDate, endDate });
const q3 = cycle('q3', 'closed', '2026-07-01', '2026-09-30');
const q4 = cycle('q4', 'active', '2026-10-01', '2026-12-31');
const q1 = cycle('q1', 'planning', '2027-01-01', '2027-03-31');

describe('defaultCycle', () => {
  it.each([
    ['the active cycle containing today', [q3, q4, q1], '2026-12-04', 'q4'],
    ['its first and last days included', [q3, q4, q1], '2026-12-31', 'q4'],
    ['else the latest not closed (the active one has ended)', [q3, q4, q1], '2027-01-02', 'q1'],
    ['else the latest not closed (between cycles)', [q3, { ...q4, status: 'planning' }], '2026-09-30', 'q4'],
    ['else the latest', [q3, { ...q4, status: 'closed' }], '2027-02-01', 'q4'],
  ])('%s', (_case, cycles, today, expected) => {
    expect(defaultCycle(cycles, today)?.id).toBe(expected);
  });

  it('answers nothing for an organisation without cycles', () => {
    expect(defaultCycle([], '2026-12-04')).toBeUndefined();
  });
});
