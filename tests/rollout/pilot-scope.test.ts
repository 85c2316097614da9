import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { OkrApi, percent } from '../okrs/support.js';
import type { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, type Person } from '../support/fixtures.js';
import { API, MovableClock, runJobs, setUpRhythmWorld, startRhythmServer, type RhythmServer, type RhythmWorld } from '../rhythm/support.js';

/*
 * Platform (in the Engineering department) is in the pilot; Sales is not. Both check in weekly on Monday 10:00 Paris
 * (09:00 UTC); escalation is 48 h later; the digest goes on Wednesday 12:00 Paris.
 */
describeEachEngine('pilot scope: reminders, digests and the publish gate apply to the pilot only', (engine) => {
  const clock = new MovableClock('2025-02-14T12:00:00Z');
  let server: RhythmServer;
  let w: RhythmWorld;
  let sales: { id: string; lead: Person; member: Person };
  beforeAll(async () => {
    server = await startRhythmServer(engine().handle, clock);
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    await engine().reset();
    clock.set('2025-02-14T12:00:00Z');
    w = await setUpRhythmWorld(server.url);
    expectStatus(await w.owner.client.put(`${API}/organization/rhythm`, { digestDay: 3, digestHour: 12 }), 200);
    const engineering = await createTeam(w.owner.client, { name: 'Engineering', kind: 'department' });
    expectStatus(await w.owner.client.patch(`${API}/teams/${w.teamId}`, { parentId: engineering.id }), 200);
    const team = await createTeam(w.owner.client, { name: 'Sales' });
    const lead = await addPerson(w.owner.client, { name: 'Sol Lead', teamId: team.id });
    expectStatus(await w.owner.client.patch(`${API}/teams/${team.id}/members/${lead.user.id}`, { role: 'lead' }), 200);
    const member = await addPerson(w.owner.client, { name: 'Sam Seller', teamId: team.id });
    const objective = await w.api.createObjective({
      cycleId: (await w.api.objective(w.objectiveId)).cycleId,
      title: 'Win the north',
      teamId: team.id,
    });
    await w.api.createKeyResult(objective.id, { ...percent('Northern deals'), ownerId: member.user.id });
    await w.api.publish(objective.id);
    sales = { id: team.id, lead, member };
    // The department is chosen; Platform comes along as its sub-team.
    expectStatus(await w.owner.client.put(`${API}/rollout/pilot`, { teamIds: [engineering.id] }), 200);
  });

  const kinds = async (client: Client) => {
    const page = await client.get(`${API}/notifications`);
    expectStatus(page, 200);
    return (page.body.items as { kind: string }[]).map((n) => n.kind).sort();
  };

  it('reminds, escalates and sends digests to pilot teams only; the others still read everything', async () => {
    clock.set('2025-02-17T09:00:00Z');
    await runJobs(w.owner.client);
    expect(await kinds(w.member.client), 'Platform is reminded').toEqual(['reminder']);
    expect(await kinds(sales.member.client), 'Sales is not').toEqual([]);

    clock.set('2025-02-19T11:00:00Z');
    await runJobs(w.owner.client);
    expect(await kinds(w.lead.client), 'Platform’s lead: escalation and digest').toEqual(['digest', 'escalation']);
    expect(await kinds(sales.lead.client), 'Sales’s lead: nothing').toEqual([]);

    const read = await sales.member.client.get(`${API}/objectives/${w.objectiveId}`);
    expectStatus(read, 200);
  });

  it('reminds every team again once the pilot ends', async () => {
    expectStatus(await w.owner.client.put(`${API}/rollout/pilot`, { teamIds: [] }), 200);
    clock.set('2025-02-17T09:00:00Z');
    await runJobs(w.owner.client, ['reminders']);
    expect(await kinds(sales.member.client)).toEqual(['reminder']);
  });

  it('holds pilot teams to the publish gate and lets the others publish past it', async () => {
    const cycleId = (await w.api.objective(w.objectiveId)).cycleId;
    const api = new OkrApi(w.owner.client);
    // No key result: a blocking finding of the quality coach.
    const inPilot = await api.createObjective({ cycleId, title: 'Halve the build time', teamId: w.teamId });
    expectProblem(await w.owner.client.patch(`${API}/objectives/${inPilot.id}`, { status: 'active' }), 422, '/problems/quality-blocked');
    const outside = await api.createObjective({ cycleId, title: 'Open the Oslo office', teamId: sales.id });
    expect((await api.publish(outside.id)).status).toBe('active');
    const company = await api.createObjective({ cycleId, title: 'Grow revenue' });
    expectProblem(await w.owner.client.patch(`${API}/objectives/${company.id}`, { status: 'active' }), 422, '/problems/quality-blocked');
  });
});
