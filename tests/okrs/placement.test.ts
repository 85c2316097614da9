import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, OkrApi, percent, useOkrWorld, type ObjectiveView } from './support.js';

/** Issue 21: moving an objective passes the same rule as creating it there; a member creates for themselves. */
describeEachEngine('where objectives may be created and moved', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  async function twoTeams() {
    const support = await createTeam(t.w.owner.client, { name: 'Support' });
    const sales = await createTeam(t.w.owner.client, { name: 'Sales' });
    const member = await addPerson(t.w.owner.client, { name: 'Mia Member', teamId: support.id });
    const lead = await addPerson(t.w.owner.client, { name: 'Leo Lead', teamId: support.id });
    expectStatus(await t.w.owner.client.patch(`${API}/teams/${support.id}/members/${lead.user.id}`, { role: 'lead' }), 200);
    return { support, sales, member, lead };
  }

  it('a member who owns a team objective cannot move it to company level or into a team they are not in', async () => {
    const { support, sales, member } = await twoTeams();
    const mine = await new OkrApi(member.client).createObjective({ cycleId: t.w.cycle.id, title: 'Answer faster', teamId: support.id });
    expect(mine).toMatchObject({ ownerId: member.user.id, teamId: support.id, status: 'draft' });

    const patch = (body: Record<string, unknown>) => member.client.patch(`${API}/objectives/${mine.id}`, body);
    expectProblem(await patch({ teamId: null }), 403, '/problems/forbidden');
    expectProblem(await patch({ teamId: sales.id }), 403, '/problems/forbidden');
    // Nor give it away to nobody, which would leave it without anyone who may change it.
    expectProblem(await patch({ ownerId: null }), 403, '/problems/forbidden');
    expect(await t.w.api.objective(mine.id)).toMatchObject({ teamId: support.id, ownerId: member.user.id });
    // Changes that keep it where it is still pass.
    expect((await new OkrApi(member.client).patchObjective(mine.id, { type: 'aspirational' })).type).toBe('aspirational');
  });

  it("a lead shapes their team's objectives but cannot move them into another team; an admin can", async () => {
    const { support, sales, member, lead } = await twoTeams();
    const theirs = await t.w.api.createObjective({
      cycleId: t.w.cycle.id,
      title: 'Support goal',
      teamId: support.id,
      ownerId: member.user.id,
    });
    expect((await new OkrApi(lead.client).patchObjective(theirs.id, { title: 'Support goal, sharper' })).title).toBe(
      'Support goal, sharper',
    );
    expectProblem(await lead.client.patch(`${API}/objectives/${theirs.id}`, { teamId: sales.id }), 403, '/problems/forbidden');
    expectProblem(await lead.client.patch(`${API}/objectives/${theirs.id}`, { teamId: null }), 403, '/problems/forbidden');
    expect((await t.w.api.patchObjective(theirs.id, { teamId: sales.id })).teamId).toBe(sales.id);
  });

  it("a member's objective is theirs: ownerId null becomes them, someone else's id is refused", async () => {
    const { support, lead } = await twoTeams();
    const member = await addPerson(t.w.owner.client, { name: 'Nia Member', teamId: support.id });
    const created = await member.client.post<ObjectiveView>(`${API}/objectives`, {
      cycleId: t.w.cycle.id,
      title: 'Mine',
      teamId: support.id,
      ownerId: null,
    });
    expectStatus(created, 201);
    expect(created.body.ownerId).toBe(member.user.id);
    expect(created.body.can).toMatchObject({ edit: true, delete: true });
    expectProblem(
      await member.client.post(`${API}/objectives`, { cycleId: t.w.cycle.id, title: 'Theirs', teamId: support.id, ownerId: lead.user.id }),
      403,
      '/problems/forbidden',
    );
    // A lead may create a team objective owned by nobody.
    const teamLevel = await lead.client.post<ObjectiveView>(`${API}/objectives`, {
      cycleId: t.w.cycle.id,
      title: 'Ours',
      teamId: support.id,
      ownerId: null,
    });
    expectStatus(teamLevel, 201);
    expect(teamLevel.body.ownerId).toBeNull();
  });

  it('views say what the caller may do: a member sees no edit on someone else’s objective, the owner does', async () => {
    const { support, member } = await twoTeams();
    const { objective } = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Company goal' });
    const other = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Team goal', teamId: support.id });
    const asMember = await new OkrApi(member.client).objective(other.id);
    expect(asMember.can).toEqual({
      edit: false,
      delete: false,
      archive: false,
      align: false,
      publish: false,
      publishOverride: false,
      addKeyResult: false,
      comment: true,
      requestReview: false,
      decideReview: false,
    });
    expectProblem(await member.client.patch(`${API}/objectives/${other.id}`, { title: 'Mine now' }), 403, '/problems/forbidden');
    const asOwner = await t.w.api.objective(objective.id);
    expect(asOwner.can).toMatchObject({ edit: true, publishOverride: true, addKeyResult: true });
    expect(asOwner.keyResults[0]!.can).toEqual({ edit: true, delete: true, checkIn: true, overrideScore: true });
    // In their team the member checks in, but shapes nothing.
    const kr = await t.w.api.createKeyResult(other.id, percent('Replies'));
    expect((await new OkrApi(member.client).keyResult(kr.id)).can).toEqual({
      edit: false,
      delete: false,
      checkIn: true,
      overrideScore: false,
    });
    const checkIn = await new OkrApi(member.client).checkIn(kr.id, { value: 10 });
    expect(checkIn.can).toEqual({ edit: true, delete: true });
    expect((await t.w.api.checkIns(kr.id))[0]!.can).toEqual({ edit: true, delete: true });
    const tree = await new OkrApi(member.client).tree(t.w.cycle.id);
    expect(tree.roots.find((r) => r.id === other.id)!.can.edit).toBe(false);
  });
});
