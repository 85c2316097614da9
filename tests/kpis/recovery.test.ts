import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { kpiRecoveries, kpiValues } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, OkrApi, useOkrWorld } from '../okrs/support.js';
import { addValue, createKpi, kpi, uptime } from './support.js';

describeEachEngine('KPI recovery', (engine) => {
  const t = useOkrWorld(engine, '2025-02-20');

  it('after N unhealthy periods (organisation setting) tells the owner and drafts a committed recovery objective, accepted in one click', async () => {
    const { owner, cycle } = t.w;
    expectStatus(await owner.client.put(`${API}/kpi-settings`, { recoveryPeriods: 3 }), 200);
    const team = await createTeam(owner.client, { name: 'Platform' });
    const lead = await addPerson(owner.client, { teamId: team.id, name: 'Lee Lead' });
    expectStatus(await owner.client.patch(`${API}/teams/${team.id}/members/${lead.user.id}`, { role: 'lead' }), 200);
    const up = await createKpi(owner.client, uptime({ teamId: team.id, ownerId: lead.user.id }));

    await addValue(lead.client, up.id, { value: 97, asOf: '2025-02-03' });
    await addValue(lead.client, up.id, { value: 98, asOf: '2025-02-10' });
    // Two weeks unhealthy: below the organisation's three, nothing is proposed.
    expect(await kpi(lead.client, up.id)).toMatchObject({ unhealthyPeriods: 2, recovery: null });
    expect(await engine().db.select().from(kpiRecoveries)).toEqual([]);

    await addValue(lead.client, up.id, { value: 98.2, asOf: '2025-02-17' });
    const view = await kpi(lead.client, up.id);
    expect(view.unhealthyPeriods).toBe(3);
    expect(view.recovery).toEqual({ id: expect.any(String), objectiveId: expect.any(String) });

    const okrs = new OkrApi(lead.client);
    const objective = await okrs.objective(view.recovery!.objectiveId);
    expect(objective).toMatchObject({
      cycleId: cycle.id,
      title: 'Bring Uptime back to healthy',
      type: 'committed',
      status: 'draft',
      ownerId: lead.user.id,
      teamId: team.id,
    });
    const [kr] = await okrs.keyResults(objective.id);
    expect(kr).toMatchObject({ kind: 'metric', startValue: 98.2, targetValue: 99.5, unit: '%', ownerId: lead.user.id });
    expect(kr!.title).toContain(cycle.endDate);

    const notices = await lead.client.get(`${API}/notifications`);
    expect(notices.body.items).toEqual([
      expect.objectContaining({ kind: 'escalation', title: 'Uptime has been unhealthy for 3 periods', link: `/kpis/${up.id}` }),
    ]);

    // Another unhealthy week in the same run proposes nothing new.
    await addValue(lead.client, up.id, { value: 98.1, asOf: '2025-02-19' });
    expect(await engine().db.select().from(kpiRecoveries)).toHaveLength(1);

    const accepted = await lead.client.post(`${API}/kpi-recoveries/${view.recovery!.id}/accept`);
    expectStatus(accepted, 200);
    expect(accepted.body).toEqual({ objectiveId: objective.id, status: 'active' });
    expect((await kpi(lead.client, up.id)).recovery).toBeNull();
    expectProblem(await lead.client.post(`${API}/kpi-recoveries/${view.recovery!.id}/accept`), 409, '/problems/conflict');

    // The key result follows the KPI: the next value becomes its check-in.
    await addValue(lead.client, up.id, { value: 99.1, asOf: '2025-02-20' });
    const after = await okrs.keyResult(kr!.id);
    expect(after).toMatchObject({ currentValue: 99.1 });
    const checkIns = await okrs.checkIns(kr!.id);
    expect(checkIns[0]).toMatchObject({ value: 99.1, asOf: '2025-02-20', note: 'Followed the KPI Uptime.' });
  });

  it('only the owner or an admin changes the setting; without an open cycle nothing is drafted', async () => {
    const { owner } = t.w;
    const member = await addPerson(owner.client);
    expectProblem(await member.client.put(`${API}/kpi-settings`, { recoveryPeriods: 1 }), 403, '/problems/forbidden');
    expectProblem(
      await owner.client.put(`${API}/kpi-settings`, { recoveryPeriods: 0 }),
      400,
      '/problems/validation-failed',
      'recoveryPeriods',
    );
    expect((await owner.client.get(`${API}/kpi-settings`)).body).toEqual({ recoveryPeriods: 2 });

    t.clock.setDay('2025-04-20');
    const up = await createKpi(owner.client, uptime());
    await addValue(owner.client, up.id, { value: 90, asOf: '2025-04-07' });
    await addValue(owner.client, up.id, { value: 90, asOf: '2025-04-14' });
    expect(await kpi(owner.client, up.id)).toMatchObject({ unhealthyPeriods: 2, recovery: null });
    expect(await engine().db.select().from(kpiRecoveries).where(eq(kpiRecoveries.kpiId, up.id))).toEqual([]);
  });

  it('values of one KPI sent at the same moment are all kept and propose one recovery for their run', async () => {
    const { owner } = t.w;
    const up = await createKpi(owner.client, uptime({ ownerId: owner.user.id }));
    await addValue(owner.client, up.id, { value: 97, asOf: '2025-02-03' });
    // Seven values for the second unhealthy week at once (a source pushing each day's figure): each request saw no
    // proposal before the lock; one drafts it, the others must see it under the lock instead of failing on the run's
    // unique key (which lost their values).
    const days = ['2025-02-10', '2025-02-11', '2025-02-12', '2025-02-13', '2025-02-14', '2025-02-15', '2025-02-16'];
    await Promise.all(days.map((asOf) => addValue(owner.client, up.id, { value: 97, asOf })));
    expect(await engine().db.select().from(kpiValues).where(eq(kpiValues.kpiId, up.id))).toHaveLength(8);
    const recoveries = await engine().db.select().from(kpiRecoveries).where(eq(kpiRecoveries.kpiId, up.id));
    expect(recoveries.map((r) => r.runStartedOn)).toEqual(['2025-02-03']);

    // An earlier unhealthy week reported late lengthens the same run: still one proposal.
    await addValue(owner.client, up.id, { value: 97, asOf: '2025-01-27' });
    expect(await kpi(owner.client, up.id)).toMatchObject({ unhealthyPeriods: 3 });
    expect(await engine().db.select().from(kpiRecoveries).where(eq(kpiRecoveries.kpiId, up.id))).toHaveLength(1);
  });
});
