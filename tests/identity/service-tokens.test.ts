import { expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus, useOrganization } from '../support/fixtures.js';

const API = '/api/v1';

describeEachEngine('Organisation service tokens', (engine) => {
  const t = useOrganization(engine);

  it('an admin issues one; every admin sees it with its owner and last use; members see nothing', async () => {
    const created = await t.owner.client.post(`${API}/service-tokens`, { name: 'BI export', scopes: ['read'], expiresInDays: 90 });
    expectStatus(created, 201);
    const other = await addPerson(t.owner.client, { role: 'admin', name: 'Ada Admin' });
    const member = await addPerson(t.owner.client);

    const before = await other.client.get(`${API}/service-tokens`);
    expectStatus(before, 200);
    expect(before.body).toEqual([
      expect.objectContaining({
        id: created.body.id,
        name: 'BI export',
        scopes: ['read'],
        lastUsedAt: null,
        owner: { id: t.owner.user.id, name: 'Olivia Owner' },
      }),
    ]);
    expectStatus(await new Client(t.server.url, created.body.token).get(`${API}/teams`), 200);
    const after = await other.client.get(`${API}/service-tokens`);
    expect(after.body[0].lastUsedAt).toEqual(expect.any(String));

    expectProblem(await member.client.get(`${API}/service-tokens`), 403, '/problems/forbidden');
    expectProblem(await member.client.post(`${API}/service-tokens`, { name: 'mine', scopes: ['read'] }), 403, '/problems/forbidden');
    // Not a personal token: the owner's own list leaves it out.
    expect((await t.owner.client.get(`${API}/tokens`)).body).toEqual([]);
  });

  it('another admin revokes it; it stops at once', async () => {
    const created = await t.owner.client.post(`${API}/service-tokens`, { name: 'Sync', scopes: ['read'] });
    const other = await addPerson(t.owner.client, { role: 'admin' });
    expectStatus(await other.client.delete(`${API}/service-tokens/${created.body.id}`), 204);
    expectProblem(await new Client(t.server.url, created.body.token).get(`${API}/teams`), 401, '/problems/unauthenticated');
    expectProblem(await other.client.delete(`${API}/service-tokens/${created.body.id}`), 404, '/problems/not-found');
  });

  it('stops working when its owner is no longer an admin', async () => {
    const admin = await addPerson(t.owner.client, { role: 'admin' });
    const created = await admin.client.post(`${API}/service-tokens`, { name: 'Sync', scopes: ['read'] });
    expectStatus(created, 201);
    const api = new Client(t.server.url, created.body.token);
    expectStatus(await api.get(`${API}/teams`), 200);
    expectStatus(await t.owner.client.patch(`${API}/users/${admin.user.id}`, { role: 'member' }), 200);
    expectProblem(await api.get(`${API}/teams`), 401, '/problems/unauthenticated');
  });
});
