import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { activities, objectives, teamMembers, teams } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, useOrganization } from '../support/fixtures.js';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describeEachEngine('teams API', (engine) => {
  const t = useOrganization(engine);

  const teamRow = async (id: string) => (await engine().db.select().from(teams).where(eq(teams.id, id)))[0];

  it('creates a department and a child team, lists them and patches one', async () => {
    const dept = await createTeam(t.owner.client, { name: ' Engineering ', kind: 'department', description: 'Builds things' });
    expect(dept).toMatchObject({ name: 'Engineering', kind: 'department', parentId: null, memberCount: 0 });
    const team = await createTeam(t.owner.client, { name: 'Platform', parentId: dept.id });
    expect(team).toMatchObject({ name: 'Platform', kind: 'team', parentId: dept.id });

    const list = await t.owner.client.get('/api/v1/teams');
    expectStatus(list, 200);
    expect(list.body.map((t: { name: string; parentId: string | null }) => [t.name, t.parentId])).toEqual([
      ['Engineering', null],
      ['Platform', dept.id],
    ]);
    const children = await t.owner.client.get(`/api/v1/teams?parentId=${dept.id}`);
    expect(children.body.map((t: { id: string }) => t.id)).toEqual([team.id]);

    const patched = await t.owner.client.patch(`/api/v1/teams/${team.id}`, { name: 'Platform Core', checkInCadence: 'biweekly' });
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({ id: team.id, name: 'Platform Core', checkInCadence: 'biweekly', parentId: dept.id });
    expect(await teamRow(team.id)).toMatchObject({ name: 'Platform Core', checkInCadence: 'biweekly', parentId: dept.id });
    const one = await t.owner.client.get(`/api/v1/teams/${team.id}`);
    expect(one.body).toMatchObject({ name: 'Platform Core' });

    // Moving the team to the top level.
    expectStatus(await t.owner.client.patch(`/api/v1/teams/${team.id}`, { parentId: null }), 200);
    expect((await teamRow(team.id))?.parentId).toBeNull();
    // Every change is in the audit trail.
    const actions = (await engine().db.select().from(activities).where(eq(activities.entityId, team.id))).map((a) => a.action);
    expect(actions.sort()).toEqual(['team.created', 'team.updated', 'team.updated']);
  });

  it('refuses to make a team its own ancestor (422 naming parentId) and changes nothing', async () => {
    const dept = await createTeam(t.owner.client, { name: 'Engineering', kind: 'department' });
    const team = await createTeam(t.owner.client, { name: 'Platform', parentId: dept.id });
    const squad = await createTeam(t.owner.client, { name: 'Squad', parentId: team.id });

    expectProblem(
      await t.owner.client.patch(`/api/v1/teams/${dept.id}`, { parentId: squad.id, name: 'Renamed' }),
      422,
      '/problems/validation-failed',
      'parentId',
    );
    expectProblem(
      await t.owner.client.patch(`/api/v1/teams/${team.id}`, { parentId: team.id }),
      422,
      '/problems/validation-failed',
      'parentId',
    );
    expect(await teamRow(dept.id)).toMatchObject({ name: 'Engineering', parentId: null });
    expect((await teamRow(team.id))?.parentId).toBe(dept.id);
  });

  it('answers 404 naming parentId for an unknown parent, and creates nothing', async () => {
    expectProblem(
      await t.owner.client.post('/api/v1/teams', { name: 'Orphans', parentId: MISSING_ID }),
      404,
      '/problems/not-found',
      'parentId',
    );
    expect(await engine().db.select().from(teams)).toEqual([]);
    const team = await createTeam(t.owner.client, { name: 'Platform' });
    expectProblem(await t.owner.client.patch(`/api/v1/teams/${team.id}`, { parentId: MISSING_ID }), 404, '/problems/not-found', 'parentId');
    expect((await teamRow(team.id))?.parentId).toBeNull();
  });

  it('validates team bodies and ids', async () => {
    expectProblem(await t.owner.client.post('/api/v1/teams', { name: '' }), 400, '/problems/validation-failed', 'name');
    expectProblem(await t.owner.client.post('/api/v1/teams', { name: 'X', kind: 'tribe' }), 400, '/problems/validation-failed', 'kind');
    expectProblem(
      await t.owner.client.post('/api/v1/teams', { name: 'X', parentId: 'nope' }),
      400,
      '/problems/validation-failed',
      'parentId',
    );
    expectProblem(await t.owner.client.get('/api/v1/teams/not-a-uuid'), 400, '/problems/validation-failed', 'id');
    expectProblem(await t.owner.client.get(`/api/v1/teams/${MISSING_ID}`), 404, '/problems/not-found');
  });

  it('deletes a team only once it has no sub-teams', async () => {
    const dept = await createTeam(t.owner.client, { name: 'Engineering', kind: 'department' });
    const team = await createTeam(t.owner.client, { name: 'Platform', parentId: dept.id });
    expectProblem(await t.owner.client.delete(`/api/v1/teams/${dept.id}`), 409, '/problems/conflict');
    expect(await teamRow(dept.id)).toBeDefined();
    expectStatus(await t.owner.client.delete(`/api/v1/teams/${team.id}`), 204);
    expectStatus(await t.owner.client.delete(`/api/v1/teams/${dept.id}`), 204);
    expect(await engine().db.select().from(teams)).toEqual([]);
    expectProblem(await t.owner.client.delete(`/api/v1/teams/${dept.id}`), 404, '/problems/not-found');
  });

  it('refuses to delete a team that has objectives (409 naming them) and keeps them in the team', async () => {
    const team = await createTeam(t.owner.client, { name: 'Platform' });
    const year = new Date().getUTCFullYear();
    const cycle = await t.owner.client.post('/api/v1/cycles', { name: `${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31` });
    expectStatus(cycle, 201);
    const titles = ['Ship the API', 'Halve the p99', 'Cut on-call pages', 'Document everything'];
    for (const title of titles) {
      const objective = await t.owner.client.post('/api/v1/objectives', {
        cycleId: cycle.body.id,
        title,
        teamId: team.id,
        status: 'draft',
      });
      expectStatus(objective, 201);
    }
    const refused = await t.owner.client.delete(`/api/v1/teams/${team.id}`);
    expectProblem(refused, 409, '/problems/conflict', 'id');
    expect(refused.body.detail).toContain('4 objectives');
    expect(refused.body.detail).toContain('“Cut on-call pages”');
    expect(refused.body.detail).toContain('1 more');
    expect(await teamRow(team.id)).toBeDefined();
    const left = await engine().db.select({ title: objectives.title }).from(objectives).where(eq(objectives.teamId, team.id));
    expect(left.map((o) => o.title).sort()).toEqual([...titles].sort());
  });

  it('team views say what the caller may do: admins everything, a lead their members, a member nothing', async () => {
    const team = await createTeam(t.owner.client, { name: 'Platform' });
    const other = await createTeam(t.owner.client, { name: 'Payments' });
    const lead = await addPerson(t.owner.client, { teamId: team.id });
    expectStatus(await t.owner.client.patch(`/api/v1/teams/${team.id}/members/${lead.user.id}`, { role: 'lead' }), 200);
    const member = await addPerson(t.owner.client, { teamId: team.id });
    const canOf = async (client: typeof member.client, id: string) => (await client.get(`/api/v1/teams/${id}`)).body.can;
    expect(await canOf(t.owner.client, team.id)).toEqual({ edit: true, delete: true, manageMembers: true });
    expect(await canOf(lead.client, team.id)).toEqual({ edit: false, delete: false, manageMembers: true });
    expect(await canOf(lead.client, other.id)).toEqual({ edit: false, delete: false, manageMembers: false });
    expect(await canOf(member.client, team.id)).toEqual({ edit: false, delete: false, manageMembers: false });
    const listed = (await lead.client.get('/api/v1/teams')).body as { id: string; can: { manageMembers: boolean } }[];
    expect(Object.fromEntries(listed.map((x) => [x.id, x.can.manageMembers]))).toEqual({ [team.id]: true, [other.id]: false });
  });

  it('adds members, makes one a lead, and removes them', async () => {
    const team = await createTeam(t.owner.client, { name: 'Platform' });
    const ann = await addPerson(t.owner.client, { name: 'Ann' });
    const bob = await addPerson(t.owner.client, { name: 'Bob' });

    const added = await t.owner.client.post(`/api/v1/teams/${team.id}/members`, { userId: ann.user.id });
    expectStatus(added, 201);
    expect(added.body).toEqual([expect.objectContaining({ userId: ann.user.id, name: 'Ann', role: 'member' })]);
    expectStatus(await t.owner.client.post(`/api/v1/teams/${team.id}/members`, { userId: bob.user.id, role: 'member' }), 201);

    const promoted = await t.owner.client.patch(`/api/v1/teams/${team.id}/members/${ann.user.id}`, { role: 'lead' });
    expectStatus(promoted, 200);
    expect(promoted.body.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Ann', 'lead'],
      ['Bob', 'member'],
    ]);
    expect((await t.owner.client.get(`/api/v1/teams/${team.id}`)).status).toBe(200);
    expect((await t.owner.client.get('/api/v1/teams')).body[0]).toMatchObject({ id: team.id, memberCount: 2 });

    expectStatus(await t.owner.client.delete(`/api/v1/teams/${team.id}/members/${bob.user.id}`), 204);
    const rows = await engine().db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id));
    expect(rows.map((r) => [r.userId, r.role])).toEqual([[ann.user.id, 'lead']]);
    expectProblem(await t.owner.client.delete(`/api/v1/teams/${team.id}/members/${bob.user.id}`), 404, '/problems/not-found', 'userId');
    // Changing the role of someone who is not in the team does not add them.
    expectProblem(
      await t.owner.client.patch(`/api/v1/teams/${team.id}/members/${bob.user.id}`, { role: 'lead' }),
      404,
      '/problems/not-found',
      'userId',
    );
    expect((await t.owner.client.get(`/api/v1/teams/${team.id}/members`)).body.map((m: { userId: string }) => m.userId)).not.toContain(
      bob.user.id,
    );
    expectProblem(
      await t.owner.client.post(`/api/v1/teams/${team.id}/members`, { userId: 'nobody' }),
      404,
      '/problems/not-found',
      'userId',
    );
    const members = await t.owner.client.get(`/api/v1/teams/${team.id}/members`);
    expect(members.body.map((m: { userId: string }) => m.userId)).toEqual([ann.user.id]);
  });

  it('a plain member cannot create, change or delete teams, nor manage members', async () => {
    const team = await createTeam(t.owner.client, { name: 'Platform' });
    const member = await addPerson(t.owner.client, { teamId: team.id });
    expectProblem(await member.client.post('/api/v1/teams', { name: 'Mine' }), 403, '/problems/forbidden');
    expectProblem(await member.client.patch(`/api/v1/teams/${team.id}`, { name: 'Mine' }), 403, '/problems/forbidden');
    expectProblem(await member.client.delete(`/api/v1/teams/${team.id}`), 403, '/problems/forbidden');
    expectProblem(await member.client.post(`/api/v1/teams/${team.id}/members`, { userId: t.owner.user.id }), 403, '/problems/forbidden');
    expectProblem(
      await member.client.patch(`/api/v1/teams/${team.id}/members/${member.user.id}`, { role: 'lead' }),
      403,
      '/problems/forbidden',
    );
    expect(await engine().db.select().from(teams)).toHaveLength(1);
    expect((await teamRow(team.id))?.name).toBe('Platform');
    const rows = await engine().db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id));
    expect(rows.map((r) => [r.userId, r.role])).toEqual([[member.user.id, 'member']]);
    // Reading is fine.
    expectStatus(await member.client.get('/api/v1/teams'), 200);
    expectStatus(await member.client.get(`/api/v1/teams/${team.id}/members`), 200);
  });

  it('a team lead manages the members of their own team only', async () => {
    const mine = await createTeam(t.owner.client, { name: 'Mine' });
    const other = await createTeam(t.owner.client, { name: 'Other' });
    const lead = await addPerson(t.owner.client, { name: 'Lea Lead' });
    const newcomer = await addPerson(t.owner.client, { name: 'Nico New' });
    expectStatus(await t.owner.client.post(`/api/v1/teams/${mine.id}/members`, { userId: lead.user.id, role: 'lead' }), 201);

    const added = await lead.client.post(`/api/v1/teams/${mine.id}/members`, { userId: newcomer.user.id });
    expectStatus(added, 201);
    expect(added.body.map((m: { userId: string }) => m.userId).sort()).toEqual([lead.user.id, newcomer.user.id].sort());
    expectStatus(await lead.client.delete(`/api/v1/teams/${mine.id}/members/${newcomer.user.id}`), 204);

    expectProblem(await lead.client.post(`/api/v1/teams/${other.id}/members`, { userId: newcomer.user.id }), 403, '/problems/forbidden');
    expect(
      await engine()
        .db.select()
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, other.id))),
    ).toEqual([]);
    // Leading a team does not make one an admin.
    expectProblem(await lead.client.patch(`/api/v1/teams/${mine.id}`, { name: 'Renamed' }), 403, '/problems/forbidden');
  });
});
