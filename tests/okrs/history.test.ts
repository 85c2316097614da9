import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { API, expectNear, MISSING_ID, percent, useOkrWorld } from './support.js';

interface Timeline {
  points: { date: string; progress: number; expected: number }[];
  keyResults: Record<string, number[]>;
}
interface Activity {
  action: string;
  actorName: string | null;
  after: { value?: number } | null;
}

describeEachEngine('OKR objective timeline and activity history', (engine) => {
  const t = useOkrWorld(engine, '2025-01-20');

  it('replays progress week by week from the check-in history, with the expected pace and each key result', async () => {
    const parent = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Parent', progressDriver: 'both' });
    const own = await t.w.api.createKeyResult(parent.id, percent('Own'));
    const child = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Child' });
    await t.w.api.align(child.objective.id, { parentObjectiveId: parent.id });
    await t.w.api.checkIn(own.id, { value: 40, asOf: '2025-01-05' });
    await t.w.api.checkIn(child.kr.id, { value: 80, asOf: '2025-01-12' });
    await t.w.api.checkIn(own.id, { value: 60, asOf: '2025-01-16' });

    const response = await t.w.owner.client.get<Timeline>(`${API}/objectives/${parent.id}/timeline`);
    expectStatus(response, 200);
    const { points, keyResults } = response.body;
    expect(points.map((p) => p.date)).toEqual(['2025-01-01', '2025-01-08', '2025-01-15', '2025-01-20']);
    // Parent (driver both) = mean(own, child): 0; 0.4/2; (0.4 + 0.8)/2; (0.6 + 0.8)/2.
    [0, 0.2, 0.6, 0.7].forEach((expected, i) => expectNear(points[i]!.progress, expected, points[i]!.date));
    expectNear(points[1]!.expected, 7 / 90);
    expect(keyResults[own.id]).toEqual([0, 0.4, 0.4, 0.6]);
    // The last point is the live, maintained value.
    expectNear(points[3]!.progress, await t.w.api.progressOf(parent.id));
  });

  it('lists who changed what, newest first, and 404s for an unknown objective', async () => {
    const { objective, kr } = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'History' });
    const checkIn = await t.w.api.checkIn(kr.id, { value: 30 });
    expectStatus(await t.w.owner.client.patch(`${API}/check-ins/${checkIn.id}`, { value: 35 }), 200);
    const response = await t.w.owner.client.get<Activity[]>(`${API}/objectives/${objective.id}/activity`);
    expectStatus(response, 200);
    const actions = response.body.map((a) => a.action);
    expect(actions.slice(0, 2)).toEqual(['check_in.corrected', 'check_in.created']);
    expect(actions).toContain('key_result.created');
    // The set-up publishes over the coach: the gate records its override just before the objective is written.
    expect(actions.slice(-2)).toEqual(['objective.created', 'objective.publish-overridden']);
    expect(response.body[0]!.after?.value).toBe(35);
    expect(response.body[0]!.actorName).toBe(t.w.owner.user.name);
    expectProblem(await t.w.owner.client.get(`${API}/objectives/${MISSING_ID}/activity`), 404, '/problems/not-found');
    expectProblem(await t.w.owner.client.get(`${API}/objectives/${MISSING_ID}/timeline`), 404, '/problems/not-found');
  });

  it("lists a person's and a team's latest check-ins, newest first, scoped to the organisation", async () => {
    const team = await t.w.owner.client.post<{ id: string }>(`${API}/teams`, { name: 'Support' });
    expectStatus(team, 201);
    const inTeam = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Team objective', teamId: team.body.id });
    const company = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Company objective' });
    await t.w.api.checkIn(inTeam.kr.id, { value: 10, asOf: '2025-01-10', note: 'first' });
    await t.w.api.checkIn(company.kr.id, { value: 20, asOf: '2025-01-12' });
    await t.w.api.checkIn(inTeam.kr.id, { value: 30, asOf: '2025-01-15', blockers: 'waiting on data' });

    const mine = await t.w.owner.client.get<{ value: number; objectiveTitle: string }[]>(`${API}/users/${t.w.owner.user.id}/check-ins`);
    expectStatus(mine, 200);
    expect(mine.body.map((c) => c.value)).toEqual([30, 20, 10]);
    const teams = await t.w.owner.client.get<{ value: number; objectiveTitle: string; blockers: string | null }[]>(
      `${API}/teams/${team.body.id}/check-ins`,
    );
    expect(teams.body.map((c) => [c.value, c.objectiveTitle])).toEqual([
      [30, 'Team objective'],
      [10, 'Team objective'],
    ]);
    expect(teams.body[0]!.blockers).toBe('waiting on data');
    expectProblem(await t.w.owner.client.get(`${API}/teams/${MISSING_ID}/check-ins`), 404, '/problems/not-found');
    expectProblem(await t.w.owner.client.get(`${API}/users/nobody/check-ins`), 404, '/problems/not-found');
  });
});
