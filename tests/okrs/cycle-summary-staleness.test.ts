import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows, type DatabaseHandle, type Executor } from '../../src/db/database.js';
import { isStale } from '../../src/domain/stale.js';
import type { CheckInCadence } from '../../src/domain/vocabulary.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld } from './support.js';

/**
 * The cycle summary counts key results and stale ones from objective_check_in_dates (migration 0058), a row per
 * objective kept by triggers. Its answer must be isStale applied to every key result, on every day of the cycle, and
 * the kept rows must equal a rebuild after every kind of write.
 */
const REBUILT = sql`select o.id::text as objective, o.cycle_id::text as cycle, count(*)::int as key_results,
    coalesce(array_agg(kr.last_check_in_date::text order by kr.last_check_in_date)
      filter (where kr.kind <> 'rollup' and kr.last_check_in_date is not null), '{}') as checked,
    coalesce(array_agg(greatest((kr.created_at at time zone 'UTC')::date, kr.effective_start_date)::text
      order by greatest((kr.created_at at time zone 'UTC')::date, kr.effective_start_date))
      filter (where kr.kind <> 'rollup' and kr.last_check_in_date is null), '{}') as unchecked
  from key_results kr join objectives o on o.id = kr.objective_id group by o.id, o.cycle_id order by 1`;
const KEPT = sql`select objective_id::text as objective, cycle_id::text as cycle, key_results,
    last_check_in_dates::text[] as checked, unchecked_since_dates::text[] as unchecked
  from objective_check_in_dates order by 1`;

async function expectKeptEqualsRebuilt(db: Executor) {
  const kept = await queryRows<Record<string, unknown>>(db, KEPT);
  expect(kept).toEqual(await queryRows<Record<string, unknown>>(db, REBUILT));
  return kept;
}

interface KeyResultFacts {
  kind: string;
  last: string | null;
  created: string;
  start: string | null;
  objective_start: string | null;
  cadence: CheckInCadence | null;
}

/** The stale key results of the cycle on `day` by the domain's rule, key result by key result. */
async function staleByDefinition(db: Executor, cycleId: string, cycleStart: string, day: string) {
  const rows = await queryRows<KeyResultFacts>(
    db,
    sql`select kr.kind, kr.last_check_in_date::text as last, ((kr.created_at at time zone 'UTC')::date)::text as created,
        kr.effective_start_date::text as start, o.effective_start_date::text as objective_start, t.check_in_cadence as cadence
      from key_results kr join objectives o on o.id = kr.objective_id left join teams t on t.id = o.team_id
      where o.cycle_id = ${cycleId} and o.status <> 'archived'`,
  );
  const latest = (...dates: (string | null)[]) =>
    dates
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1)!;
  return rows.filter(
    (r) =>
      r.kind !== 'rollup' &&
      isStale({
        lastCheckInDate: r.last,
        since: latest(cycleStart, r.created, r.start, r.objective_start),
        asOf: day,
        cadence: r.cadence ?? undefined,
      }),
  ).length;
}

describeEachEngine('Cycle summary: key results and stale ones from the rows kept per objective', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');
  const dbOf = () => (engine() as { handle: DatabaseHandle }).handle.db;

  it('counts what isStale counts on every other day of the cycle', async () => {
    const { api, owner, cycle } = t.w;
    const db = dbOf();
    const team = await createTeam(owner.client, { name: 'Fortnightly' });
    expectStatus(await owner.client.patch(`${API}/teams/${team.id}`, { checkInCadence: 'biweekly' }), 200);
    const late = await api.objectiveAt(
      { cycleId: cycle.id, title: 'Started late', teamId: team.id, effectiveStartDate: '2025-01-20' },
      10,
      '2025-01-25',
    );
    const again = await api.createKeyResult(late.objective.id, percent('Checked again'));
    await api.checkIn(again.id, { value: 40, asOf: '2025-02-10' });
    const never = await api.createKeyResult(late.objective.id, percent('Never checked'));
    const ownStart = await api.createKeyResult(late.objective.id, { ...percent('Own start'), effectiveStartDate: '2025-02-05' });
    await api.createKeyResult(late.objective.id, { title: 'Roll-up', kind: 'rollup' });
    const weekly = await api.objectiveAt({ cycleId: cycle.id, title: 'No team, weekly' }, 20, '2025-01-10');
    const quiet = await api.createKeyResult(weekly.objective.id, percent('Quiet'));
    await api.objectiveAt({ cycleId: cycle.id, title: 'Archived', status: 'archived' }, 5, '2025-01-02');
    // Created long ago: their clocks start at the cycle's, the objective's or their own start, whichever is latest.
    await db.execute(sql`update key_results set created_at = '2025-01-05T23:30:00Z' where id in (${never.id}, ${ownStart.id})`);
    await db.execute(sql`update key_results set created_at = '2024-12-20T08:00:00Z' where id = ${quiet.id}`);
    await expectKeptEqualsRebuilt(db);

    const counts: number[] = [];
    for (let day = Date.parse('2025-01-01'); day <= Date.parse('2025-03-31'); day += 2 * 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      t.clock.setDay(iso);
      const { summary } = await api.cycle(cycle.id);
      const expected = await staleByDefinition(db, cycle.id, cycle.startDate, iso);
      expect([iso, summary.staleKeyResults]).toEqual([iso, expected]);
      expect(summary.keyResults).toBe(7);
      counts.push(expected);
    }
    // The days cover none, some and all of the six that can be stale.
    expect(Math.min(...counts)).toBe(0);
    expect(Math.max(...counts)).toBe(6);
    expect(new Set(counts).size).toBeGreaterThan(3);
  });

  it('keeps each objective’s row on every write: key results added, checked in, moved, deleted; objectives moved and deleted', async () => {
    const { api, owner, cycle } = t.w;
    const db = dbOf();
    const a = await api.objectiveAt({ cycleId: cycle.id, title: 'First' }, 10, '2025-01-03');
    const b = await api.objectiveAt({ cycleId: cycle.id, title: 'Second' });
    let kept = await expectKeptEqualsRebuilt(db);
    expect(kept.find((r) => r.objective === b.objective.id)).toMatchObject({
      key_results: 1,
      checked: [],
      unchecked: [expect.any(String)],
    });

    const second = await api.createKeyResult(a.objective.id, percent('Second measure'));
    const checkIn = await api.checkIn(second.id, { value: 30, asOf: '2025-01-20' });
    kept = await expectKeptEqualsRebuilt(db);
    expect(kept.find((r) => r.objective === a.objective.id)).toMatchObject({ key_results: 2, checked: ['2025-01-03', '2025-01-20'] });

    await api.patchKeyResult(second.id, { effectiveStartDate: '2025-01-10' });
    expectStatus(await owner.client.delete(`${API}/check-ins/${checkIn.id}`), 204);
    kept = await expectKeptEqualsRebuilt(db);
    expect(kept.find((r) => r.objective === a.objective.id)).toMatchObject({ checked: ['2025-01-03'] });

    // A key result moved by a plain update: both objectives' rows follow; the first's only key result left.
    await db.execute(sql`update key_results set objective_id = ${b.objective.id} where id = ${a.kr.id}`);
    kept = await expectKeptEqualsRebuilt(db);
    expect(kept.find((r) => r.objective === b.objective.id)?.key_results).toBe(2);

    // An objective moved to another cycle takes its row along: the summary reads rows by cycle.
    const q2 = await api.createCycle({ name: 'Q2 2025', startDate: '2025-04-01', endDate: '2025-06-30' });
    await db.execute(sql`update objectives set cycle_id = ${q2.id} where id = ${b.objective.id}`);
    kept = await expectKeptEqualsRebuilt(db);
    expect(kept.find((r) => r.objective === b.objective.id)?.cycle).toBe(q2.id);
    expect((await api.cycle(q2.id)).summary.keyResults).toBe(2);
    expect((await api.cycle(cycle.id)).summary.keyResults).toBe(1);

    expectStatus(await owner.client.delete(`${API}/key-results/${second.id}`), 204);
    await api.deleteObjective(b.objective.id);
    kept = await expectKeptEqualsRebuilt(db);
    expect(kept).toEqual([]);
  });
});
