import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { invitations, teamMembers, users } from '../../src/db/schema/index.js';
import { hashToken } from '../../src/server/auth/actor.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import {
  addPerson,
  createTeam,
  expectProblem,
  expectStatus,
  PASSWORD,
  setUpOrganization,
  tokenOfLink,
  uniqueEmail,
  type Person,
} from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

describeEachEngine('invitations API', (engine) => {
  let server: TestServer;
  let owner: Person;
  let orgName: string;
  beforeAll(async () => {
    server = await startTestServer(engine().handle);
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    await engine().reset();
    const setup = await setUpOrganization(server.url, { organization: 'Acme Rockets' });
    owner = setup.owner;
    orgName = setup.organization.name;
  });

  it('invites, shows the invitation, and the invitee joins signed in as a member of the team', async () => {
    const team = await createTeam(owner.client, { name: 'Platform' });
    const invited = await owner.client.post('/api/v1/invitations', { email: 'Nina@Example.test', teamId: team.id });
    expectStatus(invited, 201);
    expect(invited.body).toMatchObject({
      email: 'nina@example.test',
      role: 'member',
      teamId: team.id,
      invitedBy: owner.user.id,
      emailStatus: 'not_configured',
    });
    expect(invited.body.link).toMatch(new RegExp(`^${server.url}/invite/[A-Za-z0-9_-]{20,}$`));
    const token = tokenOfLink(invited.body.link);
    // Only a hash of the token is stored.
    const [row] = await engine().db.select().from(invitations);
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const pending = await owner.client.get('/api/v1/invitations');
    expectStatus(pending, 200);
    expect(pending.body).toEqual([expect.objectContaining({ id: invited.body.id, email: 'nina@example.test' })]);
    expect(pending.text).not.toContain(token);

    const anonymous = new Client(server.url);
    const preview = await anonymous.get(`/api/v1/invitations/by-token/${token}`);
    expectStatus(preview, 200);
    expect(preview.body).toEqual({ email: 'nina@example.test', name: null, organization: orgName });

    const accepted = await anonymous.post('/api/v1/invitations/accept', { token, name: 'Nina New', password: PASSWORD });
    expectStatus(accepted, 201);
    expect(accepted.body).toMatchObject({ email: 'nina@example.test', name: 'Nina New', role: 'member', active: true });
    expect(anonymous.cookies.get('cairn.session_token')).toBeTruthy();
    const me = await anonymous.get('/api/v1/me');
    expectStatus(me, 200);
    expect(me.body.user).toMatchObject({ id: accepted.body.id, role: 'member' });
    expect(me.body.organization.name).toBe(orgName);

    const memberships = await engine().db.select().from(teamMembers).where(eq(teamMembers.userId, accepted.body.id));
    expect(memberships.map((m) => [m.teamId, m.role])).toEqual([[team.id, 'member']]);
    expect((await owner.client.get('/api/v1/invitations')).body).toEqual([]);
    // The chosen password works for a later sign-in.
    expectStatus(await new Client(server.url).post('/api/auth/sign-in/email', { email: 'nina@example.test', password: PASSWORD }), 200);
  });

  it('an invitation without a team joins no team; an admin invitation gives the admin role', async () => {
    const admin = await addPerson(owner.client, { role: 'admin' });
    expect(admin.user.role).toBe('admin');
    expect(await engine().db.select().from(teamMembers)).toEqual([]);
    expect((await admin.client.get('/api/v1/me')).body.user.role).toBe('admin');
    // Admins invite too.
    expectStatus(await admin.client.post('/api/v1/invitations', { email: uniqueEmail() }), 201);
  });

  it('a used link cannot be used again (404 naming token)', async () => {
    const invited = await owner.client.post('/api/v1/invitations', { email: uniqueEmail() });
    const token = tokenOfLink(invited.body.link);
    expectStatus(await new Client(server.url).post('/api/v1/invitations/accept', { token, name: 'First', password: PASSWORD }), 201);
    const again = new Client(server.url);
    expectProblem(
      await again.post('/api/v1/invitations/accept', { token, name: 'Second', password: PASSWORD }),
      404,
      '/problems/not-found',
      'token',
    );
    expect(again.cookies.size).toBe(0);
    expectProblem(await again.get(`/api/v1/invitations/by-token/${token}`), 404, '/problems/not-found', 'token');
    expect((await engine().db.select().from(users)).map((u) => u.name).sort()).toEqual(['First', 'Olivia Owner']);
  });

  it('of two people racing on one link, exactly one gets an account', async () => {
    const invited = await owner.client.post('/api/v1/invitations', { email: uniqueEmail() });
    const token = tokenOfLink(invited.body.link);
    const results = await Promise.all(
      ['One', 'Two'].map((name) => new Client(server.url).post('/api/v1/invitations/accept', { token, name, password: PASSWORD })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    expect([404, 409]).toContain(statuses[1]);
    const loser = results.find((r) => r.status !== 201)!;
    expect(loser.body.field).toBe('token');
    expect(await engine().db.select().from(users).where(eq(users.email, invited.body.email))).toHaveLength(1);
  });

  it('an unknown token is 404 naming token', async () => {
    const anonymous = new Client(server.url);
    expectProblem(await anonymous.get('/api/v1/invitations/by-token/abcdefghijklmnopqrstuvwxyz'), 404, '/problems/not-found', 'token');
    expectProblem(
      await anonymous.post('/api/v1/invitations/accept', { token: 'abcdefghijklmnopqrstuvwxyz', name: 'X', password: PASSWORD }),
      404,
      '/problems/not-found',
      'token',
    );
  });

  it('a revoked or replaced invitation stops working', async () => {
    const email = uniqueEmail();
    const first = await owner.client.post('/api/v1/invitations', { email });
    const second = await owner.client.post('/api/v1/invitations', { email });
    expectStatus(second, 201);
    expectProblem(
      await new Client(server.url).get(`/api/v1/invitations/by-token/${tokenOfLink(first.body.link)}`),
      404,
      '/problems/not-found',
      'token',
    );
    expect((await owner.client.get('/api/v1/invitations')).body.map((i: { id: string }) => i.id)).toEqual([second.body.id]);

    expectStatus(await owner.client.delete(`/api/v1/invitations/${second.body.id}`), 204);
    expectProblem(
      await new Client(server.url).post('/api/v1/invitations/accept', {
        token: tokenOfLink(second.body.link),
        name: 'Late',
        password: PASSWORD,
      }),
      404,
      '/problems/not-found',
      'token',
    );
    expect(await engine().db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it('an expired invitation is refused', async () => {
    const invited = await owner.client.post('/api/v1/invitations', { email: uniqueEmail() });
    await engine()
      .db.update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, invited.body.id));
    expectProblem(
      await new Client(server.url).post('/api/v1/invitations/accept', {
        token: tokenOfLink(invited.body.link),
        name: 'Late',
        password: PASSWORD,
      }),
      404,
      '/problems/not-found',
      'token',
    );
  });

  it('accepting validates name and password', async () => {
    const invited = await owner.client.post('/api/v1/invitations', { email: uniqueEmail() });
    const token = tokenOfLink(invited.body.link);
    expectProblem(
      await new Client(server.url).post('/api/v1/invitations/accept', { token, name: 'Shorty', password: 'short' }),
      400,
      '/problems/validation-failed',
      'password',
    );
    expectProblem(
      await new Client(server.url).post('/api/v1/invitations/accept', { token, password: PASSWORD }),
      400,
      '/problems/validation-failed',
      'name',
    );
    // Still usable after the refused attempts.
    expectStatus(await new Client(server.url).get(`/api/v1/invitations/by-token/${token}`), 200);
  });

  it('inviting an email that already has an account is 409 naming email', async () => {
    expectProblem(
      await owner.client.post('/api/v1/invitations', { email: owner.user.email.toUpperCase() }),
      409,
      '/problems/conflict',
      'email',
    );
    expect(await engine().db.select().from(invitations)).toEqual([]);
    expectProblem(await owner.client.post('/api/v1/invitations', { email: 'nope' }), 400, '/problems/validation-failed', 'email');
    expectProblem(
      await owner.client.post('/api/v1/invitations', { email: uniqueEmail(), role: 'owner' }),
      400,
      '/problems/validation-failed',
      'role',
    );
    expectProblem(
      await owner.client.post('/api/v1/invitations', { email: uniqueEmail(), teamId: '00000000-0000-4000-8000-000000000000' }),
      404,
      '/problems/not-found',
      'teamId',
    );
  });

  it('a member cannot invite, list or revoke invitations', async () => {
    const member = await addPerson(owner.client);
    const pending = await owner.client.post('/api/v1/invitations', { email: uniqueEmail() });
    expectProblem(await member.client.post('/api/v1/invitations', { email: uniqueEmail() }), 403, '/problems/forbidden');
    expectProblem(await member.client.get('/api/v1/invitations'), 403, '/problems/forbidden');
    expectProblem(await member.client.delete(`/api/v1/invitations/${pending.body.id}`), 403, '/problems/forbidden');
    expect((await engine().db.select().from(invitations)).filter((i) => !i.acceptedAt && !i.revokedAt)).toHaveLength(1);
  });
});
