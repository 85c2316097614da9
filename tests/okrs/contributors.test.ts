import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, OkrApi, percent, useOkrWorld } from './support.js';

describeEachEngine('Shared objectives: contributors see them in their week and check in', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('shows the objective to contributing people and to members of contributing teams, who may check in; others may not', async () => {
    const support = await createTeam(t.w.owner.client, { name: 'Support' });
    const sales = await createTeam(t.w.owner.client, { name: 'Sales' });
    const person = await addPerson(t.w.owner.client, { name: 'Ada Contributor', teamId: sales.id });
    const teamMember = await addPerson(t.w.owner.client, { name: 'Ben Support', teamId: support.id });
    const outsider = await addPerson(t.w.owner.client, { name: 'Cy Outside', teamId: sales.id });
    const shared = await t.w.api.createPublished({
      cycleId: t.w.cycle.id,
      title: 'Customers love the new onboarding',
      contributors: [{ userId: person.user.id }, { teamId: support.id }],
    });
    const kr = await t.w.api.createKeyResult(shared.id, percent('Activation to 60 %'));
    expect(shared.contributors).toEqual(
      expect.arrayContaining([
        { userId: person.user.id, teamId: null },
        { userId: null, teamId: support.id },
      ]),
    );

    const week = (who: typeof person) => new OkrApi(who.client).objectives({ cycleId: t.w.cycle.id, involves: who.user.id });
    expect((await week(person)).map((o) => o.id)).toEqual([shared.id]);
    expect((await week(teamMember)).map((o) => o.id)).toEqual([shared.id]);
    expect(await week(outsider)).toEqual([]);

    for (const contributor of [person, teamMember]) {
      const view = await new OkrApi(contributor.client).keyResult(kr.id);
      expect(view.can.checkIn).toBe(true);
      expectStatus(await contributor.client.post(`${API}/key-results/${kr.id}/check-ins`, { value: 20, confidence: 7 }), 201);
    }
    expect((await new OkrApi(outsider.client).keyResult(kr.id)).can.checkIn).toBe(false);
    expectProblem(
      await outsider.client.post(`${API}/key-results/${kr.id}/check-ins`, { value: 30, confidence: 7 }),
      403,
      '/problems/forbidden',
    );
  });

  it('drops the objective from the week of a contributor who is removed', async () => {
    const person = await addPerson(t.w.owner.client, { name: 'Ada Contributor' });
    const shared = await t.w.api.createPublished({ cycleId: t.w.cycle.id, title: 'Shared', contributors: [{ userId: person.user.id }] });
    await t.w.api.patchObjective(shared.id, { contributors: [] });
    expect(await new OkrApi(person.client).objectives({ cycleId: t.w.cycle.id, involves: person.user.id })).toEqual([]);
  });
});
