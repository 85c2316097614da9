import { expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectStatus, useOrganization } from '../support/fixtures.js';

interface Entry {
  seq: number;
  action: string;
  actor: { id: string | null; name: string };
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** Sign-ins, failed sign-ins and sign-outs enter the organisation's hash-chained audit log. */
describeEachEngine('sign-in events in the audit log', (engine) => {
  const t = useOrganization(engine);
  const signIn = (email: string, password: string) => new Client(t.server.url).post('/api/auth/sign-in/email', { email, password });
  const entriesOf = async (userId: string) => {
    const response = await t.owner.client.get('/api/v1/audit?action=user.sign&limit=1000');
    expectStatus(response, 200);
    return (response.body as Entry[]).filter((e) => e.targetId === userId).reverse();
  };

  it('records a failed and a good sign-in with the address, then the sign-out, and the chain verifies', async () => {
    const member = await addPerson(t.owner.client, { name: 'Mia Member' });
    expect((await signIn(member.user.email, 'not the password')).status).toBe(401);
    const laptop = new Client(t.server.url);
    expectStatus(await laptop.post('/api/auth/sign-in/email', { email: member.user.email, password: member.password }), 200);
    expectStatus(await laptop.post('/api/auth/sign-out', {}), 200);

    const entries = await entriesOf(member.user.id);
    expect(entries.map((e) => e.action)).toEqual(['user.sign-in-failed', 'user.signed-in', 'user.signed-out']);
    expect(entries[0]).toMatchObject({ actor: { id: member.user.id, name: 'Mia Member' }, details: { reason: 'failed' } });
    expect(entries.every((e) => e.ip === '127.0.0.1')).toBe(true);
    const verdict = await t.owner.client.post('/api/v1/audit/verify');
    expect(verdict.body).toMatchObject({ ok: true });
  });

  it('records a deactivated person turned away, and nothing for an address nobody has', async () => {
    const member = await addPerson(t.owner.client);
    expectStatus(await t.owner.client.patch(`/api/v1/users/${member.user.id}`, { active: false }), 200);
    expect((await signIn(member.user.email, member.password)).status).toBe(403);
    expect((await entriesOf(member.user.id)).map((e) => [e.action, e.details.reason])).toEqual([['user.sign-in-failed', 'refused']]);

    const before = (await t.owner.client.get('/api/v1/audit?limit=1000')).body as Entry[];
    expect((await signIn('nobody@example.test', 'whatever password')).status).toBe(401);
    expect(((await t.owner.client.get('/api/v1/audit?limit=1000')).body as Entry[]).length).toBe(before.length);
  });
});
