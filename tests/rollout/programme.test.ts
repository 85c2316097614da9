import { expect, it } from 'vitest';
import { OkrApi, percent } from '../okrs/support.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, useOrganization } from '../support/fixtures.js';
import { addChampion, outsider } from './support.js';

describeEachEngine('rollout programme: phases, rollout team, company OKRs first', (engine) => {
  const t = useOrganization(engine);

  it('lists five unplanned phases, then keeps owner, due date and done for one', async () => {
    const champion = await addChampion(t.owner.client);
    const start = await champion.client.get('/api/v1/rollout');
    expectStatus(start, 200);
    expect(start.body.phases.map((p: { phase: string }) => p.phase)).toEqual([
      'assessment',
      'communication',
      'engagement',
      'support',
      'monitoring',
    ]);
    expect(start.body.phases[0]).toEqual({ phase: 'assessment', ownerId: null, ownerName: null, dueOn: null, done: false });

    const planned = await champion.client.put('/api/v1/rollout/phases/communication', { ownerId: champion.user.id, dueOn: '2027-01-15' });
    expectStatus(planned, 200);
    expect(planned.body).toEqual({
      phase: 'communication',
      ownerId: champion.user.id,
      ownerName: 'Chris Champion',
      dueOn: '2027-01-15',
      done: false,
    });
    const ticked = await champion.client.put('/api/v1/rollout/phases/communication', { done: true });
    expect(ticked.body, 'a partial change keeps the rest').toMatchObject({ ownerId: champion.user.id, dueOn: '2027-01-15', done: true });
    const after = await t.owner.client.get('/api/v1/rollout');
    expect(after.body.phases[1]).toMatchObject({ phase: 'communication', done: true });
  });

  it('refuses a phase owner of another organisation, an unknown phase and a bad date, naming the field', async () => {
    const other = await outsider(engine().db);
    expectProblem(
      await t.owner.client.put('/api/v1/rollout/phases/support', { ownerId: other.userId }),
      404,
      '/problems/not-found',
      'ownerId',
    );
    expectProblem(
      await t.owner.client.put('/api/v1/rollout/phases/celebration', { done: true }),
      400,
      '/problems/validation-failed',
      'phase',
    );
    expectProblem(
      await t.owner.client.put('/api/v1/rollout/phases/support', { dueOn: '15/01/2027' }),
      400,
      '/problems/validation-failed',
      'dueOn',
    );
    const phases = (await t.owner.client.get('/api/v1/rollout')).body.phases;
    expect(phases.every((p: { ownerId: string | null; dueOn: string | null }) => p.ownerId === null && p.dueOn === null)).toBe(true);
  });

  it('names the blind spots of a rollout team missing a focus', async () => {
    const champion = await addChampion(t.owner.client);
    const coach = await addPerson(t.owner.client, { name: 'Cora Coach' });
    const empty = await champion.client.get('/api/v1/rollout');
    expect(empty.body.team.blindSpots.map((s: { focus: string }) => s.focus)).toEqual(['strategy', 'process', 'people']);

    const saved = await champion.client.put('/api/v1/rollout/team', {
      members: [
        { userId: champion.user.id, focus: 'process' },
        { userId: coach.user.id, focus: 'people' },
      ],
    });
    expectStatus(saved, 200);
    expect(saved.body.members.map((m: { name: string; focus: string }) => `${m.name}: ${m.focus}`)).toEqual([
      'Chris Champion: process',
      'Cora Coach: people',
    ]);
    expect(saved.body.blindSpots).toHaveLength(1);
    expect(saved.body.blindSpots[0].focus).toBe('strategy');
    expect(saved.body.blindSpots[0].risks[0]).toMatch(/company strategy/);
  });

  it('refuses a rollout team member of another organisation and an unknown focus; nothing is half-written', async () => {
    const other = await outsider(engine().db);
    const coach = await addPerson(t.owner.client, { name: 'Cora Coach' });
    expectProblem(
      await t.owner.client.put('/api/v1/rollout/team', {
        members: [
          { userId: coach.user.id, focus: 'people' },
          { userId: other.userId, focus: 'strategy' },
        ],
      }),
      404,
      '/problems/not-found',
      'members',
    );
    const bad = await t.owner.client.put('/api/v1/rollout/team', { members: [{ userId: coach.user.id, focus: 'vibes' }] });
    expectProblem(bad, 400, '/problems/validation-failed');
    expect(bad.body.errors[0].field).toBe('members[0].focus');
    expect((await t.owner.client.get('/api/v1/rollout')).body.team.members).toEqual([]);
  });

  it('refuses members the rollout page and its changes', async () => {
    const member = await addPerson(t.owner.client, { name: 'Mo Member' });
    expectProblem(await member.client.get('/api/v1/rollout'), 403, '/problems/forbidden');
    expectProblem(await member.client.put('/api/v1/rollout/phases/support', { done: true }), 403, '/problems/forbidden');
    expectProblem(await member.client.put('/api/v1/rollout/team', { members: [] }), 403, '/problems/forbidden');
    expectProblem(await member.client.patch('/api/v1/rollout/settings', { companyOkrsFirst: true }), 403, '/problems/forbidden');
  });

  it('keeps team objectives in draft until the company has published its own, when "company OKRs first" is on', async () => {
    const champion = await addChampion(t.owner.client);
    const sales = await createTeam(t.owner.client, { name: 'Sales' });
    const on = await champion.client.patch('/api/v1/rollout/settings', { companyOkrsFirst: true });
    expectStatus(on, 200);
    expect(on.body).toEqual({ companyOkrsFirst: true, approvalRequired: false });
    const api = new OkrApi(t.owner.client);
    const cycle = await api.createCycle({ name: 'Q1 2027', startDate: '2027-01-01', endDate: '2027-03-31' });
    const team = await api.createObjective({ cycleId: cycle.id, title: 'Win the northern region', teamId: sales.id });
    await api.createKeyResult(team.id, percent('Northern revenue share'));

    const refused = await t.owner.client.patch(`/api/v1/objectives/${team.id}`, { status: 'active' });
    expectProblem(refused, 409, '/problems/conflict', 'status');
    expect(refused.body.detail).toMatch(/Company OKRs first.*Q1 2027/);
    expect((await api.objective(team.id)).status, 'still a draft').toBe('draft');
    expectProblem(
      await t.owner.client.post('/api/v1/objectives', { cycleId: cycle.id, title: 'Open Oslo', teamId: sales.id, status: 'active' }),
      409,
      '/problems/conflict',
      'status',
    );

    const company = await api.createObjective({ cycleId: cycle.id, title: 'Become the region’s first choice' });
    await api.createKeyResult(company.id, percent('Market share'));
    await api.publish(company.id);
    expect((await api.publish(team.id)).status).toBe('active');
  });

  it('lets team objectives publish freely while the setting is off', async () => {
    const sales = await createTeam(t.owner.client, { name: 'Sales' });
    const api = new OkrApi(t.owner.client);
    const cycle = await api.createCycle({ name: 'Q1 2027', startDate: '2027-01-01', endDate: '2027-03-31' });
    const team = await api.createObjective({ cycleId: cycle.id, title: 'Win the northern region', teamId: sales.id });
    await api.createKeyResult(team.id, percent('Northern revenue share'));
    expect((await api.publish(team.id)).status).toBe('active');
  });
});
