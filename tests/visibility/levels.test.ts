import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';
import { setUpVisibilityWorld } from './support.js';

/** Which of these people read the objective by id (200) and which are told it does not exist (404). */
async function readers(id: string, people: Record<string, { client: { get(url: string): Promise<{ status: number }> } }>) {
  const result: Record<string, number> = {};
  for (const [name, person] of Object.entries(people)) result[name] = (await person.client.get(`${API}/objectives/${id}`)).status;
  return result;
}

describeEachEngine('objective visibility levels', (engine) => {
  const t = useOkrWorld(engine, '2025-02-10');

  it('private: owner, named viewers and admins; an outsider gets 404 (not 403), also on writes', { timeout: 120_000 }, async () => {
    const w = await setUpVisibilityWorld(t.w);
    const named = await addPerson(w.owner.client, { name: 'Nina Named' });
    const created = await w.grace.client.post(`${API}/objectives`, {
      cycleId: w.cycle.id,
      title: 'Private plan',
      teamId: w.research.id,
      visibility: 'private',
      viewerIds: [named.user.id],
    });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ visibility: 'private', viewerIds: [named.user.id] });
    const id = created.body.id as string;
    // A draft stays with its team even for a named viewer; published, the named viewer reads it.
    await w.api.publish(id);
    expect(await readers(id, { grace: w.grace, owner: w.owner, named, oscar: w.oscar })).toEqual({
      grace: 200,
      owner: 200,
      named: 200,
      oscar: 404,
    });
    expectProblem(await w.oscar.client.get(`${API}/objectives/${id}`), 404, '/problems/not-found');
    expectProblem(await w.oscar.client.patch(`${API}/objectives/${id}`, { title: 'Mine now' }), 404, '/problems/not-found');
    expect((await w.api.objectives({ cycleId: w.cycle.id })).map((o) => o.title)).toContain('Private plan');
    const oscarList = await w.oscar.client.get(`${API}/objectives?cycleId=${w.cycle.id}`);
    expect((oscarList.body as { title: string }[]).map((o) => o.title)).toEqual(['Grow revenue']);
  });

  it('team: its members and the leads of its parent department; not other teams', { timeout: 120_000 }, async () => {
    const w = await setUpVisibilityWorld(t.w);
    const department = await w.owner.client.post(`${API}/teams`, { name: 'Science', kind: 'department' });
    expectStatus(department, 201);
    expectStatus(await w.owner.client.patch(`${API}/teams/${w.research.id}`, { parentId: department.body.id }), 200);
    const head = await addPerson(w.owner.client, { name: 'Hedy Head', teamId: department.body.id });
    expectStatus(await w.owner.client.patch(`${API}/teams/${department.body.id}/members/${head.user.id}`, { role: 'lead' }), 200);
    const { objective } = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Team plan', teamId: w.research.id, visibility: 'team' });
    expect(await readers(objective.id, { grace: w.grace, head, oscar: w.oscar })).toEqual({ grace: 200, head: 200, oscar: 404 });
    // A contributing team joins its readers.
    await w.api.patchObjective(objective.id, { contributors: [{ teamId: w.sales.id }] });
    expect(await readers(objective.id, { oscar: w.oscar })).toEqual({ oscar: 200 });
  });

  it('draft: its owner, its team and admins; published, everyone', { timeout: 120_000 }, async () => {
    const w = await setUpVisibilityWorld(t.w);
    const draft = await w.api.createObjective({
      cycleId: w.cycle.id,
      title: 'Draft plan',
      teamId: w.research.id,
      ownerId: w.grace.user.id,
    });
    expect(draft.status).toBe('draft');
    expect(await readers(draft.id, { grace: w.grace, owner: w.owner, oscar: w.oscar })).toEqual({ grace: 200, owner: 200, oscar: 404 });
    await w.api.publish(draft.id);
    expect(await readers(draft.id, { oscar: w.oscar })).toEqual({ oscar: 200 });
  });

  it('names the field of a viewer from elsewhere, writing nothing', { timeout: 120_000 }, async () => {
    const w = await setUpVisibilityWorld(t.w);
    const response = await w.owner.client.post(`${API}/objectives`, {
      cycleId: w.cycle.id,
      title: 'Nope',
      visibility: 'private',
      viewerIds: ['no-such-person'],
    });
    expectProblem(response, 404, '/problems/not-found', 'viewerIds[0]');
    expect((await w.api.objectives({ cycleId: w.cycle.id })).map((o) => o.title)).toEqual(['Grow revenue']);
  });
});
