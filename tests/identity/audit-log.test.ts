import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEntries } from '../../src/db/schema/index.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, useOrganization } from '../support/fixtures.js';

const API = '/api/v1';

describeEachEngine('Hash-chained audit log', (engine) => {
  const t = useOrganization(engine);

  const seed = async () => {
    const member = await addPerson(t.owner.client, { name: 'Mia Member' });
    await createTeam(t.owner.client, { name: 'Platform' });
    expectStatus(await t.owner.client.patch(`${API}/users/${member.user.id}`, { role: 'admin' }), 200);
    expectStatus(await t.owner.client.post(`${API}/tokens`, { name: 'CI', scopes: ['read'] }), 201);
    return member;
  };
  const verify = async () => {
    const response = await t.owner.client.post(`${API}/audit/verify`);
    expectStatus(response, 200);
    return response.body;
  };

  it('records role, team and token changes, filters them, exports CSV and verifies an intact chain', async () => {
    const member = await seed();
    const all = await t.owner.client.get(`${API}/audit`);
    expectStatus(all, 200);
    const actions = all.body.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['invitation.created', 'team.created', 'user.updated', 'token.created']));
    expect(all.body.map((e: { seq: number }) => e.seq)).toEqual([...all.body.map((e: { seq: number }) => e.seq)].sort((a, b) => b - a));
    const roleChange = all.body.find(
      (e: { action: string; targetId: string }) => e.action === 'user.updated' && e.targetId === member.user.id,
    );
    expect(roleChange).toMatchObject({
      actor: { id: t.owner.user.id, name: 'Olivia Owner' },
      details: { role: { from: 'member', to: 'admin' } },
    });

    const tokens = await t.owner.client.get(`${API}/audit?action=token.`);
    expect(tokens.body.map((e: { action: string }) => e.action)).toEqual(['token.created']);
    const csv = await t.owner.client.get(`${API}/audit/export?action=team.`);
    expectStatus(csv, 200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('seq,at,actor_id,actor_name,action,target_type,target_id,details,ip,hash');
    expect(csv.text).toContain('team.created');

    // Downloading the CSV is itself audited (audit.exported): one entry more than was listed.
    expect(await verify()).toMatchObject({ ok: true, checked: all.body.length + 1, headSeq: all.body.length + 1 });
    const outsider = await addPerson(t.owner.client);
    expectProblem(await outsider.client.get(`${API}/audit`), 403, '/problems/forbidden');
  });

  it('names the entry changed directly in the database', async () => {
    await seed();
    const { db } = engine();
    const [victim] = await db.select().from(auditEntries).where(eq(auditEntries.action, 'team.created'));
    await db.update(auditEntries).set({ actorName: 'Somebody Else' }).where(eq(auditEntries.id, victim!.id));
    expect(await verify()).toMatchObject({
      ok: false,
      seq: victim!.seq,
      problem: 'altered',
      message: `Entry #${victim!.seq} was altered.`,
    });
  });

  it('names the entry deleted from the database, in the middle or at the end', async () => {
    await seed();
    const { db } = engine();
    const rows = await db.select().from(auditEntries);
    const middle = rows.find((r) => r.seq === 2)!;
    await db.delete(auditEntries).where(and(eq(auditEntries.orgId, middle.orgId), eq(auditEntries.seq, 2)));
    expect(await verify()).toMatchObject({ ok: false, seq: 2, problem: 'removed' });
    await db.insert(auditEntries).values(middle);
    expect(await verify()).toMatchObject({ ok: true });
    const head = Math.max(...rows.map((r) => r.seq));
    await db.delete(auditEntries).where(and(eq(auditEntries.orgId, middle.orgId), eq(auditEntries.seq, head)));
    expect(await verify()).toMatchObject({ ok: false, seq: head, problem: 'removed' });
  });

  it('a retention setting is itself audited and the chain still verifies', async () => {
    await seed();
    expectProblem(
      await t.owner.client.put(`${API}/audit/settings`, { retentionDays: 5 }),
      400,
      '/problems/validation-failed',
      'retentionDays',
    );
    const set = await t.owner.client.put(`${API}/audit/settings`, { retentionDays: 90 });
    expectStatus(set, 200);
    expect(set.body).toEqual({ retentionDays: 90, pruned: 0 });
    expect((await t.owner.client.get(`${API}/audit/settings`)).body).toEqual({ retentionDays: 90 });
    expect((await t.owner.client.get(`${API}/audit?action=audit.`)).body[0]).toMatchObject({ details: { retentionDays: 90 } });
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('a read-scoped token cannot read the audit log; an admin-scoped one can', async () => {
    const read = await t.owner.client.post(`${API}/tokens`, { name: 'r', scopes: ['read'] });
    const admin = await t.owner.client.post(`${API}/tokens`, { name: 'a', scopes: ['admin'] });
    expectProblem(await new Client(t.server.url, read.body.token).get(`${API}/audit`), 403, '/problems/forbidden', 'scope');
    expectStatus(await new Client(t.server.url, admin.body.token).get(`${API}/audit`), 200);
  });
});
