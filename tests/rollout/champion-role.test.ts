import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, uniqueEmail, useOrganization } from '../support/fixtures.js';
import { addChampion } from './support.js';

describeEachEngine('OKR champion role', (engine) => {
  const t = useOrganization(engine);

  it('sends each role its abilities with GET /me', async () => {
    const champion = await addChampion(t.owner.client);
    const admin = await addPerson(t.owner.client, { role: 'admin', name: 'Ada Admin' });
    const member = await addPerson(t.owner.client, { name: 'Mo Member' });
    const can = async (client: typeof member.client) => {
      const me = await client.get('/api/v1/me');
      expectStatus(me, 200);
      // Where objectives may be placed is tested with placement; here the yes/no abilities.
      const { placeObjectives: _places, ...abilities } = me.body.can;
      return abilities;
    };
    const programme = {
      manageCycles: true,
      managePrinciples: true,
      manageRhythm: true,
      manageSurveys: true,
      manageRollout: true,
      readAdoption: true,
      importData: true,
    };
    const administration = {
      manageOrganization: true,
      managePeople: true,
      invite: true,
      manageTeams: true,
      runJobs: true,
      readAudit: true,
      manageServiceTokens: true,
    };
    const none = (o: Record<string, boolean>) => Object.fromEntries(Object.keys(o).map((k) => [k, false]));
    expect(await can(t.owner.client)).toEqual({ ...programme, ...administration });
    expect(await can(admin.client)).toEqual({ ...programme, ...administration });
    expect(await can(champion.client)).toEqual({ ...programme, ...none(administration) });
    expect(await can(member.client)).toEqual({ ...none(programme), ...none(administration) });
  });

  it('lets a champion run principles, rhythm, status margins and cycles', async () => {
    const champion = await addChampion(t.owner.client);
    expectStatus(await champion.client.put('/api/v1/organization/rhythm', { updateWithinHours: 30 }), 200);
    expectStatus(await champion.client.put('/api/v1/organization/status-margins', { onTrackMargin: 0.1, atRiskMargin: 0.25 }), 200);
    expectStatus(await champion.client.put('/api/v1/organization/principles', { maxKeyResults: 4 }), 200);
    expectStatus(await champion.client.post('/api/v1/cycles', { name: 'Q1', startDate: '2027-01-01', endDate: '2027-03-31' }), 201);
    expectStatus(
      await champion.client.post('/api/v1/surveys', { title: 'Pulse', scope: 'everyone', questions: [{ kind: 'scale', text: 'Clear?' }] }),
      201,
    );
  });

  it('refuses a champion people, roles, teams, tokens of others, jobs and organisation settings', async () => {
    const champion = await addChampion(t.owner.client);
    const member = await addPerson(t.owner.client, { name: 'Mo Member' });
    expectProblem(await champion.client.post('/api/v1/invitations', { email: uniqueEmail() }), 403, '/problems/forbidden');
    expectProblem(await champion.client.patch(`/api/v1/users/${member.user.id}`, { role: 'champion' }), 403, '/problems/forbidden');
    expectProblem(await champion.client.patch(`/api/v1/users/${champion.user.id}`, { role: 'admin' }), 403, '/problems/forbidden');
    expectProblem(await champion.client.post('/api/v1/teams', { name: 'Skunkworks' }), 403, '/problems/forbidden');
    expectProblem(await champion.client.patch('/api/v1/organization', { name: 'Renamed' }), 403, '/problems/forbidden');
    expectProblem(await champion.client.get('/api/v1/admin/outbox'), 403, '/problems/forbidden');
  });

  it('refuses a member the programme', async () => {
    const member = await addPerson(t.owner.client, { name: 'Mo Member' });
    expectProblem(await member.client.put('/api/v1/organization/rhythm', { updateWithinHours: 30 }), 403, '/problems/forbidden');
    expectProblem(
      await member.client.post('/api/v1/cycles', { name: 'Q1', startDate: '2027-01-01', endDate: '2027-03-31' }),
      403,
      '/problems/forbidden',
    );
    expectProblem(
      await member.client.post('/api/v1/surveys', { title: 'Pulse', scope: 'everyone', questions: [{ kind: 'scale', text: 'Clear?' }] }),
      403,
      '/problems/forbidden',
    );
  });

  it('shows everyone who the OKR champions are', async () => {
    const team = await createTeam(t.owner.client, { name: 'Sales' });
    await addChampion(t.owner.client, 'Chris Champion', team.id);
    const member = await addPerson(t.owner.client, { name: 'Mo Member' });
    const contacts = await member.client.get('/api/v1/champions');
    expectStatus(contacts, 200);
    expect(contacts.body.map((c: { name: string }) => c.name)).toEqual(['Chris Champion']);
    expect(contacts.body[0]).toHaveProperty('email');
  });
});
