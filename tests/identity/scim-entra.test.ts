import { expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus, uniqueEmail, useOrganization } from '../support/fixtures.js';
import {
  connectIdentityProvider,
  expectScimError,
  filterPath,
  GROUP_SCHEMA,
  memberIdsOf,
  personByEmail,
  USER_SCHEMA,
} from './scim-support.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/**
 * The requests Microsoft Entra's SCIM validator sends ("Develop a sample SCIM endpoint", its user and group
 * operations), in its order and with its bodies: capitalised `Replace`, string booleans, filtered paths, `$ref: null`.
 */
describeEachEngine('SCIM provisioning as Microsoft Entra sends it', (engine) => {
  const t = useOrganization(engine);

  it('finds no user, creates one, finds it by userName, then changes e-mail, names and userName with Replace', async () => {
    const entra = await connectIdentityProvider(t.server.url, t.owner.client, 'Microsoft Entra');
    const email = uniqueEmail('entra');
    const empty = await entra.get(filterPath('Users', 'userName', email));
    expectStatus(empty, 200);
    expect(empty.body).toMatchObject({ schemas: [LIST], totalResults: 0, Resources: [] });

    const created = await entra.post('/Users', {
      schemas: [USER_SCHEMA, ENTERPRISE],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: email,
      active: true,
      emails: [{ primary: true, type: 'work', value: email }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Alan Turing', familyName: 'Turing', givenName: 'Alan' },
      roles: [],
      [ENTERPRISE]: { department: 'Research' },
    });
    expectStatus(created, 201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ userName: email, active: true, externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef' });
    expect(await personByEmail(engine().db, email)).toMatchObject({ id, name: 'Alan Turing', deactivatedAt: null });

    const found = await entra.get(filterPath('Users', 'userName', email));
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id, userName: email, active: true }] });

    // Entra's "Update User [Multi-valued properties]": the work e-mail and a name part, without userName.
    const moved = uniqueEmail('entra-mail');
    const patched = await entra.patch(`/Users/${id}`, [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: moved },
      { op: 'Replace', path: 'name.givenName', value: 'Alonzo' },
      { op: 'Replace', path: 'name.familyName', value: 'Church' },
    ]);
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({
      userName: moved,
      name: { givenName: 'Alonzo', familyName: 'Church' },
      emails: [{ value: moved }],
    });
    expect(await personByEmail(engine().db, moved)).toMatchObject({ id, name: 'Alonzo Church' });

    // "Update User [Single-valued properties]": userName alone moves the address too.
    const renamed = uniqueEmail('entra-upn');
    expectStatus(await entra.patch(`/Users/${id}`, [{ op: 'Replace', path: 'userName', value: renamed }]), 200);
    expect((await entra.get(`/Users/${id}`)).body).toMatchObject({ userName: renamed, emails: [{ value: renamed, type: 'work' }] });
    expect(await personByEmail(engine().db, renamed)).toMatchObject({ id });
  });

  it('Replace active "False" ends every session and token of the person at once; DELETE answers 204', async () => {
    const entra = await connectIdentityProvider(t.server.url, t.owner.client, 'Microsoft Entra');
    const pat = await addPerson(t.owner.client, { name: 'Pat Entra' });
    const token = await pat.client.post('/api/v1/tokens', { name: 'script', scopes: ['read'] });
    expectStatus(token, 201);
    const api = new Client(t.server.url, token.body.token);
    expectStatus(await api.get('/api/v1/teams'), 200);

    const id = (await entra.get(filterPath('Users', 'userName', pat.user.email))).body.Resources[0].id as string;
    const disabled = await entra.patch(`/Users/${id}`, [{ op: 'Replace', path: 'active', value: 'False' }]);
    expectStatus(disabled, 200);
    expect(disabled.body.active).toBe(false);
    expect((await personByEmail(engine().db, pat.user.email))!.deactivatedAt).toBeInstanceOf(Date);
    expectProblem(await pat.client.get('/api/v1/me'), 401, '/problems/unauthenticated');
    expectProblem(await api.get('/api/v1/teams'), 401, '/problems/unauthenticated');

    const removed = await entra.delete(`/Users/${id}`);
    expect(removed.status).toBe(204);
    expect((await entra.get(`/Users/${id}`)).body).toMatchObject({ id, active: false });
  });

  it('creates a group, renames it, adds and removes members as Entra writes them, and deletes it', async () => {
    const entra = await connectIdentityProvider(t.server.url, t.owner.client, 'Microsoft Entra');
    const ada = await addPerson(t.owner.client, { name: 'Ada Entra' });
    const bo = await addPerson(t.owner.client, { name: 'Bo Entra' });
    const orgId = (await personByEmail(engine().db, ada.user.email))!.orgId;

    const lookup = await entra.get(`${filterPath('Groups', 'displayName', 'Research')}&excludedAttributes=members`);
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [] });
    const group = await entra.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Research',
      meta: { resourceType: 'Group' },
    });
    expectStatus(group, 201);
    const id = group.body.id as string;
    const read = await entra.get(`/Groups/${id}?excludedAttributes=members`);
    expect(read.body).toMatchObject({ id, displayName: 'Research', externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159' });
    expect(read.body.members).toBeUndefined();
    const byName = await entra.get(`${filterPath('Groups', 'displayName', 'Research')}&excludedAttributes=members`);
    expect(byName.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });

    const renamed = await entra.patch(`/Groups/${id}`, [{ op: 'Replace', path: 'displayName', value: 'Research Lab' }]);
    expect([200, 204]).toContain(renamed.status);
    expect((await entra.get(`/Groups/${id}`)).body.displayName).toBe('Research Lab');

    const added = await entra.patch(`/Groups/${id}`, [
      {
        op: 'Add',
        path: 'members',
        value: [
          { $ref: null, value: ada.user.id },
          { $ref: null, value: bo.user.id },
        ],
      },
    ]);
    expect([200, 204], added.text).toContain(added.status);
    expect(await memberIdsOf(engine().db, orgId, id)).toEqual([ada.user.id, bo.user.id].sort());

    // Entra removes with path "members" and the values to take out, not with a filter.
    const removed = await entra.patch(`/Groups/${id}`, [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: ada.user.id }] }]);
    expect([200, 204], removed.text).toContain(removed.status);
    expect(await memberIdsOf(engine().db, orgId, id)).toEqual([bo.user.id]);

    expect((await entra.delete(`/Groups/${id}`)).status).toBe(204);
    expectScimError(await entra.get(`/Groups/${id}`), 404);
    const teams = await t.owner.client.get('/api/v1/teams');
    expect(teams.body.map((team: { id: string }) => team.id)).not.toContain(id);
  });
});
