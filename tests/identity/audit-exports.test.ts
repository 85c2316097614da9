import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus, useOrganization } from '../support/fixtures.js';

/** Data leaving the organisation is audited: the whole-organisation export and the audit log's own CSV. */
describeEachEngine('exports in the audit log', (engine) => {
  const t = useOrganization(engine);
  const latest = async () => (await t.owner.client.get('/api/v1/audit?limit=1')).body[0];

  it('records who exported the organisation and who downloaded the audit log, with the filter', async () => {
    expectStatus(await t.owner.client.get('/api/v1/exports/organization'), 200);
    expect(await latest()).toMatchObject({
      action: 'organization.exported',
      actor: { id: t.owner.user.id, name: 'Olivia Owner' },
      targetType: 'organization',
    });

    expectStatus(await t.owner.client.get('/api/v1/audit/export?action=team.'), 200);
    expect(await latest()).toMatchObject({ action: 'audit.exported', details: { filter: { action: 'team.' } } });
    expect((await t.owner.client.post('/api/v1/audit/verify')).body).toMatchObject({ ok: true });

    // A member may do neither, and a refused attempt writes nothing.
    const member = await addPerson(t.owner.client);
    const before = (await latest()).seq;
    expectProblem(await member.client.get('/api/v1/audit/export'), 403, '/problems/forbidden');
    expect((await latest()).seq).toBe(before);
  });
});
