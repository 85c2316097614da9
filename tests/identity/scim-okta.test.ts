import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts } from '../../src/db/schema/index.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus, uniqueEmail, useOrganization } from '../support/fixtures.js';
import {
  connectIdentityProvider,
  filterPath,
  GROUP_SCHEMA,
  memberIdsOf,
  personByEmail,
  scimAuditActions,
  USER_SCHEMA,
} from './scim-support.js';

/** The requests Okta's SCIM 2.0 guide documents, in its order, with its bodies. */
describeEachEngine('SCIM provisioning as Okta sends it', (engine) => {
  const t = useOrganization(engine);
  const orgId = async () => (await personByEmail(engine().db, t.owner.user.email))!.orgId;

  it('looks a user up, creates them, reads them back, then deactivates them with replace {active:false}', async () => {
    const okta = await connectIdentityProvider(t.server.url, t.owner.client);
    const email = uniqueEmail('okta');
    const lookup = await okta.get(`${filterPath('Users', 'userName', email)}&startIndex=1&count=100`);
    expectStatus(lookup, 200);
    expect(lookup.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [], startIndex: 1 });

    const created = await okta.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: email,
      name: { givenName: 'Grace', familyName: 'Hopper' },
      emails: [{ primary: true, value: email, type: 'work' }],
      displayName: 'Grace Hopper',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({
      userName: email,
      active: true,
      externalId: '00ujl29u0le5T6Aj10h7',
      name: { givenName: 'Grace', familyName: 'Hopper' },
    });
    expect(created.headers.get('location')).toBe(`/scim/v2/Users/${created.body.id}`);
    const person = await personByEmail(engine().db, email);
    expect(person).toMatchObject({ id: created.body.id, orgId: await orgId(), name: 'Grace Hopper', role: 'member', deactivatedAt: null });
    // No password: the person signs in through SSO or sets one with "Forgot password".
    expect(await engine().db.select().from(accounts).where(eq(accounts.userId, person!.id))).toEqual([]);

    const read = await okta.get(`/Users/${created.body.id}`);
    expectStatus(read, 200);
    expect(read.body).toMatchObject({ id: created.body.id, userName: email, emails: [{ value: email, primary: true }] });
    expect((await okta.get(filterPath('Users', 'userName', email))).body).toMatchObject({
      totalResults: 1,
      Resources: [{ id: created.body.id }],
    });

    const patched = await okta.patch(`/Users/${created.body.id}`, [{ op: 'replace', value: { active: false } }]);
    expectStatus(patched, 200);
    expect(patched.body.active).toBe(false);
    expect((await personByEmail(engine().db, email))!.deactivatedAt).toBeInstanceOf(Date);
    expect(await scimAuditActions(engine().db, await orgId())).toEqual(expect.arrayContaining(['scim.user-created', 'user.updated']));
  });

  it('deactivating someone ends their session and API token at once; reactivating lets them sign in again', async () => {
    const okta = await connectIdentityProvider(t.server.url, t.owner.client);
    const pat = await addPerson(t.owner.client, { name: 'Pat Person' });
    const token = await pat.client.post('/api/v1/tokens', { name: 'script', scopes: ['read'] });
    expectStatus(token, 201);
    const api = new Client(t.server.url, token.body.token);
    expectStatus(await pat.client.get('/api/v1/me'), 200);
    expectStatus(await api.get('/api/v1/teams'), 200);

    const found = await okta.get(filterPath('Users', 'userName', pat.user.email));
    expect(found.body.totalResults).toBe(1);
    const id = found.body.Resources[0].id;
    expectStatus(await okta.patch(`/Users/${id}`, [{ op: 'replace', value: { active: false } }]), 200);

    expectProblem(await pat.client.get('/api/v1/me'), 401, '/problems/unauthenticated');
    expectProblem(await api.get('/api/v1/teams'), 401, '/problems/unauthenticated');
    const signIn = () => new Client(t.server.url).post('/api/auth/sign-in/email', { email: pat.user.email, password: pat.password });
    expect((await signIn()).status).not.toBe(200);

    expectStatus(await okta.patch(`/Users/${id}`, [{ op: 'replace', value: { active: true } }]), 200);
    expectStatus(await signIn(), 200);
    // The token was revoked for good: reactivation does not revive it.
    expectProblem(await api.get('/api/v1/teams'), 401, '/problems/unauthenticated');
  });

  it('pushes a group and its membership changes: the team follows', async () => {
    const okta = await connectIdentityProvider(t.server.url, t.owner.client);
    const ada = await addPerson(t.owner.client, { name: 'Ada Member' });
    const bo = await addPerson(t.owner.client, { name: 'Bo Member' });

    const lookup = await okta.get(filterPath('Groups', 'displayName', 'Platform'));
    expect(lookup.body.totalResults).toBe(0);
    const group = await okta.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Platform', members: [] });
    expectStatus(group, 201);
    const teamId = group.body.id;
    const teams = await t.owner.client.get('/api/v1/teams');
    expect(teams.body.map((team: { name: string }) => team.name)).toContain('Platform');

    const add = await okta.patch(`/Groups/${teamId}`, [
      {
        op: 'add',
        path: 'members',
        value: [
          { value: ada.user.id, display: ada.user.email },
          { value: bo.user.id, display: bo.user.email },
        ],
      },
    ]);
    expectStatus(add, 200);
    expect(await memberIdsOf(engine().db, await orgId(), teamId)).toEqual([ada.user.id, bo.user.id].sort());

    expectStatus(await okta.patch(`/Groups/${teamId}`, [{ op: 'remove', path: `members[value eq "${ada.user.id}"]` }]), 200);
    expect(await memberIdsOf(engine().db, await orgId(), teamId)).toEqual([bo.user.id]);

    // Okta renames a group with a path-less replace carrying its id.
    const renamed = await okta.patch(`/Groups/${teamId}`, [{ op: 'replace', value: { id: teamId, displayName: 'Platform Team' } }]);
    expectStatus(renamed, 200);
    expect((await okta.get(`/Groups/${teamId}`)).body).toMatchObject({ displayName: 'Platform Team', members: [{ value: bo.user.id }] });
    expect(await scimAuditActions(engine().db, await orgId())).toEqual(
      expect.arrayContaining(['team.created', 'team.member-set', 'team.member-removed', 'team.updated']),
    );
  });
});
