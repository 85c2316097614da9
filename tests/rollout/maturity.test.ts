import { expect, it } from 'vitest';
import { OkrApi, percent } from '../okrs/support.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectProblem, expectStatus, useOrganization } from '../support/fixtures.js';
import { addChampion } from './support.js';

describeEachEngine('maturity levels set the guiding principles', (engine) => {
  const t = useOrganization(engine);

  const principles = async () => (await t.owner.client.get('/api/v1/quality/rules')).body.principles;

  it('starts at learning, shows what the next level needs, and does not qualify without figures', async () => {
    const champion = await addChampion(t.owner.client);
    const maturity = await champion.client.get('/api/v1/rollout/maturity');
    expectStatus(maturity, 200);
    expect(maturity.body).toMatchObject({
      level: 'learning',
      next: 'practising',
      qualifies: false,
      preset: { maxAspirationalShare: 0, maxKeyResults: 3, gate: 'strict' },
    });
    expect(maturity.body.criteria.map((c: { figure: string; needed: number; met: boolean }) => [c.figure, c.needed, c.met])).toEqual([
      ['involvement', 0.6, false],
      ['onTimeCheckIns', 0.6, false],
    ]);
  });

  it('lets an admin move the level, which sets the principles; a champion may not move it', async () => {
    const champion = await addChampion(t.owner.client);
    expectProblem(await champion.client.put('/api/v1/rollout/maturity', { level: 'scaling' }), 403, '/problems/forbidden');
    expectProblem(await t.owner.client.put('/api/v1/rollout/maturity', { level: 'expert' }), 400, '/problems/validation-failed', 'level');

    const moved = await t.owner.client.put('/api/v1/rollout/maturity', { level: 'practising' });
    expectStatus(moved, 200);
    expect(moved.body).toMatchObject({ level: 'practising', next: 'scaling' });
    expect(await principles()).toMatchObject({
      maxKeyResults: 4,
      stretchPolicy: { maxAspirationalShare: 0.3 },
      rules: { 'stretch-policy': 'warn' },
    });

    await t.owner.client.put('/api/v1/rollout/maturity', { level: 'scaling' });
    expect(await principles()).toMatchObject({
      maxKeyResults: 5,
      stretchPolicy: { maxAspirationalShare: 0.5 },
      rules: { 'stretch-policy': 'tip' },
    });
    const last = await champion.client.get('/api/v1/rollout/maturity');
    expect(last.body).toMatchObject({ level: 'scaling', next: null, qualifies: false, criteria: [] });
  });

  it('holds aspirational objectives at the publish gate while learning, and lets them through once scaling', async () => {
    const team = await createTeam(t.owner.client, { name: 'Labs' });
    expectStatus(await t.owner.client.put('/api/v1/rollout/maturity', { level: 'learning' }), 200);
    const api = new OkrApi(t.owner.client);
    const cycle = await api.createCycle({ name: 'Q3 2027', startDate: '2027-07-01', endDate: '2027-09-30' });
    const moonshot = await api.createObjective({
      cycleId: cycle.id,
      title: 'Make the robot arm self-calibrating',
      teamId: team.id,
      type: 'aspirational',
    });
    await api.createKeyResult(moonshot.id, { ...percent('Calibration runs without a human'), unit: '%' });
    await api.createKeyResult(moonshot.id, { ...percent('Arms shipped self-calibrating'), unit: '%' });
    const held = await t.owner.client.patch(`/api/v1/objectives/${moonshot.id}`, { status: 'active' });
    expectProblem(held, 422, '/problems/quality-blocked', 'type');

    expectStatus(await t.owner.client.put('/api/v1/rollout/maturity', { level: 'scaling' }), 200);
    expect((await api.publish(moonshot.id)).status).toBe('active');
  });
});
