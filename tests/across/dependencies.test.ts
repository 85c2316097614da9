import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, MISSING_ID, useOkrWorld, type OkrWorld } from '../okrs/support.js';
import type { z } from 'zod';
import type { dependencyView, teamRegisterSchema } from '../../src/server/http/across/dependency-schema.js';

type DependencyView = z.output<typeof dependencyView>;

/** Sales (its objective needs something) and Platform (providing), whose lead is Lena. */
async function twoTeams(w: OkrWorld) {
  const sales = await createTeam(w.owner.client, { name: 'Sales' });
  const platform = await createTeam(w.owner.client, { name: 'Platform' });
  const lena = await addPerson(w.owner.client, { name: 'Lena Lead', teamId: platform.id });
  const member = await addPerson(w.owner.client, { name: 'Max Member', teamId: platform.id });
  expectStatus(await w.owner.client.patch(`${API}/teams/${platform.id}/members/${lena.user.id}`, { role: 'lead' }), 200);
  const needs = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Win the mid-market', teamId: sales.id });
  const provides = await w.api.objectiveAt(
    { cycleId: w.cycle.id, title: 'Single sign-on for every customer', teamId: platform.id },
    50,
    '2025-02-01',
  );
  return { sales, platform, lena, member, needs, provides };
}

describeEachEngine('Dependencies between teams', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('request → the lead is notified → accept → the dependent objective is at risk when the provider goes off track', async () => {
    const { platform, sales, lena, needs, provides } = await twoTeams(t.w);
    const created = await t.w.owner.client.post<DependencyView>(`${API}/objectives/${needs.objective.id}/dependencies`, {
      teamId: platform.id,
      objectiveId: provides.objective.id,
      description: 'SSO before the enterprise pilots',
      neededBy: '2025-03-01',
    });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ status: 'requested', atRisk: false, providingTeamName: 'Platform', requestingTeamId: sales.id });
    const centre = await lena.client.get<{ items: { title: string; link: string }[] }>(`${API}/notifications`);
    expect(centre.body.items).toEqual([expect.objectContaining({ title: 'Platform is asked for help with “Win the mid-market”' })]);

    const accepted = await lena.client.patch<DependencyView>(`${API}/dependencies/${created.body.id}`, {
      status: 'accepted',
      note: 'On it',
    });
    expectStatus(accepted, 200);
    // 50 % on 1 Feb against an expected 49 % on the 15th: on track, so no risk yet.
    expect(accepted.body).toMatchObject({ status: 'accepted', answerNote: 'On it', providerStatus: 'on_track', atRisk: false });

    t.clock.setDay('2025-03-20');
    const later = await t.w.owner.client.get<DependencyView[]>(`${API}/objectives/${needs.objective.id}/dependencies`);
    expect(later.body).toEqual([expect.objectContaining({ providerStatus: 'off_track', atRisk: true })]);
    // As of the day it was accepted, it was not at risk; before it was asked, it did not exist.
    const then = await t.w.owner.client.get<DependencyView[]>(`${API}/objectives/${needs.objective.id}/dependencies?asOf=2025-02-15`);
    expect(then.body).toEqual([expect.objectContaining({ status: 'accepted', atRisk: false })]);
    expect((await t.w.owner.client.get(`${API}/objectives/${needs.objective.id}/dependencies?asOf=2025-02-10`)).body).toEqual([]);

    const register = await t.w.owner.client.get<z.output<typeof teamRegisterSchema>>(`${API}/teams/${platform.id}/dependencies`);
    expect(register.body.theyNeed.map((d) => d.id)).toEqual([created.body.id]);
    expect(register.body.weNeed).toEqual([]);
  });

  it('refuses bad requests and answers, naming the field, and changes nothing', async () => {
    const { platform, sales, member, needs, provides } = await twoTeams(t.w);
    const url = `${API}/objectives/${needs.objective.id}/dependencies`;
    const body = { teamId: platform.id, description: 'Help', neededBy: '2025-03-01' };
    expectProblem(await t.w.owner.client.post(url, { ...body, teamId: sales.id }), 422, '/problems/validation-failed', 'teamId');
    expectProblem(await t.w.owner.client.post(url, { ...body, teamId: MISSING_ID }), 404, '/problems/not-found', 'teamId');
    expectProblem(await t.w.owner.client.post(url, { ...body, neededBy: '2025-04-15' }), 422, '/problems/validation-failed', 'neededBy');
    expectProblem(await t.w.owner.client.post(url, { ...body, objectiveId: MISSING_ID }), 404, '/problems/not-found', 'objectiveId');
    expectProblem(
      await t.w.owner.client.post(url, { ...body, objectiveId: needs.objective.id }),
      422,
      '/problems/validation-failed',
      'objectiveId',
    );
    await t.w.api.patchObjective(provides.objective.id, { status: 'archived' });
    expectProblem(
      await t.w.owner.client.post(url, { ...body, objectiveId: provides.objective.id }),
      422,
      '/problems/validation-failed',
      'objectiveId',
    );
    expect((await t.w.owner.client.get(url)).body).toEqual([]);

    const created = await t.w.owner.client.post<DependencyView>(url, body);
    expectProblem(await member.client.patch(`${API}/dependencies/${created.body.id}`, { status: 'accepted' }), 403, '/problems/forbidden');
    expectProblem(
      await t.w.owner.client.patch(`${API}/dependencies/${created.body.id}`, { status: 'maybe' }),
      400,
      '/problems/validation-failed',
      'status',
    );
    expect((await t.w.owner.client.get<DependencyView[]>(url)).body).toEqual([expect.objectContaining({ status: 'requested' })]);
  });
  it('an answer overdue past the response timeframe shows in Needs attention, for the providing team, until answered', async () => {
    const { platform, lena, needs } = await twoTeams(t.w);
    expectStatus(await t.w.owner.client.request('PUT', `${API}/organization/rhythm`, { body: { answerWithinHours: 24 } }), 200);
    const created = await t.w.owner.client.post<DependencyView>(`${API}/objectives/${needs.objective.id}/dependencies`, {
      teamId: platform.id,
      description: 'An SSO sandbox',
      neededBy: '2025-03-01',
    });
    expectStatus(created, 201);
    type Attention = { kind: string; teamId: string | null; link: string; detail: string | null; who: { name: string } | null }[];
    const attention = async () =>
      (await t.w.owner.client.get<Attention>(`${API}/attention?teamId=${platform.id}`)).body.filter(
        (i) => i.kind === 'unanswered_dependency',
      );
    expect(await attention()).toEqual([]);
    t.clock.setDay('2025-02-17');
    expect(await attention()).toEqual([
      expect.objectContaining({
        link: `/teams/${platform.id}`,
        detail: 'An SSO sandbox',
        who: { id: t.w.owner.user.id, name: expect.any(String) },
      }),
    ]);
    const [view] = (await t.w.owner.client.get<DependencyView[]>(`${API}/objectives/${needs.objective.id}/dependencies`)).body;
    expect(view).toMatchObject({ overdue: true, answerDueAt: '2025-02-16T12:00:00.000Z' });
    expectStatus(await lena.client.patch(`${API}/dependencies/${created.body.id}`, { status: 'declined', note: 'Not this quarter' }), 200);
    expect(await attention()).toEqual([]);
  });
});
