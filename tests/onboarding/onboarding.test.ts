import { expect, it } from 'vitest';
import { OkrApi, percent, useOkrWorld } from '../okrs/support.js';
import type { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, type Person } from '../support/fixtures.js';
import { addChampion } from '../rollout/support.js';

const LEAD_STEPS = ['what-are-okrs', 'examples', 'weekly-expectations', 'lead-check-in', 'review-drafts'];

describeEachEngine('onboarding: the guided path, its progress and the trained leaders figure', (engine) => {
  const t = useOkrWorld(engine, '2025-02-10');

  const path = async (client: Client) => {
    const response = await client.get('/api/v1/onboarding');
    expectStatus(response, 200);
    return response.body;
  };
  const complete = (client: Client, step: string) => client.post(`/api/v1/onboarding/steps/${step}/complete`, {});
  const promote = async (teamId: string, person: Person) =>
    expectStatus(await t.w.owner.client.patch(`/api/v1/teams/${teamId}/members/${person.user.id}`, { role: 'lead' }), 200);
  /** The person checks in on a key result they own (the first check-in step completes itself). */
  const checkIn = async (person: Person, teamId: string) => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: `Objective of ${person.user.name}`, teamId });
    const kr = await t.w.api.createKeyResult(objective.id, { ...percent('Activation'), ownerId: person.user.id });
    await new OkrApi(person.client).checkIn(kr.id, { value: 10, confidence: 7 });
  };

  it('offers a new member the member path, resumes where they stopped, and completes the first check-in by itself', async () => {
    const team = await createTeam(t.w.owner.client, { name: 'Platform' });
    const mia = await addPerson(t.w.owner.client, { name: 'Mia Member', teamId: team.id });
    const start = await path(mia.client);
    expect(start).toMatchObject({ path: 'member', reason: 'join', done: 0, total: 4, next: 'what-are-okrs', finished: false });
    expect(start.steps.map((s: { step: string }) => s.step)).toEqual([
      'what-are-okrs',
      'examples',
      'weekly-expectations',
      'first-check-in',
    ]);
    expect(start.steps[0].paragraphs.join(' ')).toContain('2 to 5 key results');
    const examples = start.steps[1];
    expect(examples.example.findings.map((f: { rule: string }) => f.rule)).toContain('Measure outcomes, not outputs');
    expect(examples.example.strongScore).toBe(100);

    const afterOne = await complete(mia.client, 'what-are-okrs');
    expectStatus(afterOne, 200);
    expect(afterOne.body).toMatchObject({ done: 1, next: 'examples' });
    expect(afterOne.body.steps[0].completedAt).toEqual(expect.any(String));
    expectStatus(await complete(mia.client, 'what-are-okrs'), 200);
    expectStatus(await complete(mia.client, 'weekly-expectations'), 200);
    expect(await path(mia.client), 'resumes at the first step not done').toMatchObject({ done: 2, next: 'examples' });

    expectStatus(await complete(mia.client, 'examples'), 200);
    expect(await path(mia.client)).toMatchObject({ done: 3, next: 'first-check-in', finished: false });
    await checkIn(mia, team.id);
    const finished = await path(mia.client);
    expect(finished).toMatchObject({ done: 4, next: null, finished: true });
    expect(finished.steps[3]).toMatchObject({ step: 'first-check-in', done: true, completedAt: null });
  });

  it('refuses an unknown step, a lead step on the member path and the self-completing step, naming step (422)', async () => {
    const mia = await addPerson(t.w.owner.client, { name: 'Mia Member' });
    expectProblem(await complete(mia.client, 'juggling'), 422, '/problems/validation-failed', 'step');
    expectProblem(await complete(mia.client, 'review-drafts'), 422, '/problems/validation-failed', 'step');
    expectProblem(await complete(mia.client, 'first-check-in'), 422, '/problems/validation-failed', 'step');
    expect((await path(mia.client)).done).toBe(0);
  });

  it('gives the lead path to a member promoted later, keeping what they did, and counts trained leaders on the rollout API', async () => {
    const team = await createTeam(t.w.owner.client, { name: 'Platform' });
    const leo = await addPerson(t.w.owner.client, { name: 'Leo Lead', teamId: team.id });
    const lia = await addPerson(t.w.owner.client, { name: 'Lia Lead', teamId: team.id });
    for (const step of ['what-are-okrs', 'examples']) expectStatus(await complete(leo.client, step), 200);
    const rollout = async () => {
      const response = await t.w.owner.client.get('/api/v1/rollout');
      expectStatus(response, 200);
      return response.body.trainedLeaders;
    };
    expect(await rollout()).toEqual({ trained: 0, of: 0 });

    await promote(team.id, leo);
    await promote(team.id, lia);
    const promoted = await path(leo.client);
    expect(promoted).toMatchObject({ path: 'lead', reason: 'lead', done: 2, total: 6, next: 'weekly-expectations' });
    expect(promoted.steps.map((s: { step: string }) => s.step).slice(4)).toEqual(['lead-check-in', 'review-drafts']);
    expect(await rollout()).toEqual({ trained: 0, of: 2 });

    for (const step of LEAD_STEPS) expectStatus(await complete(leo.client, step), 200);
    expect(await rollout(), 'the first check-in is still missing').toEqual({ trained: 0, of: 2 });
    await checkIn(leo, team.id);
    expect(await path(leo.client)).toMatchObject({ finished: true, done: 6 });
    expect(await rollout()).toEqual({ trained: 1, of: 2 });

    const champion = await addChampion(t.w.owner.client);
    expect((await champion.client.get('/api/v1/rollout')).body.trainedLeaders).toEqual({ trained: 1, of: 2 });
  });

  it('shows each person only their own progress; a member cannot read the rollout figures', async () => {
    const team = await createTeam(t.w.owner.client, { name: 'Platform' });
    const leo = await addPerson(t.w.owner.client, { name: 'Leo Lead', teamId: team.id });
    const mia = await addPerson(t.w.owner.client, { name: 'Mia Member', teamId: team.id });
    await promote(team.id, leo);
    for (const step of LEAD_STEPS) expectStatus(await complete(leo.client, step), 200);
    const mine = await path(mia.client);
    expect(mine).toMatchObject({ path: 'member', done: 0 });
    expect(JSON.stringify(mine)).not.toContain(leo.user.id);
    expectStatus(await mia.client.get(`/api/v1/onboarding?userId=${leo.user.id}`), 200);
    expect((await path(mia.client)).done, 'a userId in the query changes nothing').toBe(0);
    expectProblem(await mia.client.get('/api/v1/rollout'), 403, '/problems/forbidden');
  });
});
