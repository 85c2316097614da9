import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectStatus, useOrganization, type Person } from '../support/fixtures.js';
import { addDays } from '../okrs/support.js';
import { addChampion, teamOf } from './support.js';

interface Score {
  average: number | null;
  responses: number;
  merged: boolean;
}
interface Group {
  id: string;
  name: string;
  surveyScores: { clarity: Score | null; leadershipSupport: Score | null };
}
interface Report {
  organisation: Group;
  departments: Group[];
  teams: Group[];
  leaders: Group[];
  surveySources: { clarity: { title: string } | null; leadershipSupport: { title: string } | null };
}

const today = new Date().toISOString().slice(0, 10);
const CLARITY = { kind: 'scale', theme: 'clarity', text: "I understand how my work contributes to the company's objectives." };
const SUPPORT = { kind: 'scale', theme: 'leadership_support', text: 'My leader helped me set and pursue our OKRs.' };

describeEachEngine('survey scores beside the adoption figures', (engine) => {
  const t = useOrganization(engine);

  const answerAll = async (people: Person[], surveyId: string, clarity: number[], support: number) => {
    const questions = (await people[0]!.client.get(`/api/v1/surveys/${surveyId}`)).body.questions as { id: string }[];
    for (const [i, person] of people.entries())
      expectStatus(
        await person.client.post(`/api/v1/surveys/${surveyId}/responses`, {
          answers: [
            { questionId: questions[0]!.id, value: clarity[i] },
            { questionId: questions[1]!.id, value: support },
          ],
        }),
        201,
      );
  };

  it(
    'shows clarity and leadership support per team and leader, merging small teams and hiding what stays small',
    { timeout: 180_000 },
    async () => {
      const owner = t.owner.client;
      const champion = await addChampion(owner);
      const sales = await createTeam(owner, { name: 'Sales', kind: 'department' });
      const north = await createTeam(owner, { name: 'North', parentId: sales.id });
      const ops = await createTeam(owner, { name: 'Ops' });
      const salesPeople = await teamOf(owner, sales.id, 5, 'Sales');
      const northPeople = await teamOf(owner, north.id, 2, 'North');
      const opsPeople = await teamOf(owner, ops.id, 2, 'Ops');
      expectStatus(await owner.patch(`/api/v1/teams/${sales.id}/members/${salesPeople[0]!.user.id}`, { role: 'lead' }), 200);
      expectStatus(await owner.patch(`/api/v1/teams/${ops.id}/members/${opsPeople[0]!.user.id}`, { role: 'lead' }), 200);

      const before = (await champion.client.get(`/api/v1/adoption?from=${addDays(today, -7)}&to=${today}`)).body as Report;
      expect(before.surveySources).toEqual({ clarity: null, leadershipSupport: null });
      expect(before.organisation.surveyScores).toEqual({ clarity: null, leadershipSupport: null });

      const created = await champion.client.post('/api/v1/surveys', {
        title: 'Rollout pulse',
        questions: [CLARITY, SUPPORT],
        scope: 'everyone',
      });
      expectStatus(created, 201);
      await answerAll(salesPeople, created.body.id, [5, 4, 4, 3, 5], 4);
      await answerAll(northPeople, created.body.id, [2, 2], 2);
      await answerAll(opsPeople, created.body.id, [1, 1], 1);

      const response = await champion.client.get(`/api/v1/adoption?from=${addDays(today, -7)}&to=${today}`);
      expectStatus(response, 200);
      const r = response.body as Report;
      expect(r.surveySources.clarity).toMatchObject({ title: 'Rollout pulse' });
      const byName = (groups: Group[], name: string) => groups.find((g) => g.name === name)!.surveyScores;
      // Sales' 5 answers and North's 2 (merged into Sales): (21 + 4) / 7; leadership (20 + 4) / 7.
      expect(byName(r.departments, 'Sales')).toEqual({
        clarity: { average: 3.57, responses: 7, groupIds: [sales.id], merged: false },
        leadershipSupport: { average: 3.43, responses: 7, groupIds: [sales.id], merged: false },
      });
      expect(byName(r.teams, 'North').clarity).toMatchObject({ average: 3.57, merged: true });
      // Ops' two answers fall to the organisation's own group, itself under five: never shown, not even by subtraction.
      expect(byName(r.teams, 'Ops')).toEqual({ clarity: null, leadershipSupport: null });
      expect(r.organisation.surveyScores.clarity).toMatchObject({ average: 3.57, responses: 7 });
      expect(byName(r.leaders, 'Sales 1').clarity).toMatchObject({ average: 3.57, merged: false });
      expect(byName(r.leaders, 'Ops 1').clarity).toBeNull();
    },
  );
});
