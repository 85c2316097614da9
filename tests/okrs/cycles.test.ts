import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { cycles, teams } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, setUpOrganization, type Person } from '../support/fixtures.js';
import type { TestServer } from '../support/server.js';
import { API, MISSING_ID, OkrApi, percent, Q1, startClockedServer, TestClock, type CycleView } from './support.js';

describeEachEngine('OKR cycles', (engine) => {
  const clock = new TestClock('2025-02-15');
  let server: TestServer;
  let owner: Person;
  let api: OkrApi;
  beforeAll(async () => {
    server = await startClockedServer(engine().handle, clock);
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    await engine().reset();
    clock.setDay('2025-02-15');
    ({ owner } = await setUpOrganization(server.url));
    api = new OkrApi(owner.client);
  });

  const storedCycles = () => engine().db.select().from(cycles);

  it('creates a cycle, shows it and lists cycles oldest first', async () => {
    const q2 = await api.createCycle({ name: ' Q2 2025 ', startDate: '2025-04-01', endDate: '2025-06-30' });
    expect(q2).toEqual({
      id: expect.any(String),
      name: 'Q2 2025',
      startDate: '2025-04-01',
      endDate: '2025-06-30',
      status: 'planning',
      reviewOpensOn: null,
      closedAt: null,
      closedEarly: false,
      archived: false,
    });
    const q1 = await api.createCycle({ ...Q1, status: 'active' });
    expect(q1.status).toBe('active');
    // A one-day cycle is fine: it ends on the day it starts (after Q2: cycles may not overlap).
    await api.createCycle({ name: 'Offsite', startDate: '2025-07-05', endDate: '2025-07-05' });

    const list = await owner.client.get<CycleView[]>(`${API}/cycles`);
    expectStatus(list, 200);
    expect(list.body.map((c) => c.name)).toEqual(['Q1 2025', 'Q2 2025', 'Offsite']);
    const one = await api.cycle(q2.id);
    expect(one).toMatchObject({ ...q2, summary: { objectives: 0, keyResults: 0 } });
    expect(await storedCycles()).toHaveLength(3);
  });

  it('refuses an endDate before the startDate (422 naming endDate) and saves nothing', async () => {
    expectProblem(
      await owner.client.post(`${API}/cycles`, { name: 'Backwards', startDate: '2025-04-01', endDate: '2025-03-31' }),
      422,
      '/problems/validation-failed',
      'endDate',
    );
    expect(await storedCycles()).toEqual([]);
    // Malformed dates and names are the schema's (400), also naming the field.
    expectProblem(
      await owner.client.post(`${API}/cycles`, { name: 'Bad', startDate: '2025-02-30', endDate: '2025-03-31' }),
      400,
      '/problems/validation-failed',
      'startDate',
    );
    expectProblem(
      await owner.client.post(`${API}/cycles`, { name: '', startDate: '2025-01-01', endDate: '2025-03-31' }),
      400,
      '/problems/validation-failed',
      'name',
    );
    expectProblem(await owner.client.post(`${API}/cycles`, { ...Q1, status: 'closed' }), 400, '/problems/validation-failed', 'status');
    expect(await storedCycles()).toEqual([]);

    // Moving an existing cycle's end before its start is refused the same way.
    const q1 = await api.createCycle(Q1);
    expectProblem(
      await owner.client.patch(`${API}/cycles/${q1.id}`, { endDate: '2024-12-31' }),
      422,
      '/problems/validation-failed',
      'endDate',
    );
    expectProblem(
      await owner.client.patch(`${API}/cycles/${q1.id}`, { startDate: '2025-04-01' }),
      422,
      '/problems/validation-failed',
      'endDate',
    );
    expect((await storedCycles()).map((c) => [c.startDate, c.endDate])).toEqual([[Q1.startDate, Q1.endDate]]);
  });

  it('generates the four quarters of a year with the right dates, and again creates nothing', async () => {
    const first = await owner.client.post<CycleView[]>(`${API}/cycles/generate`, { year: 2028 });
    expectStatus(first, 201);
    expect(first.body.map((c) => [c.name, c.startDate, c.endDate, c.status])).toEqual([
      ['Q1 2028', '2028-01-01', '2028-03-31', 'planning'],
      ['Q2 2028', '2028-04-01', '2028-06-30', 'planning'],
      ['Q3 2028', '2028-07-01', '2028-09-30', 'planning'],
      ['Q4 2028', '2028-10-01', '2028-12-31', 'planning'],
    ]);
    const again = await owner.client.post<CycleView[]>(`${API}/cycles/generate`, { year: 2028 });
    expectStatus(again, 201);
    expect(again.body).toEqual([]);
    expect(await storedCycles()).toHaveLength(4);

    // A quarter that already exists by name is skipped, the others are created.
    await api.createCycle({ name: 'Q3 2029', startDate: '2029-07-01', endDate: '2029-09-30', status: 'active' });
    const partial = await owner.client.post<CycleView[]>(`${API}/cycles/generate`, { year: 2029 });
    expect(partial.body.map((c) => c.name)).toEqual(['Q1 2029', 'Q2 2029', 'Q4 2029']);
    expect(await storedCycles()).toHaveLength(8);

    expectProblem(await owner.client.post(`${API}/cycles/generate`, { year: 1999 }), 400, '/problems/validation-failed', 'year');
    expectProblem(await owner.client.post(`${API}/cycles/generate`, { year: 2030.5 }), 400, '/problems/validation-failed', 'year');
    expect(await storedCycles()).toHaveLength(8);
  });

  it('a member cannot create, generate or change cycles (403), but can read them', async () => {
    const member = await addPerson(owner.client);
    const q1 = await api.createCycle(Q1);
    expectProblem(
      await member.client.post(`${API}/cycles`, { name: 'Mine', startDate: '2025-04-01', endDate: '2025-06-30' }),
      403,
      '/problems/forbidden',
    );
    expectProblem(await member.client.post(`${API}/cycles/generate`, { year: 2027 }), 403, '/problems/forbidden');
    expectProblem(await member.client.patch(`${API}/cycles/${q1.id}`, { name: 'Renamed', status: 'closed' }), 403, '/problems/forbidden');
    expect((await storedCycles()).map((c) => [c.name, c.status])).toEqual([['Q1 2025', 'planning']]);
    expectStatus(await member.client.get(`${API}/cycles`), 200);
    expectStatus(await member.client.get(`${API}/cycles/${q1.id}`), 200);
  });

  it('GET /cycles/:id counts objectives, key results, statuses and stale key results at the clock', async () => {
    const q1 = await api.createCycle({ ...Q1, status: 'active' });
    const team = await createTeam(owner.client, { name: 'Platform' });
    // 2025-02-15 is day 45 of 90: expected progress 0.5, on track from 0.4, at risk from 0.25.
    const ahead = await api.objectiveAt({ cycleId: q1.id, title: 'Ahead', teamId: team.id }, 60, '2025-02-14');
    const behind = await api.objectiveAt({ cycleId: q1.id, title: 'Behind', teamId: team.id }, 30, '2025-02-01');
    const idle = await api.createObjective({ cycleId: q1.id, title: 'Idle' });
    await api.createKeyResult(idle.id, { title: 'Ship', kind: 'milestone', milestones: [{ title: 'One' }] });
    await api.createKeyResult(idle.id, { title: 'Roll-up', kind: 'rollup' });
    // Archived objectives are left out of the summary.
    await api.objectiveAt({ cycleId: q1.id, title: 'Archived', status: 'archived' }, 100, '2025-01-02');
    // Another cycle's objectives are not counted.
    const q2 = await api.createCycle({ name: 'Q2 2025', startDate: '2025-04-01', endDate: '2025-06-30' });
    await api.objectiveAt({ cycleId: q2.id, title: 'Next quarter' });

    const { summary } = await api.cycle(q1.id);
    expect(summary).toEqual({
      objectives: 3,
      keyResults: 4,
      averageProgress: expect.any(Number),
      expectedProgress: 0.5,
      // "Idle" is a draft: counted, but it has no status until it is published.
      byStatus: { on_track: 1, at_risk: 1, off_track: 0 },
      // "Behind" was last checked in 14 days ago; the never-checked-in milestone was created
      // today in real time, which is after the clock, so it is not late yet; roll-ups never are.
      staleKeyResults: 1,
      // Open: no final scores yet.
      scores: null,
    });
    expect(summary.averageProgress).toBeCloseTo((0.6 + 0.3 + 0) / 3, 12);
    expect((await api.objective(ahead.objective.id)).progressStatus).toBe('on_track');
    expect((await api.objective(behind.objective.id)).progressStatus).toBe('at_risk');
    expect((await api.objective(idle.id)).progressStatus, 'a draft has no status').toBeNull();

    // Ten days later everything checked in is stale, and the pace has moved on.
    clock.setDay('2025-02-25');
    const later = (await api.cycle(q1.id)).summary;
    expect(later.staleKeyResults).toBe(2);
    expect(later.expectedProgress).toBeCloseTo(55 / 90, 12);

    expectProblem(await owner.client.get(`${API}/cycles/${MISSING_ID}`), 404, '/problems/not-found');
    expect((await api.cycle(q2.id)).summary).toMatchObject({ objectives: 1, keyResults: 1, averageProgress: 0 });
    // The team still exists (nothing above deleted it).
    expect(await engine().db.select().from(teams).where(eq(teams.id, team.id))).toHaveLength(1);
  });

  it('closing a cycle stamps closedAt, and a closed cycle cannot be reopened or moved (409)', async () => {
    const q1 = await api.createCycle({ ...Q1, status: 'active' });
    const objective = await api.createObjective({ cycleId: q1.id, title: 'Grow' });
    await api.createKeyResult(objective.id, percent('Revenue'));
    const closed = await api.patchCycle(q1.id, { status: 'closed' });
    expect(closed.status).toBe('closed');
    expect(Date.parse(closed.closedAt ?? '')).not.toBeNaN();
    expectProblem(await owner.client.patch(`${API}/cycles/${q1.id}`, { status: 'active' }), 409, '/problems/conflict', 'status');
    expectProblem(await owner.client.patch(`${API}/cycles/${q1.id}`, { endDate: '2025-04-30' }), 409, '/problems/conflict', 'status');
    // Renaming is still fine.
    expect((await api.patchCycle(q1.id, { name: 'Q1 2025 (final)' })).name).toBe('Q1 2025 (final)');
    expect((await api.cycle(q1.id)).summary.staleKeyResults).toBe(0);
    // A closed cycle takes no new objectives or key results.
    expectProblem(await owner.client.post(`${API}/objectives`, { cycleId: q1.id, title: 'Late' }), 409, '/problems/conflict', 'cycleId');
    expectProblem(await owner.client.post(`${API}/objectives/${objective.id}/key-results`, percent('Late')), 409, '/problems/conflict');
  });
});
