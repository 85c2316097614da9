import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.js';
import { weekStartOf } from '../../src/domain/adoption/index.js';
import { adoptionFigures } from '../../src/server/services/adoption/report.js';
import { forgetAdoptionFigures } from '../../src/server/services/adoption/remembered-figures.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, useOrganization } from '../support/fixtures.js';
import { addDays, OkrApi, percent } from '../okrs/support.js';
import { teamOf } from './support.js';

const today = new Date().toISOString().slice(0, 10);
const from = addDays(today, -28);
const published = { status: 'active', effectiveStartDate: null, publishOverrideReason: 'Published by the test set-up' } as const;

/**
 * Groups' figures are remembered between reports under a digest of what they are counted from. Writes that replace
 * no kept token (memberships, deactivations, minutes, the teams' tree) must still reach the next report: after each,
 * the remembered report equals one counted from scratch and differs from the report before the write.
 */
describeEachEngine('adoption figures remembered between reports', (engine) => {
  const t = useOrganization(engine);

  it('answers an unchanged organisation from memory, and every write reaches the next report', { timeout: 300_000 }, async () => {
    const owner = t.owner.client;
    const okrs = new OkrApi(owner);
    const sales = await createTeam(owner, { name: 'Sales', kind: 'department' });
    const north = await createTeam(owner, { name: 'North' });
    const [lena, sam] = await teamOf(owner, north.id, 2, 'North');
    const cycle = await okrs.createCycle({ name: 'Now', startDate: addDays(today, -35), endDate: addDays(today, 60) });
    const objective = await okrs.createObjective({
      cycleId: cycle.id,
      title: 'Win the north',
      teamId: north.id,
      ownerId: sam!.user.id,
      ...published,
    });
    await okrs.createKeyResult(objective.id, { ...percent('Signed customers'), ownerId: lena!.user.id, effectiveStartDate: null });
    const db = engine().handle.db;
    const [{ org_id: orgId }] = (await queryRows<{ org_id: string }>(db, sql`select org_id from teams where id = ${north.id}`)) as [
      { org_id: string },
    ];
    const now = new Date();
    const figures = () => adoptionFigures({ db, clock: () => now }, orgId, { from, to: today });

    forgetAdoptionFigures();
    const first = await figures();
    const again = await figures();
    expect(again).toEqual(first);
    // The same arrays: the second report's figures came from memory, not from counting again.
    expect(again.organisation.weeks).toBe(first.organisation.weeks);

    const writes: [string, () => Promise<unknown>][] = [
      ['a person joins a team', () => addPerson(owner, { teamId: north.id, name: 'North 3' })],
      ['a person is deactivated', () => db.execute(sql`update users set deactivated_at = now() where id = ${lena!.user.id}`)],
      [
        'minutes of use recorded',
        () =>
          db.execute(sql`insert into adoption_minutes (org_id, team_id, week_start, screen, minutes)
            values (${orgId}, ${north.id}, ${weekStartOf(today)}::date, 'check_in', 12)`),
      ],
      ['a team moved under a department', () => db.execute(sql`update teams set parent_id = ${sales.id} where id = ${north.id}`)],
    ];
    for (const [what, write] of writes) {
      const before = await figures();
      await write();
      const remembered = await figures();
      forgetAdoptionFigures();
      const counted = await figures();
      expect(remembered, what).toEqual(counted);
      expect(remembered, what).not.toEqual(before);
    }
  });
});
