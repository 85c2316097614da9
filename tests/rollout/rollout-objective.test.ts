import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, useOrganization, type Person } from '../support/fixtures.js';
import { addDays, MISSING_ID, OkrApi } from '../okrs/support.js';
import { addChampion, teamOf } from './support.js';

const today = new Date().toISOString().slice(0, 10);
const CLARITY = { kind: 'scale', theme: 'clarity', text: "I understand how my work contributes to the company's objectives." };
const SUPPORT = { kind: 'scale', theme: 'leadership_support', text: 'My leader helped me set and pursue our OKRs.' };

interface Proposal {
  value: number;
  source: string;
  status: string;
  asOf: string;
}

describeEachEngine('the rollout objective', (engine) => {
  const t = useOrganization(engine);

  const answer = async (person: Person, surveyId: string, clarity: number, support: number) => {
    const questions = (await person.client.get(`/api/v1/surveys/${surveyId}`)).body.questions as { id: string }[];
    const response = await person.client.post(`/api/v1/surveys/${surveyId}/responses`, {
      answers: [
        { questionId: questions[0]!.id, value: clarity },
        { questionId: questions[1]!.id, value: support },
      ],
    });
    expectStatus(response, 201);
  };

  it('is created in one click and fed with proposed values naming their source', { timeout: 180_000 }, async () => {
    const owner = t.owner.client;
    const champion = await addChampion(owner);
    const team = await createTeam(owner, { name: 'Web' });
    const people = await teamOf(owner, team.id, 5, 'Web');
    const cycle = await new OkrApi(owner).createCycle({ name: 'Now', startDate: addDays(today, -21), endDate: addDays(today, 60) });
    const survey = await champion.client.post('/api/v1/surveys', {
      title: 'Rollout pulse',
      questions: [CLARITY, SUPPORT],
      scope: 'everyone',
    });
    expectStatus(survey, 201);
    for (const [i, person] of people.entries()) await answer(person, survey.body.id, [5, 4, 4, 3, 5][i]!, 4);

    expectProblem(await people[0]!.client.post('/api/v1/rollout/objective', { cycleId: cycle.id }), 403, '/problems/forbidden');
    expectProblem(
      await champion.client.post('/api/v1/rollout/objective', { cycleId: 'nope' }),
      400,
      '/problems/validation-failed',
      'cycleId',
    );
    expectProblem(await champion.client.post('/api/v1/rollout/objective', { cycleId: MISSING_ID }), 404, '/problems/not-found', 'cycleId');

    const created = await champion.client.post('/api/v1/rollout/objective', { cycleId: cycle.id });
    expectStatus(created, 201);
    expect(created.body.keyResults.map((k: { figure: string }) => k.figure)).toEqual([
      'on_time_check_ins',
      'clarity',
      'leadership_support',
      'retrospective_completion',
    ]);
    // Clarity and leadership support are known today; nobody checks in or closes a cycle yet, so the rates have no data.
    expect(created.body.proposed).toBe(2);
    const objective = await new OkrApi(owner).objective(created.body.objectiveId);
    expect(objective).toMatchObject({ title: 'Make OKRs our way of working', teamId: null, status: 'draft', ownerId: champion.user.id });

    const proposalsOf = async (figure: string) => {
      const kr = created.body.keyResults.find((k: { figure: string }) => k.figure === figure);
      const response = await champion.client.get(`/api/v1/key-results/${kr.id}/proposals`);
      expectStatus(response, 200);
      return response.body as Proposal[];
    };
    expect(await proposalsOf('clarity')).toMatchObject([
      { value: 4.2, status: 'proposed', asOf: today, source: expect.stringContaining('“Rollout pulse”') },
    ]);
    expect((await proposalsOf('clarity'))[0]!.source).toContain('5 responses');
    expect(await proposalsOf('leadership_support')).toMatchObject([{ value: 4, status: 'proposed' }]);
    expect(await proposalsOf('on_time_check_ins')).toEqual([]);

    expectProblem(await champion.client.post('/api/v1/rollout/objective', { cycleId: cycle.id }), 409, '/problems/conflict', 'cycleId');

    // Nothing moved: no second proposal. A sixth answer moves clarity: the job proposes the new value.
    expect((await champion.client.post('/api/v1/rollout/objective/refresh', {})).body).toEqual({ proposed: 0 });
    const late = await addPerson(owner, { name: 'Late Comer', teamId: team.id });
    await answer(late, survey.body.id, 1, 4);
    expectStatus(await owner.post('/api/v1/admin/jobs/rollout-figures/run', {}), 200);
    expect((await proposalsOf('clarity')).map((p) => p.value)).toEqual([3.67, 4.2]);

    const listed = await champion.client.get('/api/v1/rollout/objective');
    expectStatus(listed, 200);
    expect(listed.body.objectives).toHaveLength(1);
    expect(listed.body.objectives[0].keyResults[1]).toMatchObject({ figure: 'clarity', latest: { value: 3.67, status: 'proposed' } });
    expectProblem(await people[0]!.client.get('/api/v1/rollout/objective'), 403, '/problems/forbidden');
  });
});
