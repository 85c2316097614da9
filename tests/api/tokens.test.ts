import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { apiTokens, organizations, teamMembers, teams, users } from '../../src/db/schema/index.js';
import { hashToken } from '../../src/server/auth/actor.js';
import { createAccount } from '../../src/server/services/create-account.js';
import { createToken } from '../../src/server/services/tokens.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, PASSWORD, uniqueEmail, useOrganization } from '../support/fixtures.js';

describeEachEngine('API tokens', (engine) => {
  const t = useOrganization(engine);

  const mint = async (client: Client, name = 'CI', scopes = ['read', 'write:okrs']) => {
    const response = await client.post('/api/v1/tokens', { name, scopes });
    expectStatus(response, 201);
    return response.body as { id: string; name: string; prefix: string; token: string };
  };

  it('creates a token shown once, lists it without the secret, and stores only its hash', async () => {
    const created = await mint(t.owner.client, 'Reporting');
    expect(created.token).toMatch(/^cairn_[A-Za-z0-9_-]{20,}$/);
    expect(created.prefix).toBe(created.token.slice(0, 12));
    const list = await t.owner.client.get('/api/v1/tokens');
    expectStatus(list, 200);
    expect(list.body).toEqual([
      {
        id: created.id,
        name: 'Reporting',
        prefix: created.prefix,
        scopes: ['read', 'write:okrs'],
        createdAt: expect.any(String),
        lastUsedAt: null,
        expiresAt: null,
      },
    ]);
    expect(list.text).not.toContain(created.token);
    const rows = await engine().db.select().from(apiTokens);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(rows)).not.toContain(created.token);
  });

  it('a bearer token acts as its owner on /me and /teams', async () => {
    const team = await createTeam(t.owner.client, { name: 'Platform' });
    const { token } = await mint(t.owner.client, 'CI', ['admin']);
    const api = new Client(t.server.url, token);
    const me = await api.get('/api/v1/me');
    expectStatus(me, 200);
    expect(me.body.user).toMatchObject({ id: t.owner.user.id, role: 'owner' });
    const list = await api.get('/api/v1/teams');
    expectStatus(list, 200);
    expect(list.body.map((t: { id: string }) => t.id)).toEqual([team.id]);
    // Writes work with a token too, and it is recorded as used.
    expectStatus(await api.post('/api/v1/teams', { name: 'Made by a script' }), 201);
    const [row] = await engine().db.select().from(apiTokens);
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
  });

  it('a revoked, expired or garbage token is 401', async () => {
    const revoked = await mint(t.owner.client, 'old');
    expectStatus(await new Client(t.server.url, revoked.token).get('/api/v1/me'), 200);
    expectStatus(await t.owner.client.delete(`/api/v1/tokens/${revoked.id}`), 204);
    expectProblem(await new Client(t.server.url, revoked.token).get('/api/v1/me'), 401, '/problems/unauthenticated');
    expectProblem(await new Client(t.server.url, revoked.token).get('/api/v1/teams'), 401, '/problems/unauthenticated');
    expect((await t.owner.client.get('/api/v1/tokens')).body).toEqual([]);

    const expiring = await t.owner.client.post('/api/v1/tokens', { name: 'short-lived', scopes: ['read'], expiresInDays: 1 });
    expectStatus(expiring, 201);
    expect(Date.parse(expiring.body.expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await engine()
      .db.update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, expiring.body.id));
    expectProblem(await new Client(t.server.url, expiring.body.token).get('/api/v1/me'), 401, '/problems/unauthenticated');

    expectProblem(await new Client(t.server.url, 'cairn_garbage').get('/api/v1/me'), 401, '/problems/unauthenticated');
    expectProblem(
      await new Client(t.server.url).get('/api/v1/me', { headers: { authorization: 'Bearer ' } }),
      401,
      '/problems/unauthenticated',
    );
    // A bearer header wins over a valid cookie: a bad token is not rescued by the session.
    expectProblem(
      await t.owner.client.get('/api/v1/me', { headers: { authorization: 'Bearer nonsense' } }),
      401,
      '/problems/unauthenticated',
    );
  });

  it('a token cannot mint more tokens (403)', async () => {
    const { token } = await mint(t.owner.client);
    expectProblem(
      await new Client(t.server.url, token).post('/api/v1/tokens', { name: 'child', scopes: ['read'] }),
      403,
      '/problems/forbidden',
      'scope',
    );
    expect(await engine().db.select().from(apiTokens)).toHaveLength(1);
  });

  it('people see and revoke only their own tokens', async () => {
    const member = await addPerson(t.owner.client);
    const ownerToken = await mint(t.owner.client, 'owner token');
    const memberToken = await mint(member.client, 'member token');
    expect((await member.client.get('/api/v1/tokens')).body.map((t: { id: string }) => t.id)).toEqual([memberToken.id]);
    expectProblem(await member.client.delete(`/api/v1/tokens/${ownerToken.id}`), 404, '/problems/not-found');
    expectStatus(await new Client(t.server.url, ownerToken.token).get('/api/v1/me'), 200);
  });

  it("a deactivated person's token stops working", async () => {
    const member = await addPerson(t.owner.client);
    const { token } = await mint(member.client);
    expectStatus(await t.owner.client.patch(`/api/v1/users/${member.user.id}`, { active: false }), 200);
    expectProblem(await new Client(t.server.url, token).get('/api/v1/me'), 401, '/problems/unauthenticated');
  });

  it('reactivating a person does not revive the tokens they had: deactivation revoked them for good', async () => {
    const member = await addPerson(t.owner.client);
    const { token } = await mint(member.client);
    expectStatus(await new Client(t.server.url, token).get('/api/v1/me'), 200);
    expectStatus(await t.owner.client.patch(`/api/v1/users/${member.user.id}`, { active: false }), 200);
    expectStatus(await t.owner.client.patch(`/api/v1/users/${member.user.id}`, { active: true }), 200);
    expectProblem(await new Client(t.server.url, token).get('/api/v1/me'), 401, '/problems/unauthenticated');
    const rows = await engine().db.select().from(apiTokens).where(eq(apiTokens.userId, member.user.id));
    expect(rows.map((r) => r.revokedAt)).toEqual([expect.any(Date)]);
  });

  it("a token of another organisation never sees or changes this organisation's data", async () => {
    const { db } = engine();
    // Organisation 1, through the API: a department, a team with a member, an invitation.
    const dept = await createTeam(t.owner.client, { name: 'Org1 Dept', kind: 'department' });
    const team1 = await createTeam(t.owner.client, { name: 'Org1 Team', parentId: dept.id });
    const member1 = await addPerson(t.owner.client, { teamId: team1.id, name: 'Org1 Member' });
    const invitation1 = await t.owner.client.post('/api/v1/invitations', { email: uniqueEmail('org1-invitee') });
    expectStatus(invitation1, 201);

    // Organisation 2, written straight to the database, with its owner's token from the service.
    const { org2, intruder } = await db.transaction(async (tx) => {
      const [org2] = await tx.insert(organizations).values({ name: 'Other Org' }).returning();
      const intruder = await createAccount(tx, {
        orgId: org2!.id,
        name: 'Ivan Intruder',
        email: uniqueEmail('intruder'),
        password: PASSWORD,
        role: 'owner',
      });
      return { org2: org2!, intruder };
    });
    const { token } = await createToken(db, { orgId: org2.id, actorId: intruder.id }, { name: 'intruder' });
    const api = new Client(t.server.url, token);

    const me = await api.get('/api/v1/me');
    expect(me.body.organization).toMatchObject({ id: org2.id, name: 'Other Org' });
    const team2 = await api.post('/api/v1/teams', { name: 'Org2 Team' });
    expectStatus(team2, 201);

    // Reads.
    expectProblem(await api.get(`/api/v1/teams/${team1.id}`), 404, '/problems/not-found');
    expectProblem(await api.get(`/api/v1/teams/${team1.id}/members`), 404, '/problems/not-found');
    expect((await api.get('/api/v1/teams')).body.map((t: { id: string }) => t.id)).toEqual([team2.body.id]);
    expect((await api.get(`/api/v1/teams?parentId=${dept.id}`)).body).toEqual([]);
    expect((await api.get('/api/v1/users')).body.map((u: { id: string }) => u.id)).toEqual([intruder.id]);
    expectProblem(await api.get(`/api/v1/users/${t.owner.user.id}`), 404, '/problems/not-found');
    expect((await api.get('/api/v1/invitations')).body).toEqual([]);

    // Writes.
    const patchUser = await api.patch(`/api/v1/users/${t.owner.user.id}`, { name: 'Hacked', role: 'member', active: false });
    expect([403, 404]).toContain(patchUser.status);
    expect(patchUser.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await api.patch(`/api/v1/users/${member1.user.id}`, { managerId: intruder.id })).status).toBe(404);
    expectProblem(await api.patch(`/api/v1/users/${intruder.id}`, { managerId: t.owner.user.id }), 404, '/problems/not-found', 'managerId');
    expectProblem(await api.patch(`/api/v1/teams/${team1.id}`, { name: 'Hacked' }), 404, '/problems/not-found');
    expectProblem(await api.delete(`/api/v1/teams/${team1.id}`), 404, '/problems/not-found');
    expectProblem(await api.post('/api/v1/teams', { name: 'Smuggled', parentId: dept.id }), 404, '/problems/not-found', 'parentId');
    expectProblem(await api.patch(`/api/v1/teams/${team2.body.id}`, { parentId: dept.id }), 404, '/problems/not-found', 'parentId');
    expectProblem(await api.post(`/api/v1/teams/${team1.id}/members`, { userId: intruder.id }), 404, '/problems/not-found');
    expectProblem(
      await api.post(`/api/v1/teams/${team2.body.id}/members`, { userId: member1.user.id }),
      404,
      '/problems/not-found',
      'userId',
    );
    expectProblem(await api.delete(`/api/v1/teams/${team1.id}/members/${member1.user.id}`), 404, '/problems/not-found');
    expectProblem(await api.delete(`/api/v1/invitations/${invitation1.body.id}`), 404, '/problems/not-found');
    expectProblem(await api.post('/api/v1/invitations', { email: uniqueEmail(), teamId: team1.id }), 404, '/problems/not-found', 'teamId');

    // Organisation 1 is exactly as it was.
    const [ownerRow] = await db.select().from(users).where(eq(users.id, t.owner.user.id));
    expect(ownerRow).toMatchObject({ name: 'Olivia Owner', role: 'owner', deactivatedAt: null });
    const [memberRow] = await db.select().from(users).where(eq(users.id, member1.user.id));
    expect(memberRow!.managerId).toBeNull();
    const org1Teams = await db.select().from(teams).where(eq(teams.orgId, ownerRow!.orgId));
    expect(org1Teams.map((t) => [t.name, t.parentId]).sort()).toEqual([
      ['Org1 Dept', null],
      ['Org1 Team', dept.id],
    ]);
    expect((await db.select().from(teamMembers).where(eq(teamMembers.teamId, team1.id))).map((m) => m.userId)).toEqual([member1.user.id]);
    expect((await t.owner.client.get('/api/v1/invitations')).body.map((i: { id: string }) => i.id)).toEqual([invitation1.body.id]);
    // And organisation 1 does not see organisation 2 either.
    expect((await t.owner.client.get('/api/v1/teams')).body.map((t: { name: string }) => t.name)).toEqual(['Org1 Dept', 'Org1 Team']);
    expectProblem(await t.owner.client.get(`/api/v1/users/${intruder.id}`), 404, '/problems/not-found');
  });
});
