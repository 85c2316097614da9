import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';
import { checkInPunctuality } from '../../src/domain/punctuality.js';
import { CADENCE_DAYS } from '../../src/domain/stale.js';
import { evaluationRows } from '../../src/server/services/evaluation/evaluation-rows.js';
import { punctualityByTeam } from '../../src/server/services/across/heatmap-punctuality.js';
import { anyoneIn } from '../../src/server/services/visibility/objective-visible.js';
import type { DatabaseHandle } from '../../src/db/database.js';

/**
 * The heatmap sums on-time check-ins per team in the database (from the check-in digests); the definition is
 * checkInPunctuality over each key result's check-in dates, as the heatmap counted them before. The two must agree on
 * every date, for weekly and biweekly teams, an effective start, several check-ins in one period, and a team whose
 * cadence changed after its check-ins (its digests no longer match and are counted from the check-ins).
 */
describeEachEngine('Heatmap on-time check-ins: the sum in the database equals checkInPunctuality', (engine) => {
  const t = useOkrWorld(engine, '2025-03-20');

  it('agrees with the per-key-result count on every date, before and after a cadence change', async () => {
    const w = t.w;
    const db = (engine() as { handle: DatabaseHandle }).handle.db;
    const weekly = await createTeam(w.owner.client, { name: 'Weekly', kind: 'department' });
    const biweekly = await createTeam(w.owner.client, { name: 'Biweekly' });
    expectStatus(await w.owner.client.patch(`${API}/teams/${biweekly.id}`, { checkInCadence: 'biweekly' }), 200);
    const a = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Ship the thing', teamId: weekly.id }, 10, '2025-01-03');
    for (const [value, asOf] of [
      [20, '2025-01-08'],
      [25, '2025-01-09'],
      [30, '2025-01-21'],
      [50, '2025-02-14'],
    ] as const)
      await w.api.checkIn(a.kr.id, { value, asOf });
    const b = await w.api.objectiveAt(
      { cycleId: w.cycle.id, title: 'Grow the other thing', teamId: biweekly.id, effectiveStartDate: '2025-01-20' },
      5,
      '2025-01-25',
    );
    for (const [value, asOf] of [
      [15, '2025-02-03'],
      [35, '2025-03-01'],
      [40, '2025-03-03'],
    ] as const)
      await w.api.checkIn(b.kr.id, { value, asOf });
    await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Never checked in', teamId: biweekly.id });

    const reader = anyoneIn(w.orgId);
    const cycle = { id: w.cycle.id, startDate: w.cycle.startDate, endDate: w.cycle.endDate };
    const reference = async (date: string) => {
      const byTeam = new Map<string, { due: number; onTime: number }>();
      for (const row of await evaluationRows(db, reader, cycle, date)) {
        if (!row.teamId) continue;
        const one = checkInPunctuality({
          start: row.start,
          end: cycle.endDate,
          today: date,
          cadenceDays: CADENCE_DAYS[row.cadence ?? 'weekly'],
          checkInDates: row.checkInDates.filter((d) => d <= date),
        });
        const sum = byTeam.get(row.teamId) ?? { due: 0, onTime: 0 };
        byTeam.set(row.teamId, { due: sum.due + one.due, onTime: sum.onTime + one.onTime });
      }
      return byTeam;
    };
    const dates = ['2024-12-31', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-31', '2025-02-14', '2025-03-20', '2025-06-30'];
    const compare = async () => {
      for (const date of dates)
        expect([date, await punctualityByTeam(db, reader, w.cycle.id, date)]).toEqual([date, await reference(date)]);
    };
    await compare();
    // A hand-checked point: on 31 January the weekly key result was due on 8, 15, 22 and 29 January and checked in
    // within the first (3 and 8 January), second (9th) and third (21st) periods.
    expect((await punctualityByTeam(db, reader, w.cycle.id, '2025-01-31')).get(weekly.id)).toEqual({ due: 4, onTime: 3 });

    expectStatus(await w.owner.client.patch(`${API}/teams/${weekly.id}`, { checkInCadence: 'monthly' }), 200);
    await compare();
  });
});
