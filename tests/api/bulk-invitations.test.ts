import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { teamMembers } from '../../src/db/schema/index.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, PASSWORD, tokenOfLink, useOrganization } from '../support/fixtures.js';

interface BulkResult {
  row: number;
  email: string;
  outcome: string;
  invitation?: { id: string; link: string; teamId: string | null; role: string; teamRole: string; name: string | null };
}

describeEachEngine('bulk invitations', (engine) => {
  const t = useOrganization(engine);
  const bulk = async (body: object, client = t.owner.client) => {
    const response = await client.post('/api/v1/invitations/bulk', body);
    expectStatus(response, 200);
    return response.body as { created: number; results: BulkResult[] };
  };

  it('invites from a CSV with a result per row: created, already a member, invalid e-mail, unknown team, duplicate', async () => {
    const support = await createTeam(t.owner.client, { name: 'Support' });
    const member = await addPerson(t.owner.client, { email: 'member@example.test' });
    const csv = [
      'Name,E-mail,Team,Role,Lead',
      'Ada Lovelace,ada@example.test,support,member,yes',
      'Bob Admin,bob@example.test,,admin,no',
      `Already Here,${member.user.email},,,`,
      'Broken,not-an-email,,,',
      'Lost,lost@example.test,Marketing,,',
      'Ada Again,ADA@example.test,,,',
    ].join('\n');
    const answer = await bulk({ csv });
    expect(answer.created).toBe(2);
    expect(answer.results.map((r) => [r.row, r.email, r.outcome])).toEqual([
      [1, 'ada@example.test', 'created'],
      [2, 'bob@example.test', 'created'],
      [3, 'member@example.test', 'already_member'],
      [4, 'not-an-email', 'invalid_email'],
      [5, 'lost@example.test', 'unknown_team'],
      [6, 'ada@example.test', 'duplicate'],
    ]);
    expect(answer.results[0]!.invitation).toMatchObject({ teamId: support.id, role: 'member', teamRole: 'lead', name: 'Ada Lovelace' });
    expect(answer.results[1]!.invitation).toMatchObject({ teamId: null, role: 'admin', teamRole: 'member' });

    const pending = await t.owner.client.get('/api/v1/invitations');
    expect(pending.body.map((i: { email: string }) => i.email).sort()).toEqual(['ada@example.test', 'bob@example.test']);

    // Ada joins as lead of Support, in the organisation's time zone, with her name offered on the form.
    const link = answer.results[0]!.invitation!.link;
    const ada = new Client(t.server.url);
    expect((await ada.get(`/api/v1/invitations/by-token/${tokenOfLink(link)}`)).body).toMatchObject({ name: 'Ada Lovelace' });
    expectStatus(await t.owner.client.patch('/api/v1/organization', { timeZone: 'Europe/Paris' }), 200);
    const joined = await ada.post('/api/v1/invitations/accept', { token: tokenOfLink(link), name: 'Ada Lovelace', password: PASSWORD });
    expectStatus(joined, 201);
    expect(joined.body.timeZone).toBe('Europe/Paris');
    const rows = await engine().db.select().from(teamMembers).where(eq(teamMembers.teamId, support.id));
    expect(rows.map((r) => [r.userId, r.role])).toEqual([[joined.body.id, 'lead']]);
  });

  it('invites a pasted list of e-mails, and a pending invitation gives its link again (the same link)', async () => {
    const answer = await bulk({ rows: [{ email: 'one@example.test' }, { email: 'two@example.test' }, { email: 'three' }] });
    expect(answer.results.map((r) => r.outcome)).toEqual(['created', 'created', 'invalid_email']);
    const first = answer.results[0]!.invitation!;
    const again = await t.owner.client.post(`/api/v1/invitations/${first.id}/link`);
    expectStatus(again, 200);
    expect(again.body.link).toBe(first.link);
    expectStatus(await new Client(t.server.url).get(`/api/v1/invitations/by-token/${tokenOfLink(again.body.link)}`), 200);
  });

  it('is for owners and admins only, refuses an empty list, and a revoked invitation has no link', async () => {
    const member = await addPerson(t.owner.client);
    expectProblem(
      await member.client.post('/api/v1/invitations/bulk', { rows: [{ email: 'x@example.test' }] }),
      403,
      '/problems/forbidden',
    );
    expectProblem(await t.owner.client.post('/api/v1/invitations/bulk', { rows: [] }), 422, '/problems/validation-failed', 'rows');
    expectProblem(await t.owner.client.post('/api/v1/invitations/bulk', {}), 400, '/problems/validation-failed', 'csv');
    const { results } = await bulk({ rows: [{ email: 'gone@example.test' }] });
    const id = results[0]!.invitation!.id;
    expectStatus(await t.owner.client.delete(`/api/v1/invitations/${id}`), 204);
    expectProblem(await t.owner.client.post(`/api/v1/invitations/${id}/link`), 404, '/problems/not-found');
    expectProblem(await member.client.post(`/api/v1/invitations/${id}/link`), 403, '/problems/forbidden');
  });
});
