import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { activities, sessions, users } from '../../src/db/schema/index.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, uniqueEmail, useOrganization } from '../support/fixtures.js';

describeEachEngine('people API', (engine) => {
  const t = useOrganization(engine);

  const userRow = async (id: string) => (await engine().db.select().from(users).where(eq(users.id, id)))[0]!;

  it('lists people with their teams', async () => {
    const team = await createTeam(t.owner.client, { name: 'Platform' });
    const member = await addPerson(t.owner.client, { teamId: team.id, name: 'Ann' });
    const list = await member.client.get('/api/v1/users');
    expectStatus(list, 200);
    expect(list.body.map((u: { name: string; teams: unknown[] }) => [u.name, u.teams])).toEqual([
      ['Ann', [{ teamId: team.id, role: 'member' }]],
      ['Olivia Owner', []],
    ]);
    expect(list.text).not.toMatch(/password|hash/i);
    expect((await member.client.get(`/api/v1/users/${t.owner.user.id}`)).body).toMatchObject({ id: t.owner.user.id, role: 'owner' });
    expectProblem(await member.client.get('/api/v1/users/nobody'), 404, '/problems/not-found');
  });

  it('an owner changes role and manager', async () => {
    const a = await addPerson(t.owner.client, { name: 'Ann' });
    const b = await addPerson(t.owner.client, { name: 'Bob' });
    const promoted = await t.owner.client.patch(`/api/v1/users/${a.user.id}`, { role: 'admin', title: 'Head of Platform' });
    expectStatus(promoted, 200);
    expect(promoted.body).toMatchObject({ role: 'admin', title: 'Head of Platform' });
    expect(await userRow(a.user.id)).toMatchObject({ role: 'admin', title: 'Head of Platform' });
    // The new role takes effect on the next request of the same session.
    expectStatus(await a.client.post('/api/v1/invitations', { email: uniqueEmail() }), 201);

    const managed = await a.client.patch(`/api/v1/users/${b.user.id}`, { managerId: a.user.id });
    expectStatus(managed, 200);
    expect(managed.body.managerId).toBe(a.user.id);
    expect((await userRow(b.user.id)).managerId).toBe(a.user.id);
    expectStatus(await a.client.patch(`/api/v1/users/${b.user.id}`, { managerId: null }), 200);
    expect((await userRow(b.user.id)).managerId).toBeNull();
  });

  it('refuses a reporting loop with 422 naming managerId, and changes nothing', async () => {
    const a = await addPerson(t.owner.client, { name: 'Ann' });
    const b = await addPerson(t.owner.client, { name: 'Bob' });
    const c = await addPerson(t.owner.client, { name: 'Cid' });
    expectStatus(await t.owner.client.patch(`/api/v1/users/${b.user.id}`, { managerId: a.user.id }), 200);
    expectProblem(
      await t.owner.client.patch(`/api/v1/users/${a.user.id}`, { managerId: b.user.id, title: 'Loopy' }),
      422,
      '/problems/validation-failed',
      'managerId',
    );
    expect(await userRow(a.user.id)).toMatchObject({ managerId: null, title: null });

    // Longer loops too: A manages B manages C; C cannot manage A.
    expectStatus(await t.owner.client.patch(`/api/v1/users/${c.user.id}`, { managerId: b.user.id }), 200);
    expectProblem(
      await t.owner.client.patch(`/api/v1/users/${a.user.id}`, { managerId: c.user.id }),
      422,
      '/problems/validation-failed',
      'managerId',
    );
    expectProblem(
      await t.owner.client.patch(`/api/v1/users/${a.user.id}`, { managerId: a.user.id }),
      422,
      '/problems/validation-failed',
      'managerId',
    );
    expectProblem(
      await t.owner.client.patch(`/api/v1/users/${a.user.id}`, { managerId: 'nobody' }),
      404,
      '/problems/not-found',
      'managerId',
    );
    expect((await userRow(a.user.id)).managerId).toBeNull();
  });

  it('keeps at least one active owner (409)', async () => {
    expectProblem(await t.owner.client.patch(`/api/v1/users/${t.owner.user.id}`, { role: 'admin' }), 409, '/problems/conflict', 'role');
    expect((await userRow(t.owner.user.id)).role).toBe('owner');

    const admin = await addPerson(t.owner.client, { role: 'admin' });
    // Deactivating an owner is an owner's decision, not an admin's.
    expectProblem(await admin.client.patch(`/api/v1/users/${t.owner.user.id}`, { active: false }), 403, '/problems/forbidden');
    expect((await userRow(t.owner.user.id)).deactivatedAt).toBeNull();

    // With a second t.owner, the first may step down.
    const second = await addPerson(t.owner.client);
    expectStatus(await t.owner.client.patch(`/api/v1/users/${second.user.id}`, { role: 'owner' }), 200);
    expectStatus(await t.owner.client.patch(`/api/v1/users/${t.owner.user.id}`, { role: 'admin' }), 200);
    expect((await userRow(t.owner.user.id)).role).toBe('admin');
    expectProblem(await second.client.patch(`/api/v1/users/${second.user.id}`, { role: 'member' }), 409, '/problems/conflict', 'role');
  });

  it('only owners grant or remove the owner role; members edit only their own name, title and time zone', async () => {
    const admin = await addPerson(t.owner.client, { role: 'admin' });
    const member = await addPerson(t.owner.client, { name: 'Mia' });
    expectProblem(await admin.client.patch(`/api/v1/users/${member.user.id}`, { role: 'owner' }), 403, '/problems/forbidden');
    expectProblem(await admin.client.patch(`/api/v1/users/${t.owner.user.id}`, { role: 'member' }), 403, '/problems/forbidden');
    expect((await userRow(member.user.id)).role).toBe('member');
    expect((await userRow(t.owner.user.id)).role).toBe('owner');

    const self = await member.client.patch(`/api/v1/users/${member.user.id}`, {
      name: 'Mia M.',
      title: 'Engineer',
      timeZone: 'Europe/Berlin',
    });
    expectStatus(self, 200);
    expect(await userRow(member.user.id)).toMatchObject({ name: 'Mia M.', title: 'Engineer', timeZone: 'Europe/Berlin' });
    expectProblem(await member.client.patch(`/api/v1/users/${member.user.id}`, { role: 'admin' }), 403, '/problems/forbidden');
    expectProblem(await member.client.patch(`/api/v1/users/${member.user.id}`, { managerId: t.owner.user.id }), 403, '/problems/forbidden');
    expectProblem(await member.client.patch(`/api/v1/users/${t.owner.user.id}`, { name: 'Renamed' }), 403, '/problems/forbidden');
    expectProblem(
      await member.client.patch(`/api/v1/users/${member.user.id}`, { timeZone: 'Nowhere/Land' }),
      400,
      '/problems/validation-failed',
      'timeZone',
    );
    expect(await userRow(member.user.id)).toMatchObject({ role: 'member', managerId: null, timeZone: 'Europe/Berlin' });
    expect((await userRow(t.owner.user.id)).name).toBe('Olivia Owner');
  });

  it('deactivating a person ends their sessions at once; reactivating lets them back in', async () => {
    const member = await addPerson(t.owner.client);
    const laptop = new Client(t.server.url);
    expectStatus(await laptop.post('/api/auth/sign-in/email', { email: member.user.email, password: member.password }), 200);
    expectStatus(await member.client.get('/api/v1/me'), 200);

    const off = await t.owner.client.patch(`/api/v1/users/${member.user.id}`, { active: false });
    expectStatus(off, 200);
    expect(off.body.active).toBe(false);
    expect((await userRow(member.user.id)).deactivatedAt).toBeInstanceOf(Date);
    expect(await engine().db.select().from(sessions).where(eq(sessions.userId, member.user.id))).toEqual([]);
    expectProblem(await member.client.get('/api/v1/me'), 401, '/problems/unauthenticated');
    expectProblem(await laptop.get('/api/v1/teams'), 401, '/problems/unauthenticated');
    // Signing in again gets them nowhere.
    const retry = new Client(t.server.url);
    const refused = await retry.post('/api/auth/sign-in/email', { email: member.user.email, password: member.password });
    expectProblem(refused, 403, '/problems/forbidden');
    expect(refused.body.detail).toContain('deactivated');
    expect(await engine().db.select().from(sessions).where(eq(sessions.userId, member.user.id))).toEqual([]);
    expectProblem(await retry.get('/api/v1/me'), 401, '/problems/unauthenticated');

    expectStatus(await t.owner.client.patch(`/api/v1/users/${member.user.id}`, { active: true }), 200);
    const back = new Client(t.server.url);
    expectStatus(await back.post('/api/auth/sign-in/email', { email: member.user.email, password: member.password }), 200);
    expectStatus(await back.get('/api/v1/me'), 200);
  });

  it("changing one's own password: rules and wrong current password name the field; other sessions end; the new password signs in", async () => {
    const member = await addPerson(t.owner.client);
    const laptop = new Client(t.server.url);
    expectStatus(await laptop.post('/api/auth/sign-in/email', { email: member.user.email, password: member.password }), 200);
    const put = (body: object, client = member.client) => client.put('/api/v1/me/password', body);

    expectProblem(await put({ currentPassword: member.password, newPassword: 'short' }), 400, '/problems/validation-failed', 'newPassword');
    expectProblem(
      await put({ currentPassword: member.password, newPassword: ' padded-password ' }),
      400,
      '/problems/validation-failed',
      'newPassword',
    );
    expectProblem(
      await put({ currentPassword: member.password, newPassword: member.password }),
      422,
      '/problems/validation-failed',
      'newPassword',
    );
    expectProblem(
      await put({ currentPassword: 'not-my-password', newPassword: 'a-brand-new-password' }),
      422,
      '/problems/validation-failed',
      'currentPassword',
    );
    const token = (await member.client.post('/api/v1/tokens', { name: 'script', scopes: ['read', 'write:okrs'] })).body.token as string;
    expectProblem(
      await put({ currentPassword: member.password, newPassword: 'a-brand-new-password' }, member.client.withToken(token)),
      403,
      '/problems/forbidden',
    );
    expectStatus(await laptop.get('/api/v1/me'), 200); // nothing changed so far

    expectStatus(await put({ currentPassword: member.password, newPassword: 'a-brand-new-password' }), 204);
    expectStatus(await member.client.get('/api/v1/me'), 200); // this browser keeps a (new) session
    expectProblem(await laptop.get('/api/v1/me'), 401, '/problems/unauthenticated');
    expect(
      (await new Client(t.server.url).post('/api/auth/sign-in/email', { email: member.user.email, password: member.password })).status,
    ).toBe(401);
    expectStatus(
      await new Client(t.server.url).post('/api/auth/sign-in/email', { email: member.user.email, password: 'a-brand-new-password' }),
      200,
    );
    const audit = await engine()
      .db.select({ action: activities.action, actorId: activities.actorId })
      .from(activities)
      .where(eq(activities.entityId, member.user.id));
    expect(audit).toContainEqual({ action: 'user.password-changed', actorId: member.user.id });
  });

  it('nobody can deactivate themselves', async () => {
    const admin = await addPerson(t.owner.client, { role: 'admin' });
    expectProblem(await admin.client.patch(`/api/v1/users/${admin.user.id}`, { active: false }), 403, '/problems/forbidden');
    expect((await userRow(admin.user.id)).deactivatedAt).toBeNull();
    expectStatus(await admin.client.get('/api/v1/me'), 200);
  });

  it('organisation settings: everyone reads, owners and admins change', async () => {
    const member = await addPerson(t.owner.client);
    expect((await member.client.get('/api/v1/organization')).body).toMatchObject({ name: 'Acme' });
    expectProblem(await member.client.patch('/api/v1/organization', { name: 'Mine' }), 403, '/problems/forbidden');
    const renamed = await t.owner.client.patch('/api/v1/organization', { name: 'Acme Two', timeZone: 'Asia/Tokyo' });
    expectStatus(renamed, 200);
    expect(renamed.body).toMatchObject({ name: 'Acme Two', timeZone: 'Asia/Tokyo' });
    expect((await member.client.get('/api/v1/me')).body.organization).toMatchObject({ name: 'Acme Two', timeZone: 'Asia/Tokyo' });
  });

  it('an empty organisation PATCH answers 200 with the organisation unchanged, and records nothing', async () => {
    const before = (await t.owner.client.get('/api/v1/organization')).body;
    const response = await t.owner.client.patch('/api/v1/organization', {});
    expectStatus(response, 200);
    expect(response.body).toEqual(before);
    const audit = await engine().db.select().from(activities).where(eq(activities.action, 'organization.updated'));
    expect(audit).toEqual([]);
    const member = await addPerson(t.owner.client);
    expectProblem(await member.client.patch('/api/v1/organization', {}), 403, '/problems/forbidden');
  });

  it('refuses a password from the list of common passwords, saying why, on the API', async () => {
    const member = await addPerson(t.owner.client);
    for (const newPassword of ['1234567890', 'Password123', 'QWERTYUIOP']) {
      const refused = await member.client.put('/api/v1/me/password', { currentPassword: member.password, newPassword });
      const problem = expectProblem(refused, 400, '/problems/validation-failed', 'newPassword');
      expect(JSON.stringify(problem)).toMatch(/common passwords/);
    }
    const invited = await t.owner.client.post('/api/v1/invitations', { email: uniqueEmail() });
    const accept = await new Client(t.server.url).post('/api/v1/invitations/accept', {
      token: invited.body.link.slice(invited.body.link.lastIndexOf('/') + 1),
      name: 'Weak Willy',
      password: 'iloveyou123',
    });
    expectProblem(accept, 400, '/problems/validation-failed', 'password');
  });

  it('GET /me and the people views carry what the caller may do', async () => {
    const admin = await addPerson(t.owner.client, { role: 'admin' });
    const member = await addPerson(t.owner.client);
    const everything = {
      manageOrganization: true,
      managePeople: true,
      invite: true,
      manageTeams: true,
      manageCycles: true,
      managePrinciples: true,
      manageRhythm: true,
      runJobs: true,
      manageSurveys: true,
      manageRollout: true,
      readAdoption: true,
      importData: true,
      readAudit: true,
      manageServiceTokens: true,
    };
    const { placeObjectives: adminPlaces, ...adminCan } = (await admin.client.get('/api/v1/me')).body.can;
    expect(adminCan).toEqual(everything);
    expect(adminPlaces).toEqual({ companyLevel: true, anyTeam: true, teamIds: [], leadTeamIds: [] });
    const memberMe = (await member.client.get('/api/v1/me')).body;
    const { placeObjectives: memberPlaces, ...memberCan } = memberMe.can;
    expect(memberCan).toEqual(Object.fromEntries(Object.keys(everything).map((k) => [k, false])));
    expect(memberPlaces).toEqual({ companyLevel: false, anyTeam: false, teamIds: [], leadTeamIds: [] });
    expect(memberMe.user.can).toEqual({ edit: true, changeRole: false, deactivate: false });
    // An admin manages members but not the owner; nobody deactivates themselves.
    expect((await admin.client.get(`/api/v1/users/${member.user.id}`)).body.can).toEqual({
      edit: true,
      changeRole: true,
      deactivate: true,
    });
    expect((await admin.client.get(`/api/v1/users/${t.owner.user.id}`)).body.can).toEqual({
      edit: true,
      changeRole: false,
      deactivate: false,
    });
    const people = (await t.owner.client.get('/api/v1/users')).body as { id: string; can: { deactivate: boolean } }[];
    expect(people.find((p) => p.id === t.owner.user.id)!.can.deactivate).toBe(false);
    expect(people.find((p) => p.id === admin.user.id)!.can.deactivate).toBe(true);
  });
});
