import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld } from '../okrs/support.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { expectKeptEqualsRebuilt } from '../support/objective-digests.js';
import { onTimeOfMask } from '../../src/server/services/across/heatmap-punctuality.js';

/**
 * objective_key_result_digests (migration 0048) is kept by triggers: after every kind of write it must equal a rebuild.
 */
describeEachEngine('Objective key result digests: kept on every write equal to a rebuild', (engine) => {
  const t = useOkrWorld(engine, '2025-03-20');

  it('follows key results and check-ins created, corrected, moved and deleted', async () => {
    const w = t.w;
    const db = (engine() as { handle: DatabaseHandle }).handle.db;
    const team = await createTeam(w.owner.client, { name: 'Weekly', kind: 'department' });
    const a = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Ship the thing', teamId: team.id }, 10, '2025-01-03');
    const b = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Grow the other thing', teamId: team.id }, 5, '2025-01-06');
    let kept = await expectKeptEqualsRebuilt(db);
    expect(kept.find((r) => r.objective_id === a.objective.id)).toMatchObject({ ids: [a.kr.id], kinds: ['metric'] });

    const second = await w.api.createKeyResult(a.objective.id, percent('Second measure'));
    await expectKeptEqualsRebuilt(db);
    const noted = await w.api.checkIn(second.id, { value: 30, asOf: '2025-01-20', note: 'Late but moving' });
    await w.api.checkIn(a.kr.id, { value: 20, asOf: '2025-01-14' });
    kept = await expectKeptEqualsRebuilt(db);
    expect(kept.find((r) => r.objective_id === a.objective.id)?.note).toBe('Late but moving');

    await w.api.patchKeyResult(second.id, { effectiveStartDate: '2025-01-10' });
    expectStatus(await w.owner.client.patch(`${API}/check-ins/${noted.id}`, { asOf: '2025-01-13' }), 200);
    kept = await expectKeptEqualsRebuilt(db);
    expect(kept.find((r) => r.objective_id === a.objective.id)?.note).toBe(null); // the 14 January check-in is now latest
    expect(kept.find((r) => r.objective_id === a.objective.id)?.starts).toContain('2025-01-10');

    expectStatus(await w.owner.client.delete(`${API}/check-ins/${noted.id}`), 204);
    await expectKeptEqualsRebuilt(db);
    expectStatus(await w.owner.client.delete(`${API}/key-results/${a.kr.id}`), 204);
    kept = await expectKeptEqualsRebuilt(db);
    expect(kept.find((r) => r.objective_id === a.objective.id)?.ids).toEqual([second.id]);

    // A key result moved to another objective, by a plain update: both objectives' rows follow.
    await db.execute(sql`update key_results set objective_id = ${b.objective.id} where id = ${second.id}`);
    kept = await expectKeptEqualsRebuilt(db);
    expect(kept.find((r) => r.objective_id === a.objective.id)).toBeUndefined();
    expect(kept.find((r) => r.objective_id === b.objective.id)?.ids).toHaveLength(2);

    await w.api.deleteObjective(b.objective.id);
    kept = await expectKeptEqualsRebuilt(db);
    expect(kept.find((r) => r.objective_id === b.objective.id)).toBeUndefined();
  });

  it('counts a mask’s periods 1…due as the digests’ SQL does', () => {
    const definition = (mask: bigint, due: number) => {
      let n = 0;
      for (let k = 1; k <= due; k++) if ((mask >> BigInt(k)) & 1n) n++;
      return n;
    };
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let i = 0; i < 2_000; i++) {
      const bits = next() % 63;
      let mask = 0n;
      for (let k = 0; k < bits; k++) mask |= 1n << BigInt(next() % 63);
      const due = next() % 63;
      expect([mask, due, onTimeOfMask(String(mask), due)]).toEqual([mask, due, definition(mask, due)]);
    }
  });
});
