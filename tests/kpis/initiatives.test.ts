import { expect, it } from 'vitest';
import { checkIns, initiatives } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, expectRollupsConsistent, percent, useOkrWorld } from '../okrs/support.js';

describeEachEngine('Initiatives under a key result', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('plans initiatives that count in no progress, shows the open ones in their owner’s week, and refuses bad input', async () => {
    const { owner, api, cycle } = t.w;
    const objective = await api.createPublished({ cycleId: cycle.id, title: 'Grow' });
    const kr = await api.createKeyResult(objective.id, percent('Signups'));
    const colleague = await addPerson(owner.client);
    const outsider = await addPerson(owner.client);

    const created = await owner.client.post(`${API}/key-results/${kr.id}/initiatives`, {
      title: ' Referral programme ',
      ownerId: colleague.user.id,
      dueDate: '2025-03-01',
      url: 'https://wiki.example.com/referrals',
    });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({
      title: 'Referral programme',
      status: 'planned',
      ownerId: colleague.user.id,
      dueDate: '2025-03-01',
    });
    const second = await owner.client.post(`${API}/key-results/${kr.id}/initiatives`, { title: 'Pricing test', status: 'in_progress' });
    expectStatus(second, 201);
    expect(second.body.ownerId).toBe(owner.user.id);

    // Done initiatives move no progress: the key result is measured by its value.
    expectStatus(await owner.client.patch(`${API}/initiatives/${second.body.id}`, { status: 'done' }), 200);
    expect((await api.keyResult(kr.id)).progress).toBe(0);
    const list = await owner.client.get(`${API}/key-results/${kr.id}/initiatives`);
    expect(list.body).toMatchObject({ drivenByInitiatives: false, countsInProgress: false, can: { plan: true, drive: true } });
    expect(list.body.initiatives.map((i: { title: string; status: string }) => [i.title, i.status])).toEqual([
      ['Referral programme', 'planned'],
      ['Pricing test', 'done'],
    ]);
    expect(list.body.initiatives[0].ownerName).toBe(colleague.user.name);

    // The colleague's week lists their open initiative; a done one leaves the owner's.
    const week = await colleague.client.get(`${API}/me/initiatives`);
    expect(week.body).toEqual([
      expect.objectContaining({
        title: 'Referral programme',
        keyResultTitle: 'Signups',
        objectiveId: objective.id,
        objectiveTitle: 'Grow',
      }),
    ]);
    expect((await owner.client.get(`${API}/me/initiatives`)).body).toEqual([]);
    // Its owner moves it along even from outside the objective's team.
    expectStatus(await colleague.client.patch(`${API}/initiatives/${created.body.id}`, { status: 'in_progress' }), 200);

    // Bad input names the field and changes nothing.
    expectProblem(
      await owner.client.post(`${API}/key-results/${kr.id}/initiatives`, { title: 'X', url: 'javascript:alert(1)' }),
      422,
      '/problems/validation-failed',
      'url',
    );
    expectProblem(
      await owner.client.post(`${API}/key-results/${kr.id}/initiatives`, { title: ' ' }),
      400,
      '/problems/validation-failed',
      'title',
    );
    expectProblem(
      await owner.client.patch(`${API}/initiatives/${created.body.id}`, { status: 'paused' }),
      400,
      '/problems/validation-failed',
      'status',
    );
    expectProblem(await outsider.client.post(`${API}/key-results/${kr.id}/initiatives`, { title: 'Mine' }), 403, '/problems/forbidden');
    expectProblem(await outsider.client.delete(`${API}/initiatives/${created.body.id}`), 403, '/problems/forbidden');
    expectProblem(
      await owner.client.put(`${API}/key-results/${kr.id}/initiative-drive`, { driven: true }),
      422,
      '/problems/validation-failed',
      'driven',
    );
    expect(await engine().db.select().from(initiatives)).toHaveLength(2);

    expectStatus(await owner.client.delete(`${API}/initiatives/${second.body.id}`), 204);
    expect(await engine().db.select().from(initiatives)).toHaveLength(1);
  });

  it('drives a milestone key result by its initiatives: dropped ones leave, done ones tick, roll-ups stay right', async () => {
    const { owner, api, cycle, orgId } = t.w;
    const objective = await api.createPublished({ cycleId: cycle.id, title: 'Ship the onboarding' });
    const kr = await api.createKeyResult(objective.id, {
      title: 'Onboarding milestones',
      kind: 'milestone',
      milestones: [{ title: 'Hand-ticked' }],
    });
    const add = async (title: string) => (await owner.client.post(`${API}/key-results/${kr.id}/initiatives`, { title })).body.id as string;
    const [a, b, c] = [await add('Design'), await add('Build'), await add('Pilot')];
    expect((await api.keyResult(kr.id)).progress).toBe(0);

    const driven = await owner.client.put(`${API}/key-results/${kr.id}/initiative-drive`, { driven: true });
    expectStatus(driven, 200);
    let now = await api.keyResult(kr.id);
    expect(now.milestones!.map((m) => [m.title, m.done])).toEqual([
      ['Design', false],
      ['Build', false],
      ['Pilot', false],
    ]);

    expectStatus(await owner.client.patch(`${API}/initiatives/${a}`, { status: 'done' }), 200);
    expectStatus(await owner.client.patch(`${API}/initiatives/${c}`, { status: 'dropped' }), 200);
    now = await api.keyResult(kr.id);
    expect(now.progress).toBeCloseTo(0.5, 12);
    expect(now.milestones!.map((m) => m.title)).toEqual(['Design', 'Build']);
    expect((await api.objective(objective.id)).progress).toBeCloseTo(0.5, 12);
    expectStatus(await owner.client.patch(`${API}/initiatives/${b}`, { status: 'done' }), 200);
    expect((await api.keyResult(kr.id)).progress).toBe(1);

    const notes = (await engine().db.select().from(checkIns)).map((ci) => ci.note);
    expect(notes).toContain('Driven by its initiatives: 2 of 2 done.');
    await expectRollupsConsistent(engine().db, orgId, cycle.id, '2025-02-15');

    // Handed back to people: initiatives no longer move it.
    expectStatus(await owner.client.put(`${API}/key-results/${kr.id}/initiative-drive`, { driven: false }), 200);
    expectStatus(await owner.client.patch(`${API}/initiatives/${b}`, { status: 'in_progress' }), 200);
    expect((await api.keyResult(kr.id)).progress).toBe(1);
  });
});
