import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus } from '../support/fixtures.js';
import { percent } from '../okrs/support.js';
import { API, MovableClock, setUpRhythmWorld, startRhythmServer, type RhythmServer, type RhythmWorld } from './support.js';

// The team checks in weekly, Monday 10:00 Paris (09:00 UTC); the cycle began on 11 February.
describeEachEngine('due rule: a key result is never due for a period that ended before it was published', (engine) => {
  const clock = new MovableClock('2025-02-14T12:00:00Z');
  let server: RhythmServer;
  let w: RhythmWorld;
  beforeAll(async () => {
    server = await startRhythmServer(engine().handle, clock);
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    await engine().reset();
    clock.set('2025-02-14T12:00:00Z');
    w = await setUpRhythmWorld(server.url);
  });

  const attention = async (iso: string) => {
    clock.set(iso);
    const response = await w.lead.client.get(`${API}/attention`);
    expectStatus(response, 200);
    return (response.body as { kind: string; since: string; what: string }[])
      .filter((i) => i.kind === 'overdue_check_in')
      .map((i) => `${i.since} ${i.what}`);
  };

  it('Needs attention and reminders leave out a key result published today, and count it from its first due date', async () => {
    // Tuesday 4 March: a new objective with one key result, published today, in the same team.
    clock.set('2025-03-04T12:00:00Z');
    const cycleId = (await w.api.objective(w.objectiveId)).cycleId;
    const fresh = await w.api.createObjective({ cycleId, title: 'Open the Lisbon office', teamId: w.teamId });
    await w.api.createKeyResult(fresh.id, { ...percent('Desks booked'), ownerId: w.member.user.id });
    await w.api.publish(fresh.id);

    const today = await attention('2025-03-04T12:00:00Z');
    expect(
      today.some((line) => line.includes('Desks booked')),
      'not overdue since a period that ended before it existed',
    ).toBe(false);
    expect(
      today.filter((line) => line.includes('Uptime to 99.9')),
      'older key results still are',
    ).toHaveLength(1);

    // Reminders for the period that ended on Monday 3 March: the world's two key results, not the new one.
    const reminders = await w.owner.client.post(`${API}/admin/jobs/reminders/run`, { force: true });
    expectStatus(reminders, 200);
    expect(reminders.body.periods.find((p: { key: string }) => p.key === `team:${w.teamId}:2025-03-03`)).toMatchObject({
      summary: { keyResults: 2 },
    });

    // Its first due moment is Monday 10 March 10:00 Paris; a day later it is overdue since then.
    expect((await attention('2025-03-11T09:00:00Z')).filter((line) => line.includes('Desks booked'))).toEqual([
      '2025-03-10T09:00:00.000Z Check-in missing: Desks booked (Open the Lisbon office)',
    ]);
  });
});
