import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus, uniqueEmail, useOrganization } from '../support/fixtures.js';
import {
  connectIdentityProvider,
  expectScimError,
  GROUP_SCHEMA,
  IdentityProvider,
  memberIdsOf,
  personByEmail,
  SCIM,
  USER_SCHEMA,
} from './scim-support.js';

/** What SCIM refuses, in SCIM's own error format (RFC 7644 §3.12), and that a refusal writes nothing. */
describeEachEngine('SCIM refusals', (engine) => {
  const t = useOrganization(engine);

  it('a missing, wrong or revoked token is a 401 SCIM error', async () => {
    const missing = await new Client(t.server.url).get(`${SCIM}/Users`);
    expectScimError(missing, 401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectScimError(await new IdentityProvider(t.server.url, 'cairn_scim_not-a-real-token').get('/Users'), 401);

    const issued = await t.owner.client.post('/api/v1/scim-tokens', { name: 'Entra' });
    expectStatus(issued, 201);
    const entra = new IdentityProvider(t.server.url, issued.body.token);
    expectStatus(await entra.get('/Users'), 200);
    expectStatus(await t.owner.client.delete(`/api/v1/scim-tokens/${issued.body.id}`), 204);
    expectScimError(await entra.get('/Users'), 401);
    expectScimError(await entra.post('/Users', { schemas: [USER_SCHEMA], userName: uniqueEmail('late') }), 401);
  });

  it('an unknown attribute, a bad filter or a bad PATCH is a 400 naming its scimType, and changes nothing', async () => {
    const entra = await connectIdentityProvider(t.server.url, t.owner.client);
    const email = uniqueEmail('steady');
    const created = await entra.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: email,
      name: { givenName: 'Rita', familyName: 'Steady' },
      active: true,
    });
    expectStatus(created, 201);
    const id = created.body.id as string;
    const before = (await entra.get(`/Users/${id}`)).body;
    const row = await personByEmail(engine().db, email);

    const stranger = uniqueEmail('stranger');
    expectScimError(await entra.post('/Users', { schemas: [USER_SCHEMA], userName: stranger, shoeSize: 9 }), 400, 'invalidSyntax');
    expect(await personByEmail(engine().db, stranger)).toBeUndefined();
    const put = { schemas: [USER_SCHEMA], userName: email, active: false, favouriteColour: 'blue' };
    expectScimError(await entra.put(`/Users/${id}`, put), 400, 'invalidSyntax');

    const patches: [unknown[], string][] = [
      [[{ op: 'Replace', path: 'favouriteColour', value: 'blue' }], 'invalidPath'],
      [[{ op: 'replace', value: { active: false, favouriteColour: 'blue' } }], 'invalidPath'],
      [[{ op: 'Frobnicate', path: 'active', value: false }], 'invalidSyntax'],
      [[{ op: 'Remove' }], 'noTarget'],
      [[{ op: 'Replace', path: 'active', value: 'maybe' }], 'invalidValue'],
      [[{ op: 'Replace', path: 'emails[type eq "work"', value: 'x@example.test' }], 'invalidPath'],
    ];
    for (const [operations, scimType] of patches) {
      expectScimError(await entra.patch(`/Users/${id}`, operations), 400, scimType);
    }
    expectScimError(
      await entra.send('PATCH', `/Users/${id}`, { Operations: [{ op: 'replace', path: 'active', value: false }] }),
      400,
      'invalidSyntax',
    );

    for (const filter of ['userName zz "x"', 'userName eq', '(userName eq "x"']) {
      expectScimError(await entra.get(`/Users?filter=${encodeURIComponent(filter)}`), 400, 'invalidFilter');
    }
    expectScimError(await entra.get('/Users?count=many'), 400, 'invalidValue');

    expect((await entra.get(`/Users/${id}`)).body).toEqual(before);
    expect(await personByEmail(engine().db, email)).toEqual(row);
  });

  it('a group naming someone from outside the organisation is refused whole', async () => {
    const entra = await connectIdentityProvider(t.server.url, t.owner.client);
    const group = await entra.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Steady team' });
    expectStatus(group, 201);
    const orgId = (await personByEmail(engine().db, t.owner.user.email))!.orgId;
    const added = await entra.patch(`/Groups/${group.body.id}`, [
      { op: 'Add', path: 'members', value: [{ value: t.owner.user.id }, { value: randomUUID() }] },
    ]);
    expectScimError(added, 400, 'invalidValue');
    expect(await memberIdsOf(engine().db, orgId, group.body.id)).toEqual([]);
    expectScimError(await entra.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Other', owner: 'me' }), 400, 'invalidSyntax');
  });
});
